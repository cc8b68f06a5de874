import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // API tokens for scripts (ADR 0008). Only the SHA-256 of the secret is kept; `prefix` is the
  // secret's first characters, enough to recognise a token in a list, too few to use it.
  // A token reaches one role on one org's subtree, never more than its owner holds at the time.
  await db.schema
    .createTable('core_api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('core_users.id'))
    // No foreign key: deleting a custom role must not be blocked by a token; a token whose role
    // is gone resolves to no permission at all.
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    // Written at most once a minute; `last_audited_on` is the Beijing date of the last
    // "used" audit record, so use is audited once a day per token, not once per request.
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_ip', 'text')
    .addColumn('last_audited_on', 'text')
    .execute();
  await db.schema.createIndex('core_api_tokens_user').on('core_api_tokens').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_api_tokens').execute();
}
