import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('core_role_permissions')
    .addColumn('role_id', 'text', (c) => c.notNull().references('core_roles.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('core_role_permissions_pk', ['role_id', 'permission'])
    .execute();
  await db.schema
    .createTable('core_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('core_roles.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('core_grants_unique', ['user_id', 'role_id', 'org_id'])
    .execute();
  await db.schema.createIndex('core_grants_org').on('core_grants').column('org_id').execute();
  await db.schema.createIndex('core_grants_role').on('core_grants').column('role_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_grants').execute();
  await db.schema.dropTable('core_role_permissions').execute();
  await db.schema.dropTable('core_roles').execute();
}
