import { sql } from 'kysely';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { authDb, type LoginDelayRow, type LoginFailureRow } from './auth.tables.ts';

export type { LoginDelayRow, LoginFailureRow };

export const findLoginFailure = (db: PlatformDb, account: string, ip: string) =>
  authDb(db).selectFrom('core_login_failures').selectAll().where('account', '=', account).where('ip', '=', ip).executeTakeFirst();
export const findLoginDelay = (db: PlatformDb, account: string) =>
  authDb(db).selectFrom('core_login_delays').selectAll().where('account', '=', account).executeTakeFirst();

/**
 * Adds one failure in the database itself (an upsert returning the new count), so simultaneous
 * failures all count; a count whose last failure is older than `windowStart` starts again at 1.
 */
export async function addLoginFailure(db: PlatformDb, account: string, ip: string, at: string, windowStart: string): Promise<number> {
  const row = await authDb(db)
    .insertInto('core_login_failures')
    .values({ account, ip, failures: 1, lockedUntil: null, lastFailedAt: at })
    .onConflict((oc) =>
      oc.columns(['account', 'ip']).doUpdateSet({
        failures: sql<number>`case when core_login_failures.last_failed_at < ${windowStart} then 1 else core_login_failures.failures + 1 end`,
        lastFailedAt: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function addLoginDelayFailure(db: PlatformDb, account: string, at: string, windowStart: string): Promise<number> {
  const row = await authDb(db)
    .insertInto('core_login_delays')
    .values({ account, failures: 1, lastFailedAt: at })
    .onConflict((oc) =>
      oc.column('account').doUpdateSet({
        failures: sql<number>`case when core_login_delays.last_failed_at < ${windowStart} then 1 else core_login_delays.failures + 1 end`,
        lastFailedAt: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export const lockLoginAddress = (db: PlatformDb, account: string, ip: string, until: string) =>
  authDb(db)
    .updateTable('core_login_failures')
    .set({ failures: 0, lockedUntil: until })
    .where('account', '=', account)
    .where('ip', '=', ip)
    .execute();

export const clearLoginAddress = (db: PlatformDb, account: string, ip: string) =>
  authDb(db).deleteFrom('core_login_failures').where('account', '=', account).where('ip', '=', ip).execute();

/** Forgets every failure, lock and delay of an account, from every address. */
export async function clearLoginFailures(db: PlatformDb, account: string): Promise<void> {
  const auth = authDb(db);
  await auth.deleteFrom('core_login_failures').where('account', '=', account).execute();
  await auth.deleteFrom('core_login_delays').where('account', '=', account).execute();
}

/** Drops rows whose last failure is before `before`; their counts and locks have run out. */
export async function pruneLoginFailures(db: PlatformDb, before: string): Promise<void> {
  const auth = authDb(db);
  await auth.deleteFrom('core_login_failures').where('lastFailedAt', '<', before).execute();
  await auth.deleteFrom('core_login_delays').where('lastFailedAt', '<', before).execute();
}

export async function addTotpFailure(db: PlatformDb, userId: string, at: string, windowStart: string): Promise<number> {
  const row = await authDb(db)
    .insertInto('core_totp_failures')
    .values({ userId, failures: 1, lastFailedAt: at })
    .onConflict((oc) =>
      oc.column('userId').doUpdateSet({
        failures: sql<number>`case when core_totp_failures.last_failed_at < ${windowStart} then 1 else core_totp_failures.failures + 1 end`,
        lastFailedAt: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export const clearTotpFailures = (db: PlatformDb, userId: string) =>
  authDb(db).deleteFrom('core_totp_failures').where('userId', '=', userId).execute();
