import { newId, pageWindow, toBool, type Ctx, type PageOf } from '#kernel';
import type { Grant, GrantBody, GrantQuery, PermissionInfo, Role, RoleBody, RolePatch } from '../contract/access.schema.ts';
import { AccessPermissions, BUILTIN_ROLES } from '../contract/permissions.ts';
import { AccessRegistry } from './permission-registry.ts';
import * as repo from './access.repo.ts';
import { requirePlatformLevel } from '#core/orgs/server/org.service.ts';
import { coversAccount } from './access.resolve.ts';
import { AccessErrors } from '../contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { UserErrors } from '#core/users/contract/errors.ts';

const permissionRegistry = (ctx: Ctx) => ctx.service(AccessRegistry).permissions;

const toRole = (r: repo.RoleRow, permissions: string[]): Role => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  isBuiltin: toBool(r.is_builtin),
  isAdmin: toBool(r.is_admin),
  permissions,
});

const toGrant = (g: repo.GrantView): Grant => ({
  id: g.id,
  userId: g.user_id,
  userAccount: g.user_account,
  userName: g.user_name,
  roleId: g.role_id,
  roleCode: g.role_code,
  roleName: g.role_name,
  orgId: g.org_id,
  orgName: g.org_name,
  createdAt: g.created_at,
});

export function listPermissions(ctx: Ctx): PermissionInfo[] {
  return permissionRegistry(ctx)
    .list()
    .map((p) => ({ id: p.id, module: p.module, label: p.label }));
}

/**
 * Creates missing built-in roles and sets their permissions to what the enabled modules
 * declare, so enabling a module extends the built-in roles without a migration.
 */
export async function syncBuiltinRoles(ctx: Ctx): Promise<void> {
  await ctx.transaction(async (tx) => {
    const at = tx.now().toISOString();
    for (const b of BUILTIN_ROLES) {
      let role = await repo.findRoleByCode(tx.db, b.code);
      if (!role) {
        role = {
          id: newId(),
          code: b.code,
          name: b.name,
          name_en: b.nameEn,
          description: b.description,
          is_builtin: 1,
          is_admin: b.isAdmin ? 1 : 0,
          created_at: at,
          updated_at: at,
        };
        await repo.insertRole(tx.db, role);
        tx.audit({
          action: 'access.role.created',
          objectType: 'role',
          objectId: role.id,
          orgId: null,
          changes: { code: b.code, builtin: true },
        });
      }
      const wanted = permissionRegistry(ctx).builtinPermissions(b.code);
      const current = await repo.rolePermissions(tx.db, role.id);
      if (wanted.join(',') !== [...current].sort().join(',')) {
        await repo.setRolePermissions(tx.db, role.id, wanted);
        tx.audit({
          action: 'access.role.permissions_synced',
          objectType: 'role',
          objectId: role.id,
          orgId: null,
          changes: { added: wanted.filter((p) => !current.includes(p)), removed: current.filter((p) => !wanted.includes(p)) },
        });
      }
    }
  });
}

export async function listRoles(ctx: Ctx): Promise<Role[]> {
  ctx.access.require(AccessPermissions.readRoles);
  const [roles, perms] = await Promise.all([repo.listRoles(ctx.db), repo.permissionsByRole(ctx.db)]);
  return roles.map((r) => toRole(r, perms.get(r.id) ?? []));
}

function checkPermissions(ctx: Ctx, permissions: string[]) {
  const unknown = permissions.filter((p) => !permissionRegistry(ctx).has(p));
  if (unknown.length > 0) throw AccessErrors.unknownPermission({ permissions: unknown });
}

/** Creates a custom role (roles are platform-wide, so only root-level grants may). */
export async function createRole(ctx: Ctx, body: RoleBody): Promise<Role> {
  await requirePlatformLevel(ctx, AccessPermissions.manageRoles);
  checkPermissions(ctx, body.permissions);
  return ctx.transaction(async (tx) => {
    if (await repo.findRoleByCode(tx.db, body.code)) throw AccessErrors.roleCodeTaken({ code: body.code });
    const at = tx.now().toISOString();
    const row: repo.RoleRow = {
      id: newId(),
      code: body.code,
      name: body.name,
      name_en: body.nameEn ?? body.name,
      description: body.description ?? null,
      is_builtin: 0,
      is_admin: body.isAdmin ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
    await repo.insertRole(tx.db, row);
    await repo.setRolePermissions(tx.db, row.id, body.permissions);
    tx.audit({
      action: 'access.role.created',
      objectType: 'role',
      objectId: row.id,
      orgId: null,
      changes: { code: row.code, name: row.name, isAdmin: body.isAdmin ?? false, permissions: body.permissions },
    });
    return toRole(row, [...new Set(body.permissions)].sort());
  });
}

/** Edits a custom role; built-in roles follow the module manifests and cannot be edited. */
export async function updateRole(ctx: Ctx, id: string, patch: RolePatch): Promise<Role> {
  await requirePlatformLevel(ctx, AccessPermissions.manageRoles);
  if (patch.permissions) checkPermissions(ctx, patch.permissions);
  return ctx.transaction(async (tx) => {
    const role = await repo.findRole(tx.db, id);
    if (!role) throw AccessErrors.roleNotFound({ id });
    if (toBool(role.is_builtin)) throw AccessErrors.builtinRoleReadonly();
    const before = await repo.rolePermissions(tx.db, id);
    const next = {
      name: patch.name ?? role.name,
      name_en: patch.nameEn ?? role.name_en,
      description: patch.description === undefined ? role.description : patch.description,
      is_admin: patch.isAdmin === undefined ? role.is_admin : patch.isAdmin ? 1 : 0,
      updated_at: tx.now().toISOString(),
    };
    await repo.updateRole(tx.db, id, next);
    if (patch.permissions) await repo.setRolePermissions(tx.db, id, patch.permissions);
    const after = patch.permissions ? [...new Set(patch.permissions)].sort() : before;
    tx.audit({
      action: 'access.role.updated',
      objectType: 'role',
      objectId: id,
      orgId: null,
      changes: {
        name: [role.name, next.name],
        isAdmin: [toBool(role.is_admin), toBool(next.is_admin)],
        added: after.filter((p) => !before.includes(p)),
        removed: before.filter((p) => !after.includes(p)),
      },
    });
    return toRole({ ...role, ...next }, after);
  });
}

export async function deleteRole(ctx: Ctx, id: string): Promise<void> {
  await requirePlatformLevel(ctx, AccessPermissions.manageRoles);
  await ctx.transaction(async (tx) => {
    const role = await repo.findRole(tx.db, id);
    if (!role) throw AccessErrors.roleNotFound({ id });
    if (toBool(role.is_builtin)) throw AccessErrors.builtinRoleReadonly();
    const grants = await repo.countGrantsOfRole(tx.db, id);
    if (grants > 0) throw AccessErrors.roleInUse({ grants });
    await repo.deleteRole(tx.db, id);
    tx.audit({
      action: 'access.role.deleted',
      objectType: 'role',
      objectId: id,
      orgId: null,
      changes: { code: role.code, name: role.name },
    });
  });
}

export async function listGrants(ctx: Ctx, query: GrantQuery): Promise<PageOf<Grant>> {
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.listGrants(
    ctx.db,
    { scopes: ctx.access.scopes(AccessPermissions.readGrants), userId: query.userId, orgId: query.orgId, roleId: query.roleId },
    offset,
    pageSize,
  );
  return { items: items.map(toGrant), total, totalCapped, page, pageSize };
}

/**
 * Grants a role on an org. The caller needs grant rights on that org and must hold every
 * permission of the role there themselves: nobody hands out more than they have.
 */
export async function createGrant(ctx: Ctx, body: GrantBody): Promise<Grant> {
  return ctx.transaction(async (tx) => {
    const org = await repo.findOrgPath(tx.db, body.orgId);
    if (!org || !tx.access.can(AccessPermissions.manageGrants, org.path)) throw OrgErrors.orgNotFound({ id: body.orgId });
    if (!toBool(org.is_active)) throw OrgErrors.orgInactive();
    const user = await repo.findUserPath(tx.db, body.userId);
    if (!user || !(await coversAccount(tx.db, tx.access, AccessPermissions.manageGrants, { id: user.id, orgPath: user.org_path })))
      throw UserErrors.userNotFound({ id: body.userId });
    const role = await repo.findRole(tx.db, body.roleId);
    if (!role) throw AccessErrors.roleNotFound({ id: body.roleId });
    const missing = (await repo.rolePermissions(tx.db, role.id)).filter((p) => !tx.access.can(p, org.path));
    if (missing.length > 0) throw AccessErrors.grantExceedsOwn({ permissions: missing });
    if (await repo.findSameGrant(tx.db, body.userId, body.roleId, body.orgId)) throw AccessErrors.grantExists();
    const row: repo.GrantRow = {
      id: newId(),
      user_id: body.userId,
      role_id: body.roleId,
      org_id: body.orgId,
      created_by: tx.actor.id,
      created_at: tx.now().toISOString(),
    };
    await repo.insertGrant(tx.db, row);
    tx.audit({
      action: 'access.grant.created',
      objectType: 'grant',
      objectId: row.id,
      orgId: body.orgId,
      changes: { userId: body.userId, account: user.account, role: role.code },
    });
    return toGrant((await repo.findGrant(tx.db, row.id))!);
  });
}

export async function revokeGrant(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const grant = await repo.findGrant(tx.db, id);
    if (!grant || !tx.access.can(AccessPermissions.manageGrants, grant.org_path)) throw AccessErrors.grantNotFound({ id });
    const user = await repo.findUserPath(tx.db, grant.user_id);
    if (!user || !(await coversAccount(tx.db, tx.access, AccessPermissions.manageGrants, { id: user.id, orgPath: user.org_path })))
      throw AccessErrors.grantNotFound({ id });
    if (grant.user_id === tx.actor.id && grant.role_code === 'platform_admin') throw AccessErrors.cannotRevokeOwnPlatformAdmin();
    await repo.deleteGrant(tx.db, id);
    tx.audit({
      action: 'access.grant.revoked',
      objectType: 'grant',
      objectId: id,
      orgId: grant.org_id,
      changes: { userId: grant.user_id, account: grant.user_account, role: grant.role_code },
    });
  });
}

/** Trusted grant for seeding and the CLI (no privilege check beyond the caller's Ctx). */
export async function grantByCode(ctx: Ctx, userId: string, roleCode: string, orgId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const role = await repo.findRoleByCode(tx.db, roleCode);
    if (!role) throw AccessErrors.roleNotFound({ code: roleCode });
    if (await repo.findSameGrant(tx.db, userId, role.id, orgId)) return;
    const row: repo.GrantRow = {
      id: newId(),
      user_id: userId,
      role_id: role.id,
      org_id: orgId,
      created_by: tx.actor.id,
      created_at: tx.now().toISOString(),
    };
    await repo.insertGrant(tx.db, row);
    tx.audit({ action: 'access.grant.created', objectType: 'grant', objectId: row.id, orgId, changes: { userId, role: roleCode } });
  });
}
