import { cappedCount } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { authDb, type ApiTokenRow } from './auth.tables.ts';

export type { ApiTokenRow };

export const insertToken = (db: PlatformDb, row: ApiTokenRow) => authDb(db).insertInto('core_api_tokens').values(row).execute();

export const findToken = (db: PlatformDb, id: string) =>
  authDb(db).selectFrom('core_api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

/** The token behind a bearer secret's hash; its org and owner are looked up by their pieces. */
export const findTokenByHash = (db: PlatformDb, hash: string) =>
  authDb(db).selectFrom('core_api_tokens').selectAll().where('tokenHash', '=', hash).executeTakeFirst();

export const listTokensOf = (db: PlatformDb, userId: string) =>
  authDb(db).selectFrom('core_api_tokens').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').limit(200).execute();

/** The accounts that own at least one token (one of them, `userId`, when given). */
export async function tokenOwnerIds(db: PlatformDb, userId?: string): Promise<string[]> {
  let q = authDb(db).selectFrom('core_api_tokens').select('userId').distinct();
  if (userId) q = q.where('userId', '=', userId);
  return (await q.execute()).map((r) => r.userId);
}

/** Tokens of the accounts `ownerIds`, newest first. */
export async function listTokensOfOwners(db: PlatformDb, ownerIds: string[], offset: number, limit: number) {
  if (ownerIds.length === 0) return { items: [] as ApiTokenRow[], total: 0, totalCapped: false };
  const auth = authDb(db);
  const q = auth.selectFrom('core_api_tokens').where('userId', 'in', ownerIds);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('createdAt', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
    cappedCount(auth, q),
  ]);
  return { items, ...count };
}

export const revokeToken = (db: PlatformDb, id: string, at: string, by: string | null) =>
  authDb(db)
    .updateTable('core_api_tokens')
    .set({ revokedAt: at, revokedBy: by })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();

export const touchToken = (db: PlatformDb, id: string, at: string, ip: string | null) =>
  authDb(db).updateTable('core_api_tokens').set({ lastUsedAt: at, lastUsedIp: ip }).where('id', '=', id).execute();

/** Marks today's use as audited; false when another request already did (only one audit record a day). */
export async function claimDailyAudit(db: PlatformDb, id: string, day: string): Promise<boolean> {
  const result = await authDb(db)
    .updateTable('core_api_tokens')
    .set({ lastAuditedOn: day })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastAuditedOn', 'is', null), eb('lastAuditedOn', '!=', day)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
