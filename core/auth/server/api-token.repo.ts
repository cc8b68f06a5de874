import type { Kysely } from 'kysely';
import { cappedCount, inSubtrees } from '#kernel';

export interface ApiTokenRow {
  id: string; token_hash: string; prefix: string; name: string; user_id: string; role_id: string; org_id: string;
  created_by: string; created_at: string; expires_at: string; revoked_at: string | null; revoked_by: string | null;
  last_used_at: string | null; last_used_ip: string | null; last_audited_on: string | null;
}

/** A token with what a list shows and what a scope check needs (owner's home org, token's org). */
export interface ApiTokenView extends ApiTokenRow {
  user_account: string; user_org_id: string; user_org_path: string; role_code: string | null; role_name: string | null; org_name: string; org_path: string;
}

// Left join on roles: a token whose custom role was deleted still lists (and reaches nothing).
const tokensView = (db: Kysely<any>) => db.selectFrom('core_api_tokens as t')
  .innerJoin('core_users as u', 'u.id', 't.user_id')
  .innerJoin('core_orgs as o', 'o.id', 't.org_id')
  .leftJoin('core_roles as r', 'r.id', 't.role_id');

const viewColumns = ['t.id', 't.token_hash', 't.prefix', 't.name', 't.user_id', 't.role_id', 't.org_id', 't.created_by', 't.created_at',
  't.expires_at', 't.revoked_at', 't.revoked_by', 't.last_used_at', 't.last_used_ip', 't.last_audited_on', 'u.account as user_account',
  'u.org_id as user_org_id', 'u.org_path as user_org_path', 'r.code as role_code', 'r.name as role_name', 'o.name as org_name', 'o.path as org_path'] as const;

export const insertToken = (db: Kysely<any>, row: ApiTokenRow) => db.insertInto('core_api_tokens').values(row).execute();

export const findToken = (db: Kysely<any>, id: string) =>
  tokensView(db).select(viewColumns).where('t.id', '=', id).executeTakeFirst() as Promise<ApiTokenView | undefined>;

/** What a bearer request needs in one query: the token, its org (path, active) and its role's id. */
export const findTokenByHash = (db: Kysely<any>, hash: string) =>
  db.selectFrom('core_api_tokens as t').innerJoin('core_orgs as o', 'o.id', 't.org_id')
    .selectAll('t').select(['o.path as org_path', 'o.is_active as org_is_active'])
    .where('t.token_hash', '=', hash).executeTakeFirst() as Promise<(ApiTokenRow & { org_path: string; org_is_active: number }) | undefined>;

export const listTokensOf = (db: Kysely<any>, userId: string) =>
  tokensView(db).select(viewColumns).where('t.user_id', '=', userId).orderBy('t.created_at', 'desc').limit(200).execute() as Promise<ApiTokenView[]>;

/** Tokens whose owner's home org lies in `scopes`, newest first. */
export async function listTokens(db: Kysely<any>, f: { scopes: string[]; userId?: string }, offset: number, limit: number) {
  let q = tokensView(db).where((eb) => inSubtrees(eb, 'u.org_path', f.scopes));
  if (f.userId) q = q.where('t.user_id', '=', f.userId);
  const [items, count] = await Promise.all([
    q.select(viewColumns).orderBy('t.created_at', 'desc').orderBy('t.id').offset(offset).limit(limit).execute() as Promise<ApiTokenView[]>,
    cappedCount(db, q),
  ]);
  return { items, ...count };
}

export const revokeToken = (db: Kysely<any>, id: string, at: string, by: string | null) =>
  db.updateTable('core_api_tokens').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();

export const touchToken = (db: Kysely<any>, id: string, at: string, ip: string | null) =>
  db.updateTable('core_api_tokens').set({ last_used_at: at, last_used_ip: ip }).where('id', '=', id).execute();

/** Marks today's use as audited; false when another request already did (only one audit record a day). */
export async function claimDailyAudit(db: Kysely<any>, id: string, day: string): Promise<boolean> {
  const result = await db.updateTable('core_api_tokens').set({ last_audited_on: day }).where('id', '=', id)
    .where((eb) => eb.or([eb('last_audited_on', 'is', null), eb('last_audited_on', '!=', day)])).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
