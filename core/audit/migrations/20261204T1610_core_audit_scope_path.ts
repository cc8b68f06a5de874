import type { Kysely } from 'kysely';

/*
 * An audit record's org_path is part of its hash: it says where the org stood when the record
 * was written, and rewriting it would break the chain. Who may read the record follows the org
 * as it stands now, so lists filter on scope_path, which is not hashed and moves with the org.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('core_audit_events').addColumn('scope_path', 'text').execute();
  await db
    .updateTable('core_audit_events')
    .set((eb) => ({ scope_path: eb.ref('org_path') }))
    .execute();
  await db.schema.createIndex('core_audit_events_scope_path').on('core_audit_events').columns(['scope_path', 'seq']).execute();
  await db.schema.dropIndex('core_audit_events_org_path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('core_audit_events_org_path').on('core_audit_events').columns(['org_path', 'seq']).execute();
  await db.schema.dropIndex('core_audit_events_scope_path').execute();
  await db.schema.alterTable('core_audit_events').dropColumn('scope_path').execute();
}
