import { randomBytes } from 'node:crypto';
import { newId, pageWindow, toBool, type Access, type Ctx, type PageOf } from '#kernel';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { UserErrors } from '#core/users/contract/errors.ts';
import { AuthErrors } from '../contract/errors.ts';
import { beijingDate } from '#kernel/xlsx-export.ts';
import { coversAccount, GrantedAccess, narrowAccess, resolveAccess } from '#core/access/server/access.resolve.ts';
import { findOrgPath, findRole, rolePermissions } from '#core/access/server/access.repo.ts';
import { findUserById, type UserRow } from '#core/users/server/user.repo.ts';
import type { ApiToken, CreatedApiToken, CreateMyTokenBody, CreateTokenBody, TokenQuery } from '../contract/api-token.schema.ts';
import { AuthPermissions } from '../contract/permissions.ts';
import { hashToken } from './auth.service.ts';
import * as repo from './api-token.repo.ts';

/** `ecl_` and 32 random bytes in base64url: recognisable in a leaked file or a secret scanner. */
export const TOKEN_PATTERN = /^ecl_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;
/** Last use is written at most this often; a day's first use is also audited. */
const TOUCH_INTERVAL_MS = 60_000;

const toApiToken = (v: repo.ApiTokenView): ApiToken => ({
  id: v.id, name: v.name, prefix: v.prefix, userId: v.user_id, userAccount: v.user_account, roleId: v.role_id,
  roleCode: v.role_code ?? '', roleName: v.role_name ?? '', orgId: v.org_id, orgName: v.org_name, createdBy: v.created_by,
  createdAt: v.created_at, expiresAt: v.expires_at, revokedAt: v.revoked_at, lastUsedAt: v.last_used_at, lastUsedIp: v.last_used_ip,
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

async function insertToken(tx: Ctx, owner: { id: string; org_id: string; account: string }, body: CreateMyTokenBody): Promise<CreatedApiToken> {
  const secret = `ecl_${randomBytes(32).toString('base64url')}`;
  const at = tx.now();
  const row: repo.ApiTokenRow = {
    id: newId(), token_hash: hashToken(secret), prefix: secret.slice(0, PREFIX_LENGTH), name: body.name.trim(), user_id: owner.id,
    role_id: body.roleId, org_id: body.orgId, created_by: tx.actor.id ?? owner.id, created_at: at.toISOString(),
    expires_at: new Date(at.getTime() + body.expiresInDays * 86_400_000).toISOString(),
    revoked_at: null, revoked_by: null, last_used_at: null, last_used_ip: null, last_audited_on: null,
  };
  await repo.insertToken(tx.db, row);
  const view = (await repo.findToken(tx.db, row.id))!;
  tx.audit({
    action: 'auth.api_token.created', objectType: 'api_token', objectId: row.id, orgId: owner.org_id,
    changes: { name: row.name, prefix: row.prefix, owner: owner.account, role: view.role_code, orgId: row.org_id, expiresAt: row.expires_at },
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

export const listOwnTokens = async (ctx: Ctx, userId: string): Promise<ApiToken[]> => (await repo.listTokensOf(ctx.db, userId)).map(toApiToken);

/** Tokens of the accounts homed in the caller's `auth.token.manage` subtrees. */
export async function listTokens(ctx: Ctx, query: TokenQuery): Promise<PageOf<ApiToken>> {
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.listTokens(ctx.db, { scopes: ctx.access.scopes(AuthPermissions.manageTokens), userId: query.userId }, offset, pageSize);
  return { items: items.map(toApiToken), total, totalCapped, page, pageSize };
}

async function revoke(tx: Ctx, token: repo.ApiTokenView): Promise<void> {
  if (token.revoked_at) return;
  await repo.revokeToken(tx.db, token.id, tx.now().toISOString(), tx.actor.id);
  // The audited commit clears the credential caches: the token stops on this instance at once.
  tx.audit({ action: 'auth.api_token.revoked', objectType: 'api_token', objectId: token.id, orgId: token.user_org_id, changes: { name: token.name, prefix: token.prefix, owner: token.user_account } });
}

/** Revokes one of the caller's own tokens; another account's token is "not found". */
export async function revokeOwnToken(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const token = await repo.findToken(tx.db, id);
    if (!token || token.user_id !== tx.actor.id) throw AuthErrors.apiTokenNotFound({ id });
    await revoke(tx, token);
  });
}

/** Revokes a token of an account the caller's `auth.token.manage` wholly covers. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const token = await repo.findToken(tx.db, id);
    if (!token || !(await coversAccount(tx.db, tx.access, AuthPermissions.manageTokens, { id: token.user_id, orgPath: token.user_org_path }))) {
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
  const row = await repo.findTokenByHash(ctx.db, hashToken(secret));
  if (!row || row.revoked_at) throw AuthErrors.apiTokenInvalid();
  if (row.expires_at <= ctx.now().toISOString()) throw AuthErrors.apiTokenExpired();
  const user = await findUserById(ctx.db, row.user_id);
  if (!user || user.status !== 'active') throw AuthErrors.accountDisabled();
  const [owner, permissions] = await Promise.all([resolveAccess(ctx.db, user.id), rolePermissions(ctx.db, row.role_id)]);
  const { org_path: orgPath, org_is_active: orgActive, ...token } = row;
  return { token, user, access: narrowAccess(owner, toBool(orgActive) ? permissions : [], orgPath) };
}

/**
 * Records a use: last use and address at most once a minute (no audit record, like a session's
 * activity), and the first use of each Beijing day as an audit record `auth.api_token.used`.
 * `ctx` acts as the token's owner.
 */
export async function recordTokenUse(ctx: Ctx, token: repo.ApiTokenRow, owner: UserRow): Promise<void> {
  const now = ctx.now();
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await repo.touchToken(ctx.db, token.id, now.toISOString(), ctx.ip);
  }
  const day = beijingDate(now);
  if (token.last_audited_on === day) return;
  await ctx.transaction(async (tx) => {
    if (!(await repo.claimDailyAudit(tx.db, token.id, day))) return;
    tx.audit({ action: 'auth.api_token.used', objectType: 'api_token', objectId: token.id, orgId: owner.org_id, changes: { name: token.name, prefix: token.prefix, day } });
  });
}
