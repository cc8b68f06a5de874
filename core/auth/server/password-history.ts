import { newId } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import type { UserRow } from '#core/users/server/user.repo.ts';
import { verifyPassword } from './password.ts';
import { authDb } from './auth.tables.ts';
import { AuthErrors } from '../contract/errors.ts';

/** A change may not go back to the current password or the ones before it, this many in all. */
export const PASSWORD_REUSE_LIMIT = 5;
const KEPT = PASSWORD_REUSE_LIMIT - 1;

/** Refuses `next` when it is the user's current password or one of the previous ones kept. */
export async function assertPasswordNotRecent(db: PlatformDb, user: Pick<UserRow, 'id' | 'password_hash'>, next: string): Promise<void> {
  const previous = await authDb(db)
    .selectFrom('core_password_history')
    .select('passwordHash')
    .where('userId', '=', user.id)
    .orderBy('replacedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(KEPT)
    .execute();
  const hashes = [user.password_hash, ...previous.map((p) => p.passwordHash)].filter((h): h is string => !!h);
  // Compared through scrypt, not as text: each hash has its own salt, and the input is NFKC-normalised like at sign-in.
  const matches = await Promise.all(hashes.map((hash) => verifyPassword(next, hash)));
  if (matches[0] && hashes[0] === user.password_hash) throw AuthErrors.passwordUnchanged({ field: 'newPassword' });
  if (matches.some(Boolean)) throw AuthErrors.passwordReused({ field: 'newPassword', count: PASSWORD_REUSE_LIMIT });
}

/**
 * Keeps the hash of a password that is being replaced, unless it was a one-time password an
 * administrator or the platform handed out (it was never the holder's own choice), and forgets
 * the ones older than the limit.
 */
export async function rememberReplacedPassword(
  db: PlatformDb,
  user: Pick<UserRow, 'id' | 'password_hash' | 'must_change_password'>,
  at: Date,
): Promise<void> {
  if (!user.password_hash || Number(user.must_change_password)) return;
  const auth = authDb(db);
  await auth
    .insertInto('core_password_history')
    .values({ id: newId(at.getTime()), userId: user.id, passwordHash: user.password_hash, replacedAt: at.toISOString() })
    .execute();
  const kept = await auth
    .selectFrom('core_password_history')
    .select('id')
    .where('userId', '=', user.id)
    .orderBy('replacedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(KEPT)
    .execute();
  await auth
    .deleteFrom('core_password_history')
    .where('userId', '=', user.id)
    .where(
      'id',
      'not in',
      kept.map((k) => k.id),
    )
    .execute();
}
