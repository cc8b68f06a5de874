import type { Kysely } from 'kysely';
import { isWithin, outermostPaths, pathIds, type Access } from '#kernel';
import { grantOrgPaths } from './access.repo.ts';
import { AccessErrors } from '../contract/errors.ts';

/** A signed-in user's permissions: for each permission, the org paths it covers. */
export class GrantedAccess implements Access {
  /** `holdsAdminRole`: one of the grants behind this access is an administrative role (second factor required). */
  constructor(
    readonly userId: string,
    private readonly byPermission: Map<string, string[]>,
    readonly holdsAdminRole = false,
  ) {}

  can(permission: string, orgPath?: string): boolean {
    const paths = this.byPermission.get(permission);
    if (!paths || paths.length === 0) return false;
    return orgPath === undefined || paths.some((p) => isWithin(orgPath, p));
  }

  require(permission: string, orgPath?: string): void {
    if (!this.can(permission, orgPath)) throw AccessErrors.forbidden({ permission });
  }

  scopes(permission: string): string[] {
    return this.byPermission.get(permission) ?? [];
  }

  permissions(): string[] {
    return [...this.byPermission.keys()].sort();
  }
}

export const noAccess: Access = {
  userId: null,
  can: () => false,
  require: (permission) => {
    throw AccessErrors.forbidden({ permission });
  },
  scopes: () => [],
};

/** Reads a user's grants on active orgs with their roles' permissions and admin flag, in one query. */
export async function resolveAccess(db: Kysely<any>, userId: string): Promise<GrantedAccess> {
  const rows = (await db
    .selectFrom('core_grants as g')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .innerJoin('core_roles as r', 'r.id', 'g.role_id')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .select(['rp.permission as permission', 'o.path as path', 'r.is_admin as isAdmin'])
    .where('g.user_id', '=', userId)
    .where('o.is_active', '=', 1)
    .execute()) as Array<{ permission: string; path: string; isAdmin: number }>;
  const grouped = new Map<string, string[]>();
  for (const r of rows) (grouped.get(r.permission) ?? grouped.set(r.permission, []).get(r.permission)!).push(r.path);
  for (const [k, v] of grouped) grouped.set(k, outermostPaths(v));
  return new GrantedAccess(
    userId,
    grouped,
    rows.some((r) => Number(r.isAdmin) === 1),
  );
}

/**
 * The access an API token gives: the owner's current access cut down to the token's role on the
 * token's org subtree. For each permission of the role, the owner's subtrees that lie inside the
 * token's org are kept, and the token's org itself when one of the owner's subtrees holds it.
 * Never an administrative role's second-factor flag: the token was made after one.
 */
export function narrowAccess(owner: GrantedAccess, rolePermissions: readonly string[], orgPath: string): GrantedAccess {
  const byPermission = new Map<string, string[]>();
  for (const permission of rolePermissions) {
    const paths = owner.scopes(permission).flatMap((p) => (isWithin(p, orgPath) ? [p] : isWithin(orgPath, p) ? [orgPath] : []));
    if (paths.length > 0) byPermission.set(permission, outermostPaths(paths));
  }
  return new GrantedAccess(owner.userId, byPermission);
}

/** True when one of the user's grants is an administrative role (second factor required). */
export async function holdsAdminRole(db: Kysely<any>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('core_grants as g')
    .innerJoin('core_roles as r', 'r.id', 'g.role_id')
    .select('g.id')
    .where('g.user_id', '=', userId)
    .where('r.is_admin', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * Active users who hold `permission` on the org at `orgPath`: a grant on that org or one of its
 * ancestors, on an active org, through a role carrying the permission (what `can` would answer).
 */
export async function findPermissionHolders(db: Kysely<any>, permission: string, orgPath: string): Promise<string[]> {
  const rows = (await db
    .selectFrom('core_grants as g')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .innerJoin('core_users as u', 'u.id', 'g.user_id')
    .select('g.user_id as userId')
    .distinct()
    .where('rp.permission', '=', permission)
    .where('g.org_id', 'in', pathIds(orgPath))
    .where('o.is_active', '=', 1)
    .where('u.status', '=', 'active')
    .orderBy('g.user_id')
    .execute()) as Array<{ userId: string }>;
  return rows.map((r) => r.userId);
}

/**
 * Whether `access` holds `permission` over an account as a whole: over its home org and over
 * every org it holds a grant on. An administrator acts on an account (edit, reset its password,
 * unlock, disable, grant, revoke) only then, so an account homed in a county school that holds a
 * province-wide grant stays out of the county administrator's reach: taking it over would take
 * the province.
 */
export async function coversAccount(
  db: Kysely<any>,
  access: Access,
  permission: string,
  account: { id: string; orgPath: string },
): Promise<boolean> {
  if (!access.can(permission, account.orgPath)) return false;
  return (await grantOrgPaths(db, account.id)).every((path) => access.can(permission, path));
}
