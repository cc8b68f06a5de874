import type { Kysely } from 'kysely';

export interface SessionRow {
  id: string; user_id: string; csrf_token: string; mfa_state: string; ip: string | null; user_agent: string | null;
  created_at: string; last_seen_at: string; expires_at: string;
}

export const insertSession = (db: Kysely<any>, row: SessionRow) => db.insertInto('core_sessions').values(row).execute();
export const findSession = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_sessions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<SessionRow | undefined>;
export const touchSession = (db: Kysely<any>, id: string, at: string) =>
  db.updateTable('core_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
export const setMfaState = (db: Kysely<any>, id: string, state: string, expiresAt?: string) =>
  db.updateTable('core_sessions').set({ mfa_state: state, ...(expiresAt ? { expires_at: expiresAt } : {}) }).where('id', '=', id).execute();
export const passSecondFactor = (db: Kysely<any>, id: string, expiresAt: string) =>
  db.updateTable('core_sessions').set({ mfa_state: 'passed', expires_at: expiresAt }).where('id', '=', id).execute();
export const deleteSession = (db: Kysely<any>, id: string) => db.deleteFrom('core_sessions').where('id', '=', id).execute();
export const deleteSessionsOf = (db: Kysely<any>, userId: string) => db.deleteFrom('core_sessions').where('user_id', '=', userId).execute();
export const deleteExpired = async (db: Kysely<any>, now: string): Promise<number> =>
  Number((await db.deleteFrom('core_sessions').where('expires_at', '<', now).executeTakeFirst()).numDeletedRows);
export const listSessionsOf = (db: Kysely<any>, userId: string) =>
  db.selectFrom('core_sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute() as Promise<SessionRow[]>;
