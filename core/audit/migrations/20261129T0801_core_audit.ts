import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('org_id', 'text')
    .addColumn('org_path', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_audit_events_org_path').on('core_audit_events').columns(['org_path', 'seq']).execute();
  await db.schema.createIndex('core_audit_events_actor').on('core_audit_events').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('core_audit_events_action').on('core_audit_events').columns(['action', 'seq']).execute();
  await db.schema.createIndex('core_audit_events_at').on('core_audit_events').column('at').execute();
  // One row holding the chain's head. Appending updates it first, which takes a row lock on
  // PostgreSQL, so concurrent transactions append one after another and never fork the chain.
  await db.schema
    .createTable('core_audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('core_audit_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_audit_head').execute();
  await db.schema.dropTable('core_audit_events').execute();
}
