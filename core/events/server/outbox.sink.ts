import type { Kysely } from 'kysely';
import { newId, toJson, type EventSink } from '#kernel';
import { eventsDb } from './events.tables.ts';
import { insertEvents } from './event.repo.ts';

/** Writes a transaction's published events to `core_events`, inside that transaction (the outbox). */
export const outboxSink: EventSink = {
  async append(db: Kysely<any>, events, meta) {
    const rows = events.map((e) => ({
      id: newId(),
      type: e.type,
      payload: toJson(e.payload),
      actorKind: meta.actor.kind,
      actorId: meta.actor.id,
      actorName: meta.actor.name,
      occurredAt: meta.at,
      fannedOutAt: null,
    }));
    // Batches keep each INSERT under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) await insertEvents(eventsDb(db), rows.slice(i, i + 100));
  },
};
