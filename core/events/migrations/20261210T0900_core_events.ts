import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The outbox: one row per published event, written in the publishing transaction.
  await db.schema
    .createTable('core_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // Set once a delivery row exists for every subscriber of the type; null = not yet fanned out.
    .addColumn('fanned_out_at', 'text')
    .execute();
  await db.schema.createIndex('core_events_fan_out').on('core_events').columns(['fanned_out_at', 'id']).execute();
  // One row per (event, subscriber): the idempotency key. Marked delivered in the handler's own transaction.
  await db.schema
    .createTable('core_event_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('core_events.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'dead', 'discarded')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // A dispatcher's claim while it runs the handler; an expired claim is free to take.
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('core_event_deliveries_key')
    .unique()
    .on('core_event_deliveries')
    .columns(['event_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('core_event_deliveries_due').on('core_event_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('core_event_deliveries_updated').on('core_event_deliveries').columns(['status', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_event_deliveries').execute();
  await db.schema.dropTable('core_events').execute();
}
