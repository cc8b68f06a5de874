import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { authDb, type SessionRow } from './auth.tables.ts';

export type { SessionRow };

export const insertSession = (db: PlatformDb, row: SessionRow) => authDb(db).insertInto('core_sessions').values(row).execute();
export const findSession = (db: PlatformDb, id: string) =>
  authDb(db).selectFrom('core_sessions').selectAll().where('id', '=', id).executeTakeFirst();
export const touchSession = (db: PlatformDb, id: string, at: string) =>
  authDb(db).updateTable('core_sessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
export const setMfaState = (db: PlatformDb, id: string, state: string, expiresAt?: string) =>
  authDb(db)
    .updateTable('core_sessions')
    .set({ mfaState: state, ...(expiresAt ? { expiresAt } : {}) })
    .where('id', '=', id)
    .execute();
export const passSecondFactor = (db: PlatformDb, id: string, expiresAt: string) =>
  authDb(db).updateTable('core_sessions').set({ mfaState: 'passed', expiresAt }).where('id', '=', id).execute();
export const deleteSession = (db: PlatformDb, id: string) => authDb(db).deleteFrom('core_sessions').where('id', '=', id).execute();
export const deleteSessionsOf = (db: PlatformDb, userId: string) =>
  authDb(db).deleteFrom('core_sessions').where('userId', '=', userId).execute();
/** Ends every session of the user but `keepId` (the one changing the password). */
export const deleteOtherSessionsOf = (db: PlatformDb, userId: string, keepId: string) =>
  authDb(db).deleteFrom('core_sessions').where('userId', '=', userId).where('id', '!=', keepId).execute();
export const deleteExpired = async (db: PlatformDb, now: string): Promise<number> =>
  Number((await authDb(db).deleteFrom('core_sessions').where('expiresAt', '<', now).executeTakeFirst()).numDeletedRows);
export const listSessionsOf = (db: PlatformDb, userId: string) =>
  authDb(db).selectFrom('core_sessions').selectAll().where('userId', '=', userId).orderBy('lastSeenAt', 'desc').execute();
