import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('division_code', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('core_orgs.id'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_orgs_parent').on('core_orgs').columns(['parent_id', 'code']).execute();
  await db.schema.createIndex('core_orgs_name').on('core_orgs').column('name').execute();
  await db.schema.createIndex('core_orgs_division').on('core_orgs').column('division_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_orgs').execute();
}
