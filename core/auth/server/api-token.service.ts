import { randomBytes } from 'node:crypto';
import { isWithin, newId, pageWindow, toBool, type Access, type Ctx, type PageOf } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { UserErrors } from '#core/users/contract/errors.ts';
import { AuthErrors } from '../contract/errors.ts';
import { beijingDate } from '#kernel/xlsx-export.ts';
import { coversAccount, GrantedAccess, narrowAccess, resolveAccess } from '#core/access/server/access.resolve.ts';
import { findOrgNames, findOrgPath, findRole, findRoleNames, rolePermissions } from '#core/access/server/access.repo.ts';
import { findUserById, findUserHomes, type UserRow } from '#core/users/server/user.repo.ts';
import type { ApiToken, CreatedApiToken, CreateMyTokenBody, CreateTokenBody, TokenQuery } from '../contract/api-token.schema.ts';
import { AuthPermissions } from '../contract/permissions.ts';
import { hashToken } from './auth.service.ts';
import * as repo from './api-token.repo.ts';

/** `ecl_` and 32 random bytes in base64url: recognisable in a leaked file or a secret scanner. */
export const TOKEN_PATTERN = /^ecl_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;
/** Last use is written at most this often; a day's first use is also audited. */
const TOUCH_INTERVAL_MS = 60_000;

/** A token with what a list shows and what a scope check needs (owner's home org, token's org). */
export interface ApiTokenView extends repo.ApiTokenRow {
  userAccount: string;
  userOrgId: string;
  userOrgPath: string;
  roleCode: string | null;
  roleName: string | null;
  orgName: string;
  orgPath: string;
}

/**
 * Adds the owner's account and home org, the role's code and name, and the org's name to a page
 * of tokens: one batched look-up per owning piece (users, access), never a join onto their tables.
 * A token whose custom role was deleted still lists (and reaches nothing).
 */
async function toViews(db: PlatformDb, rows: repo.ApiTokenRow[]): Promise<ApiTokenView[]> {
  if (rows.length === 0) return [];
  const [users, roles, orgs] = await Promise.all([
    findUserHomes(
      db,
      rows.map((r) => r.userId),
    ),
    findRoleNames(
      db,
      rows.map((r) => r.roleId),
    ),
    findOrgNames(
      db,
      rows.map((r) => r.orgId),
    ),
  ]);
  return rows.map((r) => {
    const user = users.get(r.userId);
    const role = roles.get(r.roleId);
    const org = orgs.get(r.orgId);
    return {
      ...r,
      userAccount: user?.account ?? '',
      userOrgId: user?.org_id ?? '',
      userOrgPath: user?.org_path ?? '',
      roleCode: role?.code ?? null,
      roleName: role?.name ?? null,
      orgName: org?.name ?? '',
      orgPath: org?.path ?? '',
    };
  });
}

async function findTokenView(db: PlatformDb, id: string): Promise<ApiTokenView | undefined> {
  const row = await repo.findToken(db, id);
  return row ? (await toViews(db, [row]))[0] : undefined;
}

const toApiToken = (v: ApiTokenView): ApiToken => ({
  id: v.id,
  name: v.name,
  prefix: v.prefix,
  userId: v.userId,
  userAccount: v.userAccount,
  roleId: v.roleId,
  roleCode: v.roleCode ?? '',
  roleName: v.roleName ?? '',
  orgId: v.orgId,
  orgName: v.orgName,
  createdBy: v.createdBy,
  createdAt: v.createdAt,
  expiresAt: v.expiresAt,
  revokedAt: v.revokedAt,
  lastUsedAt: v.lastUsedAt,
  lastUsedIp: v.lastUsedIp,
});

/**
 * The token's org and role, checked against the creator's access: the org must lie in the
 * creator's reach (`inReach`; 404 otherwise, as for an org that does not exist) and the creator
 * must hold every permission of the role there, as for a grant: nobody hands out more than they have.
 */
async function checkRoleOnOrg(tx: Ctx, creator: Access, body: { roleId: string; orgId: string }, inReach: (path: string) => boolean) {
  const org = await findOrgPath(tx.db, body.orgId);
  if (!org || !inReach(org.path)) throw OrgErrors.orgNotFound({ id: body.orgId });
  if (!toBool(org.is_active)) throw OrgErrors.orgInactive({ id: body.orgId });
  const role = await findRole(tx.db, body.roleId);
  if (!role) throw AccessErrors.roleNotFound({ id: body.roleId });
  const missing = (await rolePermissions(tx.db, role.id)).filter((p) => !creator.can(p, org.path));
  if (missing.length > 0) throw AuthErrors.tokenExceedsOwn({ permissions: missing });
  return { org, role };
}

async function insertToken(
  tx: Ctx,
  owner: { id: string; org_id: string; account: string },
  body: CreateMyTokenBody,
): Promise<CreatedApiToken> {
  const secret = `ecl_${randomBytes(32).toString('base64url')}`;
  const at = tx.now();
  const row: repo.ApiTokenRow = {
    id: newId(),
    tokenHash: hashToken(secret),
    prefix: secret.slice(0, PREFIX_LENGTH),
    name: body.name.trim(),
    userId: owner.id,
    roleId: body.roleId,
    orgId: body.orgId,
    createdBy: tx.actor.id ?? owner.id,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + body.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastAuditedOn: null,
  };
  await repo.insertToken(tx.db, row);
  const view = (await findTokenView(tx.db, row.id))!;
  tx.audit({
    action: 'auth.api_token.created',
    objectType: 'api_token',
    objectId: row.id,
    orgId: owner.org_id,
    changes: { name: row.name, prefix: row.prefix, owner: owner.account, role: view.roleCode, orgId: row.orgId, expiresAt: row.expiresAt },
  });
  return { token: toApiToken(view), secret };
}

/** A token for the caller, bound to a role they hold in full on the org's subtree; the secret is returned once. */
export async function createOwnToken(ctx: Ctx, user: UserRow, body: CreateMyTokenBody): Promise<CreatedApiToken> {
  return ctx.transaction(async (tx) => {
    // The caller's reach: the orgs where they hold any permission at all.
    const held = tx.access instanceof GrantedAccess ? tx.access.permissions() : [];
    await checkRoleOnOrg(tx, tx.access, body, (path) => held.some((p) => tx.access.can(p, path)));
    return insertToken(tx, user, body);
  });
}

/**
 * A token for a service account, made by an administrator whose `auth.token.manage` covers the
 * account and the org, and who holds every permission of the role on that org.
 */
export async function createTokenFor(ctx: Ctx, body: CreateTokenBody): Promise<CreatedApiToken> {
  return ctx.transaction(async (tx) => {
    const owner = await findUserById(tx.db, body.userId);
    if (!owner || !(await coversAccount(tx.db, tx.access, AuthPermissions.manageTokens, { id: owner.id, orgPath: owner.org_path }))) {
      throw UserErrors.userNotFound({ id: body.userId });
    }
    if (!toBool(owner.is_service_account)) throw AuthErrors.tokenOwnerNotServiceAccount({ field: 'userId' });
    await checkRoleOnOrg(tx, tx.access, body, (path) => tx.access.can(AuthPermissions.manageTokens, path));
    return insertToken(tx, owner, body);
  });
}

export const listOwnTokens = async (ctx: Ctx, userId: string): Promise<ApiToken[]> =>
  (await toViews(ctx.db, await repo.listTokensOf(ctx.db, userId))).map(toApiToken);

/** Tokens of the accounts homed in the caller's `auth.token.manage` subtrees. */
export async function listTokens(ctx: Ctx, query: TokenQuery): Promise<PageOf<ApiToken>> {
  const { page, pageSize, offset } = pageWindow(query);
  const scopes = ctx.access.scopes(AuthPermissions.manageTokens);
  // Tokens are few (service accounts, scripts): their owners are looked up by core/users and
  // kept when homed in the caller's subtrees, then that page of tokens is read.
  const homes = await findUserHomes(ctx.db, await repo.tokenOwnerIds(ctx.db, query.userId));
  const owners = [...homes.values()].filter((u) => scopes.some((s) => isWithin(u.org_path, s))).map((u) => u.id);
  const { items, total, totalCapped } = await repo.listTokensOfOwners(ctx.db, owners, offset, pageSize);
  return { items: (await toViews(ctx.db, items)).map(toApiToken), total, totalCapped, page, pageSize };
}

async function revoke(tx: Ctx, token: ApiTokenView): Promise<void> {
  if (token.revokedAt) return;
  await repo.revokeToken(tx.db, token.id, tx.now().toISOString(), tx.actor.id);
  // The audited commit clears the credential caches: the token stops on this instance at once.
  tx.audit({
    action: 'auth.api_token.revoked',
    objectType: 'api_token',
    objectId: token.id,
    orgId: token.userOrgId,
    changes: { name: token.name, prefix: token.prefix, owner: token.userAccount },
  });
}

/** Revokes one of the caller's own tokens; another account's token is "not found". */
export async function revokeOwnToken(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const token = await findTokenView(tx.db, id);
    if (!token || token.userId !== tx.actor.id) throw AuthErrors.apiTokenNotFound({ id });
    await revoke(tx, token);
  });
}

/** Revokes a token of an account the caller's `auth.token.manage` wholly covers. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const token = await findTokenView(tx.db, id);
    if (
      !token ||
      !(await coversAccount(tx.db, tx.access, AuthPermissions.manageTokens, { id: token.userId, orgPath: token.userOrgPath }))
    ) {
      throw AuthErrors.apiTokenNotFound({ id });
    }
    await revoke(tx, token);
  });
}

export interface ResolvedToken {
  token: repo.ApiTokenRow;
  user: UserRow;
  access: GrantedAccess;
}

/**
 * The account and access behind a bearer secret: the owner's current access narrowed to the
 * token's role on the token's subtree. Unknown, revoked and expired tokens and disabled owners
 * are refused with a code saying which.
 */
export async function resolveApiToken(ctx: Ctx, secret: string): Promise<ResolvedToken> {
  const token = await repo.findTokenByHash(ctx.db, hashToken(secret));
  if (!token || token.revokedAt) throw AuthErrors.apiTokenInvalid();
  if (token.expiresAt <= ctx.now().toISOString()) throw AuthErrors.apiTokenExpired();
  // The owner and the token's org are asked of their pieces together: no more round trips than the join it replaces.
  const [user, org] = await Promise.all([findUserById(ctx.db, token.userId), findOrgPath(ctx.db, token.orgId)]);
  if (user?.status !== 'active') throw AuthErrors.accountDisabled();
  if (!org) throw AuthErrors.apiTokenInvalid();
  const [owner, permissions] = await Promise.all([resolveAccess(ctx.db, user.id), rolePermissions(ctx.db, token.roleId)]);
  return { token, user, access: narrowAccess(owner, toBool(org.is_active) ? permissions : [], org.path) };
}

/**
 * Records a use: last use and address at most once a minute (no audit record, like a session's
 * activity), and the first use of each Beijing day as an audit record `auth.api_token.used`.
 * `ctx` acts as the token's owner.
 */
export async function recordTokenUse(ctx: Ctx, token: repo.ApiTokenRow, owner: UserRow): Promise<void> {
  const now = ctx.now();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > TOUCH_INTERVAL_MS) {
    await repo.touchToken(ctx.db, token.id, now.toISOString(), ctx.ip);
  }
  const day = beijingDate(now);
  if (token.lastAuditedOn === day) return;
  await ctx.transaction(async (tx) => {
    if (!(await repo.claimDailyAudit(tx.db, token.id, day))) return;
    tx.audit({
      action: 'auth.api_token.used',
      objectType: 'api_token',
      objectId: token.id,
      orgId: owner.org_id,
      changes: { name: token.name, prefix: token.prefix, day },
    });
  });
}
