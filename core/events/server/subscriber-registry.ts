import { serviceRef, type ModuleDefinition, type ServiceRef, type SubscriberDefinition } from '#kernel';

export interface RegisteredSubscriber extends SubscriberDefinition<any> {
  /** The id of the module whose manifest declares it. */
  module: string;
}

export interface SubscriberRegistry {
  /** Subscribers of an event type, in module order. */
  of(type: string): RegisteredSubscriber[];
  find(id: string): RegisteredSubscriber | undefined;
  all(): RegisteredSubscriber[];
}

/**
 * The subscribers and events every enabled module declares. A malformed declaration stops the
 * start: an event published under another module's name, a subscriber named outside its module,
 * declared twice, or listening to an event no enabled module declares (a typo would never fire).
 */
export function buildSubscriberRegistry(modules: ModuleDefinition[]): SubscriberRegistry {
  const declared = new Set<string>();
  for (const m of modules) {
    for (const e of m.events ?? []) {
      if (!e.name.startsWith(`${m.id}.`))
        throw new Error(`event "${e.name}" of module ${m.id} must be named "${m.id}.<resource>.<past tense>"`);
      declared.add(e.name);
    }
  }
  const byId = new Map<string, RegisteredSubscriber>();
  for (const m of modules) {
    for (const s of m.subscribers ?? []) {
      if (!s.id.startsWith(`${m.id}.`)) throw new Error(`subscriber "${s.id}" of module ${m.id} must be named "${m.id}.<what>"`);
      if (byId.has(s.id)) throw new Error(`subscriber "${s.id}" is declared twice`);
      if (!declared.has(s.event.name))
        throw new Error(`subscriber "${s.id}" listens to "${s.event.name}", which no enabled module declares in its events`);
      if (s.maxAttempts !== undefined && (!Number.isInteger(s.maxAttempts) || s.maxAttempts < 1))
        throw new Error(`subscriber "${s.id}": maxAttempts must be a positive integer`);
      byId.set(s.id, { ...s, module: m.id });
    }
  }
  const all = [...byId.values()];
  return { of: (type) => all.filter((s) => s.event.name === type), find: (id) => byId.get(id), all: () => all };
}

/** core/events' own service: the registry built from every enabled module when the platform starts. */
export const EventsService = serviceRef<{ subscribers: SubscriberRegistry }>('events');

/** The running platform's subscribers, from a host or a ctx. */
export const subscribersOf = (from: { service<T>(ref: ServiceRef<T>): T }): SubscriberRegistry => from.service(EventsService).subscribers;
