import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account', 'text', (c) => c.notNull().unique())
    .addColumn('real_name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    // ID numbers and phones: SM4 ciphertext, a keyed blind index for exact look-up, and the
    // masked form the API returns. The plain value is never stored.
    .addColumn('id_number_cipher', 'text')
    .addColumn('id_number_index', 'text', (c) => c.unique())
    .addColumn('id_number_masked', 'text')
    .addColumn('phone_cipher', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('totp_secret_cipher', 'text')
    .addColumn('totp_pending_cipher', 'text')
    .addColumn('totp_last_counter', 'integer')
    .addColumn('totp_enabled_at', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_users_org_path').on('core_users').columns(['org_path', 'id']).execute();
  await db.schema.createIndex('core_users_phone').on('core_users').column('phone_index').execute();
  await db.schema.createIndex('core_users_real_name').on('core_users').column('real_name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_users').execute();
}
