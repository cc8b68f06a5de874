import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '#kernel';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { claimTotpCounter, findUserByAccount, findUserById, updateUser, type UserRow } from '#core/users/server/user.repo.ts';
import { assertPasswordPolicy } from '#core/users/server/user.service.ts';
import { holdsAdminRole, type GrantedAccess } from '#core/access/server/access.resolve.ts';
import type { MfaState, SessionInfo } from '../contract/auth.schema.ts';
import { listGrants } from '#core/access/server/access.repo.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordNotRecent, rememberReplacedPassword } from './password-history.ts';
import { countLoginFailure, loginFailureError, refuseWhileThrottled } from './login-throttle.ts';
import { addTotpFailure, clearLoginAddress, clearTotpFailures } from './login-failure.repo.ts';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts';
import * as sessions from './session.repo.ts';
import { AuthErrors } from '../contract/errors.ts';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

/** A session still owing its second factor lives this long, and its account gets this many wrong codes. */
export const SECOND_FACTOR = { waitMinutes: 10, maxWrongCodes: 5, windowMinutes: 60 } as const;

// Verifying against a real hash for unknown accounts keeps their timing equal to known ones.
const DUMMY_HASH = hashPassword('educloud-timing-equaliser');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

/**
 * Checks the password and opens a session. Failures are counted per (account, address) and
 * per account (login-throttle.ts), the same way whether or not the account exists.
 * Administrative roles get a session that only reaches the second-factor step until it passes,
 * and that ends after a few minutes if it does not.
 */
export async function login(ctx: Ctx, input: { account: string; password: string; userAgent: string | null }, settings: SessionSettings) {
  const account = input.account.trim().toLowerCase();
  await refuseWhileThrottled(ctx, account);
  const user = await findUserByAccount(ctx.db, account);
  const now = ctx.now();
  // Without an account (or a password) a dummy hash is checked all the same, so timing does not tell that the account is missing.
  const ok = user?.password_hash
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH).then(() => false);
  if (!user || !ok) throw loginFailureError(await ctx.transaction((tx) => countLoginFailure(tx, account, user)));
  if (user.status !== 'active') throw AuthErrors.accountDisabled();

  const needsMfa = await holdsAdminRole(ctx.db, user.id);
  const mfa: MfaState = !needsMfa ? 'none' : user.totp_enabled_at ? 'pending' : 'enrol_required';
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const row: sessions.SessionRow = {
    id: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    mfaState: mfa,
    ip: ctx.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: addMinutes(now, mfa === 'none' ? settings.absoluteHours * 60 : SECOND_FACTOR.waitMinutes),
  };
  await ctx.transaction(async (tx) => {
    await sessions.insertSession(tx.db, row);
    // Only this address's count is forgiven: a stranger's lock on another address stays.
    await clearLoginAddress(tx.db, account, ctx.ip ?? '');
    await updateUser(tx.db, user.id, { last_login_at: at });
    tx.audit({ action: 'auth.login.succeeded', objectType: 'user', objectId: user.id, orgId: user.org_id, changes: { mfa } });
  });
  return { token, session: row, user, mfa };
}

/** A session that has passed its second factor gets the normal absolute expiry, counted from sign-in. */
async function markSecondFactorPassed(tx: Ctx, session: sessions.SessionRow, settings: SessionSettings): Promise<sessions.SessionRow> {
  const passed = { ...session, mfaState: 'passed', expiresAt: addMinutes(new Date(session.createdAt), settings.absoluteHours * 60) };
  await sessions.passSecondFactor(tx.db, session.id, passed.expiresAt);
  return passed;
}

/**
 * The session behind a cookie token, or null when unknown, past its absolute expiry, or idle
 * too long. Expired sessions are deleted on sight; activity is written at most once a minute.
 */
export async function resolveSession(ctx: Ctx, token: string, settings: SessionSettings) {
  const session = await sessions.findSession(ctx.db, hashToken(token));
  if (!session) return null;
  const now = ctx.now();
  const idleLimit = addMinutes(new Date(session.lastSeenAt), settings.idleMinutes);
  if (session.expiresAt <= now.toISOString() || idleLimit <= now.toISOString()) {
    await sessions.deleteSession(ctx.db, session.id);
    return null;
  }
  const user = await findUserById(ctx.db, session.userId);
  if (user?.status !== 'active') return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await sessions.touchSession(ctx.db, session.id, now.toISOString());
  }
  return { session, user };
}

/**
 * A session opened without a second factor (the user then held no administrative role) is put
 * back to the second-factor step as soon as the user holds one: a teacher granted 机构管理员
 * mid-session enrols or answers a code before using the new permissions.
 */
export async function requireSecondFactorOnceAdmin(
  ctx: Ctx,
  session: sessions.SessionRow,
  user: UserRow,
  isAdmin: boolean,
): Promise<sessions.SessionRow> {
  if (session.mfaState !== 'none' || !isAdmin) return session;
  const mfa: MfaState = user.totp_enabled_at ? 'pending' : 'enrol_required';
  // Waiting for a code, it lives as a freshly opened waiting session would; passing restores the day.
  const waitUntil = addMinutes(ctx.now(), SECOND_FACTOR.waitMinutes);
  // biome-ignore lint/complexity/useMathMinMax: ISO instants compared as text; Math.min would turn them into NaN
  const expiresAt = waitUntil < session.expiresAt ? waitUntil : session.expiresAt;
  await ctx.transaction(async (tx) => {
    await sessions.setMfaState(tx.db, session.id, mfa, expiresAt);
    tx.audit({
      action: 'auth.session.second_factor_required',
      objectType: 'user',
      objectId: user.id,
      orgId: user.org_id,
      changes: { mfa: ['none', mfa] },
    });
  });
  return { ...session, mfaState: mfa, expiresAt };
}

/**
 * Completes the second factor of a pending session. Wrong codes are counted per account across
 * its sessions: the fifth ends this session and counts as a failed sign-in from this address.
 */
export async function verifySecondFactor(
  ctx: Ctx,
  session: sessions.SessionRow,
  user: UserRow,
  code: string,
  settings: SessionSettings,
): Promise<sessions.SessionRow> {
  if (!user.totp_secret_cipher) throw AuthErrors.totpNotEnrolled();
  const counter = verifyTotp(fieldCipher().decrypt(user.totp_secret_cipher), code, ctx.now().getTime(), {
    lastUsedCounter: user.totp_last_counter,
  });
  const outcome = await ctx.transaction(async (tx): Promise<{ passed: sessions.SessionRow } | { exhausted: boolean }> => {
    // The counter read with the session may be stale: claiming it in the database stops two
    // requests carrying the same code from both passing.
    const accepted = counter !== null && (await claimTotpCounter(tx.db, user.id, counter));
    if (accepted) {
      await clearTotpFailures(tx.db, user.id);
      tx.audit({ action: 'auth.totp.passed', objectType: 'user', objectId: user.id, orgId: user.org_id });
      return { passed: await markSecondFactorPassed(tx, session, settings) };
    }
    const now = tx.now();
    const wrongCodes = await addTotpFailure(tx.db, user.id, now.toISOString(), addMinutes(now, -SECOND_FACTOR.windowMinutes));
    const exhausted = wrongCodes >= SECOND_FACTOR.maxWrongCodes;
    tx.audit({
      action: 'auth.totp.failed',
      objectType: 'user',
      objectId: user.id,
      orgId: user.org_id,
      changes: { wrongCodes, sessionEnded: exhausted },
    });
    if (exhausted) {
      await clearTotpFailures(tx.db, user.id);
      await sessions.deleteSession(tx.db, session.id);
      await countLoginFailure(tx, user.account, user);
    }
    return { exhausted };
  });
  if ('passed' in outcome) return outcome.passed;
  if (outcome.exhausted) throw AuthErrors.totpAttemptsExhausted();
  throw AuthErrors.totpInvalid();
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

export async function confirmTotpEnrolment(
  ctx: Ctx,
  session: sessions.SessionRow,
  user: UserRow,
  code: string,
  settings: SessionSettings,
): Promise<void> {
  if (!user.totp_pending_cipher) throw AuthErrors.totpNoPendingEnrolment();
  const secret = fieldCipher().decrypt(user.totp_pending_cipher);
  const counter = verifyTotp(secret, code, ctx.now().getTime());
  if (counter === null) throw AuthErrors.totpEnrolmentCodeInvalid();
  await ctx.transaction(async (tx) => {
    await updateUser(tx.db, user.id, {
      totp_secret_cipher: user.totp_pending_cipher,
      totp_pending_cipher: null,
      totp_last_counter: counter,
      totp_enabled_at: tx.now().toISOString(),
    });
    await markSecondFactorPassed(tx, session, settings);
    tx.audit({ action: 'auth.totp.enrolled', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

export async function removeTotp(ctx: Ctx, user: UserRow, password: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(password, user.password_hash))) throw AuthErrors.passwordIncorrect();
  if (await holdsAdminRole(ctx.db, user.id)) throw AuthErrors.totpRequiredForAdmin();
  await ctx.transaction(async (tx) => {
    await updateUser(tx.db, user.id, {
      totp_secret_cipher: null,
      totp_pending_cipher: null,
      totp_last_counter: null,
      totp_enabled_at: null,
    });
    tx.audit({ action: 'auth.totp.removed', objectType: 'user', objectId: user.id, orgId: user.org_id });
  });
}

/** Changes the caller's own password, never back to one of the last five; ends every other session of theirs. */
export async function changePassword(ctx: Ctx, sessionId: string, user: UserRow, current: string, next: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(current, user.password_hash))) throw AuthErrors.passwordIncorrect();
  if (current === next) throw AuthErrors.passwordUnchanged({ field: 'newPassword' });
  assertPasswordPolicy(next, user.account, user.real_name);
  await assertPasswordNotRecent(ctx.db, user, next);
  const hash = await hashPassword(next);
  await ctx.transaction(async (tx) => {
    const at = tx.now().toISOString();
    await rememberReplacedPassword(tx.db, user, tx.now());
    await updateUser(tx.db, user.id, { password_hash: hash, must_change_password: 0, password_changed_at: at, updated_at: at });
    await sessions.deleteOtherSessionsOf(tx.db, user.id, sessionId);
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
export async function describeSession(
  ctx: Ctx,
  auth: { session: sessions.SessionRow; user: UserRow; access: GrantedAccess | null },
): Promise<SessionInfo> {
  const grants = await listGrants(ctx.db, { scopes: ['/'], userId: auth.user.id }, 0, 200);
  return {
    user: {
      id: auth.user.id,
      account: auth.user.account,
      realName: auth.user.real_name,
      displayName: auth.user.display_name,
      orgId: auth.user.org_id,
      hasTotp: !!auth.user.totp_enabled_at,
      mustChangePassword: !!auth.user.must_change_password,
    },
    mfa: auth.session.mfaState as MfaState,
    csrfToken: auth.session.csrfToken,
    expiresAt: auth.session.expiresAt,
    permissions: auth.access?.permissions() ?? [],
    grants: grants.items.map((g) => ({
      roleId: g.role_id,
      roleCode: g.role_code,
      roleName: g.role_name,
      orgId: g.org_id,
      orgName: g.org_name,
      orgPath: g.org_path,
    })),
  };
}
