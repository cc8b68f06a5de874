import type { Kysely } from 'kysely';
import { newId } from '#kernel';
import { eventsDb } from '../server/events.tables.ts';

/** Stores an event with one dead delivery (for route tests that need something to retry or discard); returns the delivery's id. */
export async function makeDeadDelivery(db: Kysely<any>, at: Date, subscriberId = 'work-plan.notify_reviewers'): Promise<string> {
  const events = eventsDb(db);
  const eventId = newId();
  const id = newId();
  const time = at.toISOString();
  await events
    .insertInto('core_events')
    .values({
      id: eventId,
      type: 'test.thing.happened',
      payload: '{}',
      actorKind: 'system',
      actorId: null,
      actorName: 'system',
      occurredAt: time,
      fannedOutAt: time,
    })
    .execute();
  await events
    .insertInto('core_event_deliveries')
    .values({
      id,
      eventId,
      subscriberId,
      status: 'dead',
      attempts: 5,
      nextAttemptAt: time,
      claimedUntil: null,
      lastError: 'test failure',
      createdAt: time,
      updatedAt: time,
    })
    .execute();
  return id;
}
