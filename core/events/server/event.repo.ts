import { cappedCount } from '#kernel';
import type { DeliveryRow, DeliveryStatus, EventRow, EventsDb } from './events.tables.ts';

export type { DeliveryRow, EventRow };

export const insertEvents = (db: EventsDb, rows: EventRow[]) => db.insertInto('core_events').values(rows).execute();

/** Events not yet fanned out to their subscribers, oldest first. */
export const findUnfannedEvents = (db: EventsDb, limit: number) =>
  db.selectFrom('core_events').selectAll().where('fannedOutAt', 'is', null).orderBy('id').limit(limit).execute();

/** A delivery row per subscriber; an existing (event, subscriber) row is kept as it is (another dispatcher made it). */
export async function insertDeliveries(db: EventsDb, rows: DeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('core_event_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['eventId', 'subscriberId']).doNothing())
    .execute();
}

export const markFannedOut = (db: EventsDb, id: string, at: string) =>
  db.updateTable('core_events').set({ fannedOutAt: at }).where('id', '=', id).where('fannedOutAt', 'is', null).execute();

/** Pending deliveries due at `now` whose claim (if any) has expired, oldest event first. */
export const findDueDeliveries = (db: EventsDb, now: string, limit: number) =>
  db
    .selectFrom('core_event_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]))
    .orderBy('nextAttemptAt')
    .orderBy('eventId')
    .limit(limit)
    .execute();

/**
 * Claims a due delivery until `until`; true for the one dispatcher whose conditional UPDATE
 * changed the row (the same one-statement claim as core/jobs' lease).
 */
export async function claimDelivery(db: EventsDb, id: string, now: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('core_event_deliveries')
    .set({ claimedUntil: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks a pending delivery delivered; run inside the handler's transaction, so the mark and the
 * handler's changes commit together. False when it is no longer pending: another dispatcher
 * delivered it (PostgreSQL makes this statement wait for that one's commit, then re-checks).
 */
export async function markDelivered(db: EventsDb, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('core_event_deliveries')
    .set((eb) => ({ status: 'delivered', attempts: eb('attempts', '+', 1), claimedUntil: null, lastError: null, updatedAt: at }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: pending again at `nextAttemptAt`, or dead. */
export const recordFailure = (
  db: EventsDb,
  id: string,
  values: { status: 'pending' | 'dead'; attempts: number; nextAttemptAt: string; lastError: string; at: string },
) =>
  db
    .updateTable('core_event_deliveries')
    .set({
      status: values.status,
      attempts: values.attempts,
      nextAttemptAt: values.nextAttemptAt,
      lastError: values.lastError,
      claimedUntil: null,
      updatedAt: values.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();

export const findEvent = (db: EventsDb, id: string) => db.selectFrom('core_events').selectAll().where('id', '=', id).executeTakeFirst();

export const findDelivery = (db: EventsDb, id: string) =>
  db.selectFrom('core_event_deliveries').selectAll().where('id', '=', id).executeTakeFirst();

export type DeliveryWithEvent = DeliveryRow & Pick<EventRow, 'type' | 'payload' | 'occurredAt' | 'actorName'>;

const withEvent = (db: EventsDb) => db.selectFrom('core_event_deliveries as d').innerJoin('core_events as e', 'e.id', 'd.eventId');

/** Deliveries in `status`, newest change first, with their events. */
export async function listDeliveries(
  db: EventsDb,
  status: DeliveryStatus,
  offset: number,
  limit: number,
): Promise<{ items: DeliveryWithEvent[]; total: number; totalCapped: boolean }> {
  const base = withEvent(db).where('d.status', '=', status);
  const [items, count] = await Promise.all([
    base
      .selectAll('d')
      .select(['e.type', 'e.payload', 'e.occurredAt', 'e.actorName'])
      .orderBy('d.updatedAt', 'desc')
      .orderBy('d.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    cappedCount(db, db.selectFrom('core_event_deliveries').where('status', '=', status)),
  ]);
  return { items, ...count };
}

export const findDeliveryWithEvent = (db: EventsDb, id: string) =>
  withEvent(db).selectAll('d').select(['e.type', 'e.payload', 'e.occurredAt', 'e.actorName']).where('d.id', '=', id).executeTakeFirst();

/** Moves a dead delivery to `status` (pending again for a retry, or discarded); false when it is not dead. */
export async function reviveOrDiscard(
  db: EventsDb,
  id: string,
  values: { status: 'pending' | 'discarded'; attempts?: number; nextAttemptAt?: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('core_event_deliveries')
    .set({
      status: values.status,
      updatedAt: values.at,
      claimedUntil: null,
      ...(values.attempts === undefined ? {} : { attempts: values.attempts }),
      ...(values.nextAttemptAt ? { nextAttemptAt: values.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes delivered and discarded deliveries last changed before `before`; returns how many. */
export async function deleteFinishedDeliveries(db: EventsDb, before: string): Promise<number> {
  const result = await db
    .deleteFrom('core_event_deliveries')
    .where('status', 'in', ['delivered', 'discarded'])
    .where('updatedAt', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes events fanned out before `before` that no delivery still refers to (pending and dead ones keep theirs). */
export async function deleteSettledEvents(db: EventsDb, before: string): Promise<number> {
  const result = await db
    .deleteFrom('core_events')
    .where('fannedOutAt', 'is not', null)
    .where('fannedOutAt', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('core_event_deliveries')
            .select('core_event_deliveries.id')
            .whereRef('core_event_deliveries.eventId', '=', 'core_events.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
