import type { DomainError, Ctx } from '#kernel';
import { updateUser, type UserRow } from '#core/users/server/user.repo.ts';
import { maskPersonalNumbers } from '#core/users/server/id-number.ts';
import * as failures from './login-failure.repo.ts';
import { AuthErrors } from '../contract/errors.ts';

/** Five failures of one account from one address lock that pair for 15 minutes. */
export const LOCKOUT = { maxFailedAttempts: 5, lockMinutes: 15 } as const;
/**
 * Failures of one account from every address: past `afterFailures` within the window, each
 * further attempt waits `firstDelaySeconds`, doubling with every failure up to the cap. This
 * bounds guesses spread over many addresses, which the per-address lock alone does not.
 */
export const ACCOUNT_DELAY = { afterFailures: 10, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60, windowMinutes: 60 } as const;

const minutesBefore = (date: Date, minutes: number) => new Date(date.getTime() - minutes * 60_000).toISOString();

/** How long an account must wait after its last failure, given its failures in the window. */
export function accountDelaySeconds(failureCount: number): number {
  if (failureCount < ACCOUNT_DELAY.afterFailures) return 0;
  const doublings = Math.min(failureCount - ACCOUNT_DELAY.afterFailures, 30);
  return Math.min(ACCOUNT_DELAY.firstDelaySeconds * 2 ** doublings, ACCOUNT_DELAY.maxDelaySeconds);
}

/**
 * Refuses a sign-in attempt, before its password is looked at, while the (account, address)
 * pair is locked (423) or the account is in its growing delay (429). Known and unknown
 * accounts are read from the same tables the same way, so the answer tells nothing about
 * which accounts exist.
 */
export async function refuseWhileThrottled(ctx: Ctx, account: string): Promise<void> {
  const now = ctx.now();
  const [pair, delay] = await Promise.all([
    failures.findLoginFailure(ctx.db, account, ctx.ip ?? ''),
    failures.findLoginDelay(ctx.db, account),
  ]);
  if (pair?.lockedUntil && pair.lockedUntil > now.toISOString()) {
    const minutes = Math.ceil((new Date(pair.lockedUntil).getTime() - now.getTime()) / 60_000);
    throw AuthErrors.accountLocked({ minutes });
  }
  if (delay && delay.lastFailedAt >= minutesBefore(now, ACCOUNT_DELAY.windowMinutes)) {
    const waitUntil = new Date(delay.lastFailedAt).getTime() + accountDelaySeconds(delay.failures) * 1000;
    if (waitUntil > now.getTime()) throw AuthErrors.signInDelayed({ retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000) });
  }
}

/**
 * Counts one failed sign-in of `account` from the caller's address, inside the caller's
 * transaction, and says whether it locked the pair. `user` only adds the audit trail and
 * marks the user as locked for the user list; it never changes the counting.
 */
export async function countLoginFailure(
  tx: Ctx,
  account: string,
  user: UserRow | undefined,
): Promise<{ locked: boolean; remainingAttempts: number }> {
  const now = tx.now();
  const at = now.toISOString();
  const windowStart = minutesBefore(now, ACCOUNT_DELAY.windowMinutes);
  const ip = tx.ip ?? '';
  // Rows of accounts nobody types any more would otherwise pile up, most of them made-up names.
  await failures.pruneLoginFailures(tx.db, windowStart);
  const attempts = await failures.addLoginFailure(tx.db, account, ip, at, windowStart);
  await failures.addLoginDelayFailure(tx.db, account, at, windowStart);
  const locked = attempts >= LOCKOUT.maxFailedAttempts;
  if (locked) {
    const until = new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000).toISOString();
    await failures.lockLoginAddress(tx.db, account, ip, until);
    // The user list's "locked" means locked from at least one address; every lock lasts the
    // same time, so the newest one ends last.
    if (user) await updateUser(tx.db, user.id, { locked_until: until });
  }
  tx.audit({
    action: locked ? 'auth.account.locked' : 'auth.login.failed',
    objectType: 'user',
    objectId: user?.id ?? null,
    orgId: user?.org_id ?? null,
    // People type their phone or ID number as the account; what they typed is kept masked.
    changes: { account: maskPersonalNumbers(account), attempts, ...(user ? {} : { unknownAccount: true }) },
  });
  return { locked, remainingAttempts: locked ? 0 : LOCKOUT.maxFailedAttempts - attempts };
}

/** The error a failed sign-in answers with; the same for every account, existing or not. */
export function loginFailureError(result: { locked: boolean; remainingAttempts: number }): DomainError {
  return result.locked
    ? AuthErrors.accountLocked({ minutes: LOCKOUT.lockMinutes })
    : AuthErrors.invalidCredentials({ remainingAttempts: result.remainingAttempts });
}
