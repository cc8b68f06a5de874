import { createHash, randomBytes } from 'node:crypto';
import { DomainError, invalid, type Ctx } from '#kernel';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { claimTotpCounter, findUserByAccount, findUserById, incrementFailedAttempts, updateUser, type UserRow } from '#core/users/server/user.repo.ts';
import { assertPasswordPolicy } from '#core/users/server/user.service.ts';
import { holdsAdminRole, type GrantedAccess } from '#core/access/server/access.resolve.ts';
import type { MfaState, SessionInfo } from '../contract/auth.schema.ts';
import { listGrants } from '#core/access/server/access.repo.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts';
import * as sessions from './session.repo.ts';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export const LOCKOUT = { maxFailedAttempts: 5, lockMinutes: 15 } as const;

// Verifying against a real hash for unknown accounts keeps their timing equal to known ones.
const DUMMY_HASH = hashPassword('educloud-timing-equaliser');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

async function recordFailure(ctx: Ctx, user: UserRow | undefined, account: string): Promise<never> {
  const now = ctx.now();
  // An unknown account answers like a known one with its first failure, so the reply's
  // shape does not tell which accounts exist.
  let remaining: number = LOCKOUT.maxFailedAttempts - 1;
  await ctx.transaction(async (tx) => {
    if (user) {
      // Counted by the database, not from the row read before the (slow) password check:
      // parallel guesses would all read the same count and lose each other's failures.
      const attempts = await incrementFailedAttempts(tx.db, user.id);
      const locks = attempts >= LOCKOUT.maxFailedAttempts;
      if (locks) await updateUser(tx.db, user.id, { failed_attempts: 0, locked_until: addMinutes(now, LOCKOUT.lockMinutes) });
      remaining = locks ? 0 : LOCKOUT.maxFailedAttempts - attempts;
      tx.audit({ action: locks ? 'auth.account.locked' : 'auth.login.failed', objectType: 'user', objectId: user.id, orgId: user.org_id, changes: { account, attempts } });
    } else {
      tx.audit({ action: 'auth.login.failed', objectType: 'user', objectId: null, orgId: null, changes: { account, unknownAccount: true } });
    }
  });
  if (remaining === 0) throw new DomainError('locked', 'auth.account_locked', { minutes: LOCKOUT.lockMinutes });
  throw new DomainError('unauthenticated', 'auth.invalid_credentials', { remainingAttempts: remaining });
}

/**
 * Checks the password, applies the lockout (5 failures → 15 minutes), and opens a session.
 * Administrative roles get a session that only reaches the second-factor step until it passes.
 */
export async function login(ctx: Ctx, input: { account: string; password: string; userAgent: string | null }, settings: SessionSettings) {
  const account = input.account.trim().toLowerCase();
  const user = await findUserByAccount(ctx.db, account);
  const now = ctx.now();
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    throw new DomainError('locked', 'auth.account_locked', { until: user.locked_until, minutes: LOCKOUT.lockMinutes });
  }
  const ok = user?.password_hash ? await verifyPassword(input.password, user.password_hash) : (await verifyPassword(input.password, await DUMMY_HASH), false);
  if (!user || !ok) return recordFailure(ctx, user, account);
  if (user.status !== 'active') throw new DomainError('forbidden', 'auth.account_disabled');

  const needsMfa = await holdsAdminRole(ctx.db, user.id);
  const mfa: MfaState = !needsMfa ? 'none' : user.totp_enabled_at ? 'pending' : 'enrol_required';
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const row: sessions.SessionRow = {
    id: hashToken(token), user_id: user.id, csrf_token: randomBytes(24).toString('base64url'), mfa_state: mfa, ip: ctx.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null, created_at: at, last_seen_at: at, expires_at: addMinutes(now, settings.absoluteHours * 60),
  };
  await ctx.transaction(async (tx) => {
    await sessions.insertSession(tx.db, row);
    await updateUser(tx.db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: at });
    tx.audit({ action: 'auth.login.succeeded', objectType: 'user', objectId: user.id, orgId: user.org_id, changes: { mfa } });
  });
  return { token, session: row, user, mfa };
}

/**
 * The session behind a cookie token, or null when unknown, past its absolute expiry, or idle
 * too long. Expired sessions are deleted on sight; activity is written at most once a minute.
 */
export async function resolveSession(ctx: Ctx, token: string, settings: SessionSettings) {
  const session = await sessions.findSession(ctx.db, hashToken(token));
  if (!session) return null;
  const now = ctx.now();
  const idleLimit = addMinutes(new Date(session.last_seen_at), settings.idleMinutes);
  if (session.expires_at <= now.toISOString() || idleLimit <= now.toISOString()) {
    await sessions.deleteSession(ctx.db, session.id);
    return null;
  }
  const user = await findUserById(ctx.db, session.user_id);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    await sessions.touchSession(ctx.db, session.id, now.toISOString());
  }
  return { session, user };
}

/**
 * A session opened without a second factor (the user then held no administrative role) is put
 * back to the second-factor step as soon as the user holds one: a teacher granted 机构管理员
 * mid-session enrols or answers a code before using the new permissions.
 */
export async function requireSecondFactorOnceAdmin(ctx: Ctx, session: sessions.SessionRow, user: UserRow, isAdmin: boolean): Promise<sessions.SessionRow> {
  if (session.mfa_state !== 'none' || !isAdmin) return session;
  const mfa: MfaState = user.totp_enabled_at ? 'pending' : 'enrol_required';
  await ctx.transaction(async (tx) => {
    await sessions.setMfaState(tx.db, session.id, mfa);
    tx.audit({ action: 'auth.session.second_factor_required', objectType: 'user', objectId: user.id, orgId: user.org_id, changes: { mfa: ['none', mfa] } });
  });
  return { ...session, mfa_state: mfa };
}

/** Completes the second factor of a pending session. */
export async function verifySecondFactor(ctx: Ctx, sessionId: string, user: UserRow, code: string): Promise<void> {
  if (!user.totp_secret_cipher) throw invalid('auth.totp_not_enrolled');
  const counter = verifyTotp(fieldCipher().decrypt(user.totp_secret_cipher), code, ctx.now().getTime(), { lastUsedCounter: user.totp_last_counter });
  let accepted = false;
  await ctx.transaction(async (tx) => {
    // The counter read with the session may be stale: claiming it in the database stops two
    // requests carrying the same code from both passing.
    accepted = counter !== null && (await claimTotpCounter(tx.db, user.id, counter));
    if (!accepted) {
      tx.audit({ action: 'auth.totp.failed', objectType: 'user', objectId: user.id, orgId: user.org_id });
      return;
    }
    await sessions.setMfaState(tx.db, sessionId, 'passed');
    tx.audit({ action: 'auth.totp.passed', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
  if (!accepted) throw new DomainError('unauthenticated', 'auth.totp_invalid');
}

/** Starts enrolment: a new secret, kept encrypted as pending until a code confirms it. */
export async function beginTotpEnrolment(ctx: Ctx, user: UserRow): Promise<{ secret: string; uri: string }> {
  const secret = generateTotpSecret();
  await ctx.transaction(async (tx) => {
    await updateUser(tx.db, user.id, { totp_pending_cipher: fieldCipher().encrypt(secret) });
    tx.audit({ action: 'auth.totp.enrolment_started', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
  return { secret, uri: totpUri({ secret, account: user.account }) };
}

export async function confirmTotpEnrolment(ctx: Ctx, sessionId: string, user: UserRow, code: string): Promise<void> {
  if (!user.totp_pending_cipher) throw invalid('auth.totp_no_pending_enrolment');
  const secret = fieldCipher().decrypt(user.totp_pending_cipher);
  const counter = verifyTotp(secret, code, ctx.now().getTime());
  if (counter === null) throw new DomainError('invalid', 'auth.totp_invalid');
  await ctx.transaction(async (tx) => {
    await updateUser(tx.db, user.id, { totp_secret_cipher: user.totp_pending_cipher, totp_pending_cipher: null, totp_last_counter: counter, totp_enabled_at: tx.now().toISOString() });
    await sessions.setMfaState(tx.db, sessionId, 'passed');
    tx.audit({ action: 'auth.totp.enrolled', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

export async function removeTotp(ctx: Ctx, user: UserRow, password: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(password, user.password_hash))) throw new DomainError('unauthenticated', 'auth.password_incorrect');
  if (await holdsAdminRole(ctx.db, user.id)) throw invalid('auth.totp_required_for_admin');
  await ctx.transaction(async (tx) => {
    await updateUser(tx.db, user.id, { totp_secret_cipher: null, totp_pending_cipher: null, totp_last_counter: null, totp_enabled_at: null });
    tx.audit({ action: 'auth.totp.removed', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

/** Changes the caller's own password; ends every other session of theirs. */
export async function changePassword(ctx: Ctx, sessionId: string, user: UserRow, current: string, next: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(current, user.password_hash))) throw new DomainError('unauthenticated', 'auth.password_incorrect');
  if (current === next) throw invalid('auth.password_unchanged', { field: 'newPassword' });
  assertPasswordPolicy(next, user.account, user.real_name);
  const hash = await hashPassword(next);
  await ctx.transaction(async (tx) => {
    const at = tx.now().toISOString();
    await updateUser(tx.db, user.id, { password_hash: hash, must_change_password: 0, password_changed_at: at, updated_at: at });
    await tx.db.deleteFrom('core_sessions').where('user_id', '=', user.id).where('id', '!=', sessionId).execute();
    tx.audit({ action: 'auth.password.changed', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

export async function logout(ctx: Ctx, sessionId: string, user: UserRow, everywhere: boolean): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (everywhere) await sessions.deleteSessionsOf(tx.db, user.id);
    else await sessions.deleteSession(tx.db, sessionId);
    tx.audit({ action: everywhere ? 'auth.logout.everywhere' : 'auth.logout', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

export const listSessions = (ctx: Ctx, userId: string) => sessions.listSessionsOf(ctx.db, userId);

/** What the console learns about its session: the user, second-factor state, CSRF token, permissions, grants. */
export async function describeSession(ctx: Ctx, auth: { session: sessions.SessionRow; user: UserRow; access: GrantedAccess | null }): Promise<SessionInfo> {
  const grants = await listGrants(ctx.db, { scopes: ['/'], userId: auth.user.id }, 0, 200);
  return {
    user: {
      id: auth.user.id, account: auth.user.account, realName: auth.user.real_name, displayName: auth.user.display_name,
      orgId: auth.user.org_id, hasTotp: !!auth.user.totp_enabled_at, mustChangePassword: !!auth.user.must_change_password,
    },
    mfa: auth.session.mfa_state as MfaState,
    csrfToken: auth.session.csrf_token,
    expiresAt: auth.session.expires_at,
    permissions: auth.access?.permissions() ?? [],
    grants: grants.items.map((g) => ({ roleCode: g.role_code, roleName: g.role_name, orgId: g.org_id, orgName: g.org_name, orgPath: g.org_path })),
  };
}
