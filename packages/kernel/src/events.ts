import type { Static, TSchema } from 'typebox';
import type { Actor, Ctx } from './ctx.ts';
import type { Label } from './module.ts';

/** `<module>.<resource>.<past tense>`, lower case: `work-plan.report.submitted`. */
const EVENT_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_]*$/;

/**
 * A kind of event a module publishes, declared once in its `contract/events.ts`: the name and
 * the payload's TypeBox schema. `ctx.publish(definition, payload)` type-checks the payload
 * against it, and the outbox checks it against the schema before storing it.
 */
export interface EventDefinition<Payload = unknown, Name extends string = string> {
  readonly name: Name;
  readonly schema: TSchema;
  /** Never set: carries the payload type for the compiler. */
  readonly payloadType?: Payload;
}

/** Declares an event kind; a name not shaped `<module>.<resource>.<past tense>` is refused. */
export function defineEvent<const Name extends string, S extends TSchema>(name: Name, schema: S): EventDefinition<Static<S>, Name> {
  if (!EVENT_NAME.test(name)) throw new Error(`event "${name}" must be named <module>.<resource>.<past tense>`);
  return { name, schema };
}

/** The payload type of an event definition. */
export type EventPayload<E> = E extends EventDefinition<infer P> ? P : never;

/** An event as a subscriber receives it from the outbox. */
export interface PublishedEvent<Payload = unknown> {
  /** The outbox row's id (ULID): a subscriber's idempotency key. */
  id: string;
  type: string;
  payload: Payload;
  /** When the publishing transaction ran (its clock), ISO 8601. */
  occurredAt: string;
  /** Who made the change that published it. */
  actor: Pick<Actor, 'kind' | 'id' | 'name'>;
}

/**
 * A reaction a module declares in its manifest (`subscribers`). The host's dispatcher calls
 * `handle` at least once per event, in a transaction that also marks the delivery done, so the
 * handler's own changes and its "done" mark commit together and a committed delivery never runs
 * again. A handler that throws is retried with back-off; after `maxAttempts` it is dead and shows
 * in the console's dead-letter view. Effects outside the database (a call to another system) may
 * repeat: make them idempotent by `event.id`.
 */
export interface SubscriberDefinition<Payload = unknown> {
  /** `<module>.<what>`, e.g. `work-plan.notify_reviewers`; the delivery's key with the event id. */
  id: string;
  label?: Label;
  event: EventDefinition<Payload>;
  /** Failed attempts before the delivery is dead (default 5). */
  maxAttempts?: number;
  /** Reaches other pieces through `ctx.service(Ref)`. */
  handle(ctx: Ctx, event: PublishedEvent<Payload>): Promise<void>;
}

/** Declares a subscriber; the payload type follows from `event`. */
export const defineSubscriber = <Payload>(subscriber: SubscriberDefinition<Payload>): SubscriberDefinition<Payload> => subscriber;

/** What the transaction hands the outbox when it commits (see `EventSink` in ctx.ts). */
export interface QueuedEvent {
  type: string;
  payload: unknown;
}
