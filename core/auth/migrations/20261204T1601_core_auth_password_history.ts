import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Hashes (scrypt, salted) of the passwords an account had before its current one, so a change
  // can refuse the recent ones. Only the newest few per user are kept.
  await db.schema
    .createTable('core_password_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_password_history_user').on('core_password_history').columns(['user_id', 'replaced_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_password_history').execute();
}
