import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Upload quotas sum a user's and an org's files on every upload; the clean-up job looks for
  // old unattached files every hour.
  await db.schema.createIndex('core_files_created_by').on('core_files').column('created_by').execute();
  await db.schema.createIndex('core_files_org_id').on('core_files').column('org_id').execute();
  await db.schema.createIndex('core_files_unattached').on('core_files').columns(['owner_type', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['core_files_unattached', 'core_files_org_id', 'core_files_created_by']) await db.schema.dropIndex(name).execute();
}
