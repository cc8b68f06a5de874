import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_files_sha256').on('core_files').column('sha256').execute();
  await db.schema.createIndex('core_files_owner').on('core_files').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('core_files_org_path').on('core_files').column('org_path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_files').execute();
}
