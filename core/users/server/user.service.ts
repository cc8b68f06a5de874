import { isWithin, newId, pageWindow, toBool, type Ctx, type PageOf } from '#kernel';
import { checkPasswordPolicy, hashPassword } from '#core/auth/server/password.ts';
import { rememberReplacedPassword } from '#core/auth/server/password-history.ts';
import { clearLoginFailures } from '#core/auth/server/login-failure.repo.ts';
import { deleteSessionsOf } from '#core/auth/server/session.repo.ts';
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../contract/user.schema.ts';
import { UserPermissions } from '../contract/permissions.ts';
import { checkIdNumber, checkPhone, maskIdNumber, maskPhone } from './id-number.ts';
import { fieldCipher } from './field-crypto.ts';
import { generateInitialPassword } from './initial-password.ts';
import { coversAccount } from '#core/access/server/access.resolve.ts';
import { guardIdNumberProbe, IdNumberTaken } from './id-number-probe.ts';
import * as repo from './user.repo.ts';

import type { UserRow } from './user.repo.ts';
import { AuthErrors } from '#core/auth/contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { UserErrors } from '../contract/errors.ts';

/** The refusal for each reason checkIdNumber gives. */
const ID_NUMBER_REFUSALS = {
  format: UserErrors.idNumberFormat,
  check_digit: UserErrors.idNumberCheckDigit,
  birth_date: UserErrors.idNumberBirthDate,
} as const;

export const toUser = (r: UserRow & { org_name?: string }, now = new Date()): User => ({
  id: r.id,
  account: r.account,
  realName: r.real_name,
  displayName: r.display_name,
  orgId: r.org_id,
  ...(r.org_name === undefined ? {} : { orgName: r.org_name }),
  idNumberMasked: r.id_number_masked,
  phoneMasked: r.phone_masked,
  email: r.email,
  status: r.status as User['status'],
  isLocked: !!r.locked_until && r.locked_until > now.toISOString(),
  lockedUntil: r.locked_until,
  hasTotp: !!r.totp_enabled_at,
  mustChangePassword: toBool(r.must_change_password),
  lastLoginAt: r.last_login_at,
  isSample: toBool(r.is_sample),
  isServiceAccount: toBool(r.is_service_account),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The user, if the caller holds `permission` on the user's org; not_found otherwise. */
export async function getUserRow(ctx: Ctx, id: string, permission: string = UserPermissions.read): Promise<UserRow> {
  const row = await repo.findUserById(ctx.db, id);
  if (!row || !ctx.access.can(permission, row.org_path)) {
    if (row && ctx.access.can(UserPermissions.read, row.org_path)) ctx.access.require(permission, row.org_path);
    throw UserErrors.userNotFound({ id });
  }
  return row;
}

/** The user, if the caller holds `permission` over the whole account (coversAccount); not_found otherwise. */
export async function getManageableUser(ctx: Ctx, id: string, permission: string): Promise<UserRow> {
  const row = await getUserRow(ctx, id, permission);
  if (!(await coversAccount(ctx.db, ctx.access, permission, { id: row.id, orgPath: row.org_path }))) throw UserErrors.userNotFound({ id });
  return row;
}

async function orgFor(ctx: Ctx, orgId: string, permission: string) {
  const org = await repo.findOrgForUser(ctx.db, orgId);
  if (!org || !ctx.access.can(permission, org.path)) throw OrgErrors.orgNotFound({ id: orgId });
  if (!toBool(org.is_active)) throw OrgErrors.orgInactive({ id: orgId });
  return org;
}

/** Encrypted, indexed and masked forms of an ID number; refuses a wrong one with the reason. */
async function sealIdNumber(ctx: Ctx, raw: string | null | undefined, selfId?: string) {
  if (!raw) return { id_number_cipher: null, id_number_index: null, id_number_masked: null };
  const checked = checkIdNumber(raw, ctx.now());
  if (!checked.ok) throw ID_NUMBER_REFUSALS[checked.reason]({ field: 'idNumber' });
  const index = fieldCipher().blindIndex(checked.value);
  const holder = await repo.findUserByIdNumberIndex(ctx.db, index);
  if (holder && holder.id !== selfId) throw new IdNumberTaken(selfId ?? null, maskIdNumber(checked.value));
  return { id_number_cipher: fieldCipher().encrypt(checked.value), id_number_index: index, id_number_masked: maskIdNumber(checked.value) };
}

function sealPhone(raw: string | null | undefined) {
  if (!raw) return { phone_cipher: null, phone_index: null, phone_masked: null };
  const checked = checkPhone(raw);
  if (!checked.ok) throw UserErrors.phoneInvalid({ field: 'phone' });
  return {
    phone_cipher: fieldCipher().encrypt(checked.value),
    phone_index: fieldCipher().blindIndex(checked.value),
    phone_masked: maskPhone(checked.value),
  };
}

function policyViolation(password: string, account: string, realName: string) {
  const broken = checkPasswordPolicy(password, { account, realName });
  if (broken.length > 0) throw AuthErrors.passwordPolicy({ field: 'password', rules: broken });
}

/**
 * Creates a real-name account in an org; returns the initial password once when none was given.
 * A password an administrator typed is known to two people, so the account must change it at
 * first sign-in, like a generated one. Only the platform's own paths (system and CLI actors:
 * the first administrator from the operator's environment, demo data, seeds, test harness)
 * set a password the holder keeps. A service account gets no password at all: it never signs in
 * and acts only through API tokens an administrator makes for it (ADR 0008).
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserBody,
  options: { isSample?: boolean } = {},
): Promise<{ user: User; initialPassword?: string }> {
  const account = input.account.trim().toLowerCase();
  const isService = input.serviceAccount === true;
  if (isService && input.password !== undefined) throw UserErrors.serviceAccountPassword({ field: 'password' });
  const password = input.password ?? generateInitialPassword();
  const mustChangePassword = !isService && (!input.password || ctx.actor.kind === 'user');
  policyViolation(password, account, input.realName);
  const passwordHash = isService ? null : await hashPassword(password);
  return guardIdNumberProbe(ctx, !!input.idNumber, () =>
    ctx.transaction(async (tx) => {
      const org = await orgFor(tx, input.orgId, UserPermissions.create);
      if (await repo.findUserByAccount(tx.db, account)) throw UserErrors.accountTaken({ field: 'account', account });
      const at = tx.now().toISOString();
      const row: UserRow = {
        id: newId(),
        account,
        real_name: input.realName.trim(),
        display_name: (input.displayName ?? input.realName).trim(),
        org_id: org.id,
        org_path: org.path,
        ...(await sealIdNumber(tx, input.idNumber)),
        ...sealPhone(input.phone),
        email: input.email ?? null,
        password_hash: passwordHash,
        must_change_password: mustChangePassword ? 1 : 0,
        status: 'active',
        failed_attempts: 0,
        locked_until: null,
        totp_secret_cipher: null,
        totp_pending_cipher: null,
        totp_last_counter: null,
        totp_enabled_at: null,
        last_login_at: null,
        password_changed_at: isService ? null : at,
        is_sample: options.isSample ? 1 : 0,
        is_service_account: isService ? 1 : 0,
        created_at: at,
        updated_at: at,
      };
      await repo.insertUsers(tx.db, [row]);
      tx.audit({
        action: 'users.user.created',
        objectType: 'user',
        objectId: row.id,
        orgId: org.id,
        changes: {
          account,
          realName: row.real_name,
          idNumber: row.id_number_masked,
          phone: row.phone_masked,
          email: row.email,
          ...(isService ? { serviceAccount: true } : {}),
        },
      });
      return { user: toUser({ ...row, org_name: org.name }), ...(input.password || isService ? {} : { initialPassword: password }) };
    }),
  );
}

/** Edits a user; moving to another org needs the update permission on both orgs. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserBody): Promise<User> {
  return guardIdNumberProbe(ctx, !!input.idNumber, () =>
    ctx.transaction(async (tx) => {
      const row = await getManageableUser(tx, id, UserPermissions.update);
      const patch: Partial<UserRow> = {};
      const changes: Record<string, unknown> = {};
      if (input.realName !== undefined && input.realName.trim() !== row.real_name) {
        patch.real_name = input.realName.trim();
        changes.realName = [row.real_name, patch.real_name];
      }
      if (input.displayName !== undefined && input.displayName.trim() !== row.display_name) {
        patch.display_name = input.displayName.trim();
        changes.displayName = [row.display_name, patch.display_name];
      }
      if (input.email !== undefined && input.email !== row.email) {
        patch.email = input.email;
        changes.email = [row.email, input.email];
      }
      if (input.status !== undefined && input.status !== row.status) {
        if (row.id === tx.actor.id) throw UserErrors.cannotDisableSelf();
        patch.status = input.status;
        changes.status = [row.status, input.status];
      }
      if (input.orgId !== undefined && input.orgId !== row.org_id) {
        const org = await orgFor(tx, input.orgId, UserPermissions.update);
        patch.org_id = org.id;
        patch.org_path = org.path;
        changes.orgId = [row.org_id, org.id];
      }
      if (input.idNumber !== undefined) {
        const sealed = await sealIdNumber(tx, input.idNumber, row.id);
        if (sealed.id_number_index !== row.id_number_index) {
          Object.assign(patch, sealed);
          changes.idNumber = [row.id_number_masked, sealed.id_number_masked];
        }
      }
      if (input.phone !== undefined) {
        const sealed = sealPhone(input.phone);
        if (sealed.phone_index !== row.phone_index) {
          Object.assign(patch, sealed);
          changes.phone = [row.phone_masked, sealed.phone_masked];
        }
      }
      if (Object.keys(patch).length === 0) return toUser(row, tx.now());
      patch.updated_at = tx.now().toISOString();
      await repo.updateUser(tx.db, id, patch);
      tx.audit({ action: 'users.user.updated', objectType: 'user', objectId: id, orgId: patch.org_id ?? row.org_id, changes });
      return toUser({ ...row, ...patch }, tx.now());
    }),
  );
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await getUserRow(ctx, id);
  const org = await repo.findOrgForUser(ctx.db, row.org_id);
  return toUser({ ...row, org_name: org?.name ?? '' }, ctx.now());
}

/** Users whose org lies in the caller's readable subtrees (narrowed to `orgId` if given). */
export async function listUsers(ctx: Ctx, query: UserListQuery): Promise<PageOf<User>> {
  let scopes = ctx.access.scopes(UserPermissions.read);
  if (query.orgId) {
    const org = await repo.findOrgForUser(ctx.db, query.orgId);
    if (!org || !scopes.some((s) => isWithin(org.path, s))) throw OrgErrors.orgNotFound({ id: query.orgId });
    scopes = [org.path];
  }
  const filter: repo.UserFilter = { scopes, status: query.status, now: ctx.now().toISOString() };
  const q = query.q?.trim();
  if (q) {
    const id = checkIdNumber(q, ctx.now());
    const phone = checkPhone(q);
    if (id.ok) filter.idIndex = fieldCipher().blindIndex(id.value);
    else if (phone.ok) filter.phoneIndex = fieldCipher().blindIndex(phone.value);
    else filter.q = q;
  }
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.listUsers(ctx.db, filter, { field: query.sort, order: query.order }, offset, pageSize);
  const now = ctx.now();
  return { items: items.map((r) => toUser(r, now)), total, totalCapped, page, pageSize };
}

/** Sets a one-time password the user must change at next sign-in; ends their sessions. */
export async function resetPassword(ctx: Ctx, id: string): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = generateInitialPassword();
  const hash = await hashPassword(temporaryPassword);
  await ctx.transaction(async (tx) => {
    const row = await getManageableUser(tx, id, UserPermissions.resetPassword);
    if (toBool(row.is_service_account)) throw UserErrors.serviceAccountPassword();
    const at = tx.now().toISOString();
    await rememberReplacedPassword(tx.db, row, tx.now());
    await clearLoginFailures(tx.db, row.account);
    await repo.updateUser(tx.db, id, {
      password_hash: hash,
      must_change_password: 1,
      password_changed_at: at,
      failed_attempts: 0,
      locked_until: null,
      updated_at: at,
    });
    await deleteSessionsOf(tx.db, id);
    tx.audit({
      action: 'users.user.password_reset',
      objectType: 'user',
      objectId: id,
      orgId: row.org_id,
      changes: { sessionsEnded: true },
    });
  });
  return { temporaryPassword };
}

export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  return ctx.transaction(async (tx) => {
    const row = await getManageableUser(tx, id, UserPermissions.unlock);
    const at = tx.now().toISOString();
    // Sign-in failures are counted per (account, address) in core/auth: lift every address's lock.
    await clearLoginFailures(tx.db, row.account);
    await repo.updateUser(tx.db, id, { failed_attempts: 0, locked_until: null, updated_at: at });
    tx.audit({
      action: 'users.user.unlocked',
      objectType: 'user',
      objectId: id,
      orgId: row.org_id,
      changes: { lockedUntil: [row.locked_until, null] },
    });
    return toUser({ ...row, failed_attempts: 0, locked_until: null, updated_at: at }, tx.now());
  });
}

export { policyViolation as assertPasswordPolicy };
