import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A service account belongs to a script or an integration: it has a home org and grants like
  // any account, no password (so it can never sign in), and acts only through API tokens.
  await db.schema
    .alterTable('core_users')
    .addColumn('is_service_account', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('core_users').dropColumn('is_service_account').execute();
}
