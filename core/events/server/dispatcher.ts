import { fromJson, fullAccess, newId, type Actor, type Ctx, type Host, type PublishedEvent } from '#kernel';
import { retryDelaySeconds } from '#core/jobs/server/backoff.ts';
import { eventsDb, type EventsDb } from './events.tables.ts';
import * as repo from './event.repo.ts';
import { subscribersOf, type RegisteredSubscriber, type SubscriberRegistry } from './subscriber-registry.ts';

/** Failed attempts before a delivery is dead, unless its subscriber says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Retries wait 30 s, 60 s, 120 s… but never more than this. */
export const MAX_RETRY_SECONDS = 3600;
/** How long a dispatcher's claim on a delivery lasts; a handler still running after it may be started again elsewhere. */
export const CLAIM_SECONDS = 300;
const BATCH = 100;
/** One pass handles at most this many rows of each kind, so a backlog cannot hold the job's lease for ever. */
const MAX_PER_PASS = 2000;
const MAX_ERROR = 2000;

export interface DispatchOptions {
  /**
   * Called after a handler's transaction has committed and before the dispatcher goes on; a test
   * throws here to stand for a process that dies at that moment.
   */
  afterHandled?(deliveryId: string): void | Promise<void>;
}

export interface DispatchReport {
  fannedOut: number;
  delivered: number;
  retrying: number;
  dead: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}

/** The actor a subscriber's changes are audited under. */
export const subscriberActor = (subscriberId: string): Actor => ({ kind: 'system', id: null, name: `event:${subscriberId}` });

/** Gives every event not yet fanned out one pending delivery per subscriber of its type. Idempotent. */
async function fanOut(db: EventsDb, registry: SubscriberRegistry, now: Date): Promise<number> {
  let count = 0;
  while (count < MAX_PER_PASS) {
    const events = await repo.findUnfannedEvents(db, BATCH);
    if (events.length === 0) break;
    const at = now.toISOString();
    for (const event of events) {
      await repo.insertDeliveries(
        db,
        registry.of(event.type).map((s) => ({
          id: newId(),
          eventId: event.id,
          subscriberId: s.id,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: at,
          claimedUntil: null,
          lastError: null,
          createdAt: at,
          updatedAt: at,
        })),
      );
      await repo.markFannedOut(db, event.id, at);
    }
    count += events.length;
  }
  return count;
}

const toPublished = (e: repo.EventRow): PublishedEvent => ({
  id: e.id,
  type: e.type,
  payload: fromJson<unknown>(e.payload, null),
  occurredAt: e.occurredAt,
  actor: { kind: e.actorKind as Actor['kind'], id: e.actorId, name: e.actorName },
});

/**
 * Runs one handler in a transaction that first marks the delivery delivered: the handler's
 * changes and the mark commit together or not at all. Returns false when the delivery was no
 * longer pending (another dispatcher delivered it), in which case the handler did not run.
 */
async function runHandler(host: Host, subscriber: RegisteredSubscriber, deliveryId: string, event: PublishedEvent): Promise<boolean> {
  const ctx = host.makeCtx({ actor: subscriberActor(subscriber.id), access: fullAccess });
  return ctx.transaction(async (tx) => {
    if (!(await repo.markDelivered(eventsDb(tx.db), deliveryId, tx.now().toISOString()))) return false;
    await subscriber.handle(tx, event);
    return true;
  });
}

/** Records a failed attempt: a retry after back-off while attempts remain, dead after the last. */
async function recordFailure(
  db: EventsDb,
  delivery: repo.DeliveryRow,
  maxAttempts: number,
  error: string,
  now: Date,
): Promise<'retrying' | 'dead'> {
  const attempts = Number(delivery.attempts) + 1;
  const isDead = attempts >= maxAttempts;
  const nextAttemptAt = isDead ? now.toISOString() : iso(now.getTime() + retryDelaySeconds(attempts, MAX_RETRY_SECONDS) * 1000);
  await repo.recordFailure(db, delivery.id, {
    status: isDead ? 'dead' : 'pending',
    attempts,
    nextAttemptAt,
    lastError: error,
    at: now.toISOString(),
  });
  return isDead ? 'dead' : 'retrying';
}

/**
 * One pass of the dispatcher: fans new outbox rows out to their subscribers, then runs every
 * due delivery this instance can claim. Safe to run on several instances and several times at
 * once: each delivery is claimed with a conditional UPDATE, and the handler's transaction marks
 * it delivered only while it is still pending, so a subscriber's committed work happens once
 * per event. A handler that throws is retried with back-off and is dead after its attempts.
 */
export async function dispatchEvents(ctx: Ctx, host: Host, options: DispatchOptions = {}): Promise<DispatchReport> {
  const db = eventsDb(ctx.db);
  const registry = subscribersOf(host);
  const report: DispatchReport = { fannedOut: await fanOut(db, registry, ctx.now()), delivered: 0, retrying: 0, dead: 0 };
  const tried = new Set<string>();
  while (tried.size < MAX_PER_PASS) {
    const now = ctx.now();
    // A delivery that failed in this pass waits for its back-off; one retried at once (no back-off left) waits for the next pass.
    const due = (await repo.findDueDeliveries(db, now.toISOString(), BATCH)).filter((d) => !tried.has(d.id));
    if (due.length === 0) break;
    for (const delivery of due) {
      tried.add(delivery.id);
      const claimedAt = ctx.now();
      if (!(await repo.claimDelivery(db, delivery.id, claimedAt.toISOString(), iso(claimedAt.getTime() + CLAIM_SECONDS * 1000)))) continue;
      const subscriber = registry.find(delivery.subscriberId);
      const event = await repo.findEvent(db, delivery.eventId);
      if (!subscriber || !event) {
        await recordFailure(
          db,
          delivery,
          1,
          subscriber ? 'the event is gone' : `subscriber ${delivery.subscriberId} is no longer declared by any enabled module`,
          ctx.now(),
        );
        report.dead += 1;
        continue;
      }
      try {
        if (await runHandler(host, subscriber, delivery.id, toPublished(event))) report.delivered += 1;
      } catch (error) {
        report[await recordFailure(db, delivery, subscriber.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, messageOf(error), ctx.now())] += 1;
        continue;
      }
      await options.afterHandled?.(delivery.id);
    }
  }
  return report;
}

/**
 * A nudge for prompt delivery: after a transaction that published events commits, run a
 * dispatcher pass in this process soon, one pass at a time (a nudge during a pass asks for one
 * more). The `events.dispatch` job remains the guarantee; the nudge only shortens the wait.
 */
export function dispatchNudge(pass: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      try {
        await pass();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = false;
  };
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    setImmediate(() => void run());
  };
}
