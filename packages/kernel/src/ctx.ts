import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import type { Engine } from './db/database.ts';
import type { EventDefinition, QueuedEvent } from './events.ts';
import type { ServiceDirectory, ServiceRef } from './service.ts';

export interface Actor {
  kind: 'user' | 'cli' | 'system' | 'anonymous';
  /** The user's id for kind 'user'; null otherwise. */
  id: string | null;
  /** What the audit log shows: account name, `cli:<os-user>` or `system`. */
  name: string;
}

export interface AuditEntry {
  /** `<module>.<resource>.<past tense>`, e.g. `orgs.org.created`. */
  action: string;
  objectType: string;
  objectId: string | null;
  /** The org the object belongs to; audit lists are filtered by its subtree. */
  orgId: string | null;
  /** What changed: `{ field: [before, after] }`, or the created/removed values. Never secrets. */
  changes?: Record<string, unknown>;
}

/** The caller's permissions, resolved from their grants. Implemented by core/access. */
export interface Access {
  readonly userId: string | null;
  /** True when a grant gives `permission` on `orgPath` or an ancestor; without a path, anywhere. */
  can(permission: string, orgPath?: string): boolean;
  /** Throws forbidden unless `can(permission, orgPath)`. */
  require(permission: string, orgPath?: string): void;
  /** The org paths whose subtrees `permission` covers, with nested ones removed; [] when none. */
  scopes(permission: string): string[];
}

export interface AuditSink {
  append(db: Kysely<any>, entries: AuditEntry[], meta: { actor: Actor; ip: string | null; at: string }): Promise<void>;
}

/** The transactional outbox: stores a transaction's events inside that transaction (core/events). */
export interface EventSink {
  append(db: Kysely<any>, events: QueuedEvent[], meta: { actor: Actor; at: string }): Promise<void>;
}

/**
 * What every service function receives: who acts, from where, when, on which connection, and
 * the audit and event queues. State changes go through `ctx.transaction`, which writes the
 * queued audit records and events (to the outbox) inside the same transaction; subscribers
 * see an event only once that transaction has committed.
 */
export interface Ctx {
  readonly db: Kysely<any>;
  readonly engine: Engine;
  readonly actor: Actor;
  readonly ip: string | null;
  readonly access: Access;
  readonly inTransaction: boolean;
  now(): Date;
  audit(entry: AuditEntry): void;
  /** Queues an event for the outbox; like `audit`, only inside `ctx.transaction`. */
  publish<Payload>(event: EventDefinition<Payload>, payload: Payload): void;
  transaction<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** Another piece's contract service (see kernel/service.ts); the same object for the platform's lifetime. */
  service<T>(ref: ServiceRef<T>): T;
}

export interface CtxFactoryOptions {
  db: Kysely<any>;
  engine: Engine;
  auditSink: AuditSink;
  /** Where published events go; a transaction that published without one fails (a programming error). */
  eventSink?: EventSink;
  clock?: () => Date;
  /** The contract services of the running platform, for `ctx.service`. */
  services?: ServiceDirectory;
  /** Called after a transaction that wrote audit records has committed (caches listen here). */
  afterCommit?: () => void;
  /** Called after a transaction that published events has committed (the dispatcher's nudge). */
  afterPublish?: () => void;
}

export type CtxFactory = (who: { actor: Actor; ip?: string | null; access: Access }) => Ctx;

export function createCtxFactory(options: CtxFactoryOptions): CtxFactory {
  const clock = options.clock ?? (() => new Date());
  return ({ actor, ip = null, access }) => {
    const make = (db: Kysely<any>, inTransaction: boolean, audits: AuditEntry[], events: QueuedEvent[]): Ctx => {
      const ctx: Ctx = {
        db,
        engine: options.engine,
        actor,
        ip,
        access,
        inTransaction,
        now: clock,
        service(ref) {
          if (!options.services) throw new Error(`no service "${ref.id}": this Ctx was made without a service directory`);
          return options.services.get(ref);
        },
        audit(entry) {
          if (!inTransaction) throw new Error(`audit "${entry.action}" outside a transaction: wrap the change in ctx.transaction`);
          audits.push(entry);
        },
        publish(event, payload) {
          if (!inTransaction) throw new Error(`event "${event.name}" published outside a transaction: wrap the change in ctx.transaction`);
          // The compiler checks the payload's type; this catches what a cast let through before it is stored.
          if (!Value.Check(event.schema, payload)) throw new Error(`event "${event.name}": the payload does not match its schema`);
          events.push({ type: event.name, payload });
        },
        async transaction(fn) {
          if (inTransaction) return fn(ctx);
          let changed = false;
          let published = false;
          const result = await db.transaction().execute(async (trx) => {
            const queuedAudits: AuditEntry[] = [];
            const queuedEvents: QueuedEvent[] = [];
            const inner = make(trx, true, queuedAudits, queuedEvents);
            const value = await fn(inner);
            if (queuedAudits.length > 0) {
              await options.auditSink.append(trx, queuedAudits, { actor, ip, at: clock().toISOString() });
              changed = true;
            }
            if (queuedEvents.length > 0) {
              if (!options.eventSink) throw new Error('events were published but this platform has no outbox (eventSink)');
              await options.eventSink.append(trx, queuedEvents, { actor, at: clock().toISOString() });
              published = true;
            }
            return value;
          });
          if (changed) options.afterCommit?.();
          if (published) options.afterPublish?.();
          return result;
        },
      };
      return ctx;
    };
    return make(options.db, false, [], []);
  };
}

/** Access for trusted callers (CLI, seeding, jobs): every permission, everywhere. */
export const fullAccess: Access = {
  userId: null,
  can: () => true,
  require: () => undefined,
  scopes: () => ['/'],
};
