import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Keyed by the account text as typed (trimmed, lower-cased), not by user id: unknown accounts
  // are counted and locked exactly like real ones, so the answers do not tell which exist.
  // One row per (account, address): a stranger's failures lock only the stranger's address.
  await db.schema
    .createTable('core_login_failures')
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('core_login_failures_pk', ['account', 'ip'])
    .execute();
  await db.schema.createIndex('core_login_failures_last').on('core_login_failures').column('last_failed_at').execute();
  // Failures of an account from every address, for the growing delay that bounds guesses
  // spread over many addresses.
  await db.schema
    .createTable('core_login_delays')
    .addColumn('account', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_login_delays_last').on('core_login_delays').column('last_failed_at').execute();
  // Wrong second-factor codes per user, across all their waiting sessions.
  await db.schema
    .createTable('core_totp_failures')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('core_users.id'))
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_totp_failures').execute();
  await db.schema.dropTable('core_login_delays').execute();
  await db.schema.dropTable('core_login_failures').execute();
}
