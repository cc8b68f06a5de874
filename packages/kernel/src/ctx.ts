import type { Kysely } from 'kysely';
import type { Engine } from './db/database.ts';

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

export interface DomainEvent {
  type: string;
  payload: Record<string, unknown>;
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

export interface EventBus {
  deliver(events: DomainEvent[]): Promise<void>;
}

/**
 * What every service function receives: who acts, from where, when, on which connection, and
 * the audit and event queues. State changes go through `ctx.transaction`, which writes the
 * queued audit records inside the same transaction and delivers events only after commit.
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
  publish(event: DomainEvent): void;
  transaction<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
}

export interface CtxFactoryOptions {
  db: Kysely<any>;
  engine: Engine;
  auditSink: AuditSink;
  eventBus?: EventBus;
  clock?: () => Date;
  /** Called after a transaction that wrote audit records has committed (caches listen here). */
  afterCommit?: () => void;
}

export type CtxFactory = (who: { actor: Actor; ip?: string | null; access: Access }) => Ctx;

export function createCtxFactory(options: CtxFactoryOptions): CtxFactory {
  const clock = options.clock ?? (() => new Date());
  return ({ actor, ip = null, access }) => {
    const make = (db: Kysely<any>, inTransaction: boolean, audits: AuditEntry[], events: DomainEvent[]): Ctx => {
      const ctx: Ctx = {
        db,
        engine: options.engine,
        actor,
        ip,
        access,
        inTransaction,
        now: clock,
        audit(entry) {
          if (!inTransaction) throw new Error(`audit "${entry.action}" outside a transaction: wrap the change in ctx.transaction`);
          audits.push(entry);
        },
        publish(event) {
          events.push(event);
        },
        async transaction(fn) {
          if (inTransaction) return fn(ctx);
          const queuedEvents: DomainEvent[] = [];
          let changed = false;
          const result = await db.transaction().execute(async (trx) => {
            const queuedAudits: AuditEntry[] = [];
            const inner = make(trx, true, queuedAudits, queuedEvents);
            const value = await fn(inner);
            if (queuedAudits.length > 0) {
              await options.auditSink.append(trx, queuedAudits, { actor, ip, at: clock().toISOString() });
              changed = true;
            }
            return value;
          });
          if (changed) options.afterCommit?.();
          if (queuedEvents.length > 0 && options.eventBus) await options.eventBus.deliver(queuedEvents);
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
