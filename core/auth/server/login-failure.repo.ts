import { sql, type Kysely } from 'kysely';

export interface LoginFailureRow { account: string; ip: string; failures: number; locked_until: string | null; last_failed_at: string }
export interface LoginDelayRow { account: string; failures: number; last_failed_at: string }

export const findLoginFailure = (db: Kysely<any>, account: string, ip: string) =>
  db.selectFrom('core_login_failures').selectAll().where('account', '=', account).where('ip', '=', ip).executeTakeFirst() as Promise<LoginFailureRow | undefined>;
export const findLoginDelay = (db: Kysely<any>, account: string) =>
  db.selectFrom('core_login_delays').selectAll().where('account', '=', account).executeTakeFirst() as Promise<LoginDelayRow | undefined>;

/**
 * Adds one failure in the database itself (an upsert returning the new count), so simultaneous
 * failures all count; a count whose last failure is older than `windowStart` starts again at 1.
 */
export async function addLoginFailure(db: Kysely<any>, account: string, ip: string, at: string, windowStart: string): Promise<number> {
  const row = await db.insertInto('core_login_failures').values({ account, ip, failures: 1, locked_until: null, last_failed_at: at })
    .onConflict((oc) => oc.columns(['account', 'ip']).doUpdateSet({
      failures: sql`case when core_login_failures.last_failed_at < ${windowStart} then 1 else core_login_failures.failures + 1 end`,
      last_failed_at: at,
    }))
    .returning('failures').executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function addLoginDelayFailure(db: Kysely<any>, account: string, at: string, windowStart: string): Promise<number> {
  const row = await db.insertInto('core_login_delays').values({ account, failures: 1, last_failed_at: at })
    .onConflict((oc) => oc.column('account').doUpdateSet({
      failures: sql`case when core_login_delays.last_failed_at < ${windowStart} then 1 else core_login_delays.failures + 1 end`,
      last_failed_at: at,
    }))
    .returning('failures').executeTakeFirstOrThrow();
  return Number(row.failures);
}

export const lockLoginAddress = (db: Kysely<any>, account: string, ip: string, until: string) =>
  db.updateTable('core_login_failures').set({ failures: 0, locked_until: until }).where('account', '=', account).where('ip', '=', ip).execute();

export const clearLoginAddress = (db: Kysely<any>, account: string, ip: string) =>
  db.deleteFrom('core_login_failures').where('account', '=', account).where('ip', '=', ip).execute();

/** Forgets every failure, lock and delay of an account, from every address. */
export async function clearLoginFailures(db: Kysely<any>, account: string): Promise<void> {
  await db.deleteFrom('core_login_failures').where('account', '=', account).execute();
  await db.deleteFrom('core_login_delays').where('account', '=', account).execute();
}

/** Drops rows whose last failure is before `before`; their counts and locks have run out. */
export async function pruneLoginFailures(db: Kysely<any>, before: string): Promise<void> {
  await db.deleteFrom('core_login_failures').where('last_failed_at', '<', before).execute();
  await db.deleteFrom('core_login_delays').where('last_failed_at', '<', before).execute();
}

export async function addTotpFailure(db: Kysely<any>, userId: string, at: string, windowStart: string): Promise<number> {
  const row = await db.insertInto('core_totp_failures').values({ user_id: userId, failures: 1, last_failed_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({
      failures: sql`case when core_totp_failures.last_failed_at < ${windowStart} then 1 else core_totp_failures.failures + 1 end`,
      last_failed_at: at,
    }))
    .returning('failures').executeTakeFirstOrThrow();
  return Number(row.failures);
}

export const clearTotpFailures = (db: Kysely<any>, userId: string) => db.deleteFrom('core_totp_failures').where('user_id', '=', userId).execute();
