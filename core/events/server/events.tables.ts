import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'discarded';

export interface EventRow {
  id: string;
  type: string;
  /** JSON text. */
  payload: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  occurredAt: string;
  fannedOutAt: string | null;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  subscriberId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The tables core/events owns, camelCase in TypeScript. */
export interface EventsTables {
  core_events: EventRow;
  core_event_deliveries: DeliveryRow;
}

export type EventsDb = Kysely<EventsTables>;

/** core/events' view of a connection or transaction: its two tables and nothing else. */
export const eventsDb = (db: PlatformDb | Kysely<any>): EventsDb =>
  ownTables<EventsTables>(db, 'events', ['core_events', 'core_event_deliveries']);
