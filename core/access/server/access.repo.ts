import type { Kysely } from 'kysely';
import { cappedCount, inSubtrees } from '#kernel';

export interface RoleRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  description: string | null;
  is_builtin: number;
  is_admin: number;
  created_at: string;
  updated_at: string;
}

export const listRoles = (db: Kysely<any>) =>
  db.selectFrom('core_roles').selectAll().orderBy('is_builtin', 'desc').orderBy('created_at').execute() as Promise<RoleRow[]>;
export const findRole = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_roles').selectAll().where('id', '=', id).executeTakeFirst() as Promise<RoleRow | undefined>;
export const findRoleByCode = (db: Kysely<any>, code: string) =>
  db.selectFrom('core_roles').selectAll().where('code', '=', code).executeTakeFirst() as Promise<RoleRow | undefined>;
export const insertRole = (db: Kysely<any>, row: RoleRow) => db.insertInto('core_roles').values(row).execute();
export const updateRole = (db: Kysely<any>, id: string, patch: Partial<RoleRow>) =>
  db.updateTable('core_roles').set(patch).where('id', '=', id).execute();
export const deleteRole = (db: Kysely<any>, id: string) => db.deleteFrom('core_roles').where('id', '=', id).execute();

export async function permissionsByRole(db: Kysely<any>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('core_role_permissions').select(['role_id', 'permission']).orderBy('permission').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.role_id) ?? out.set(r.role_id, []).get(r.role_id)!).push(r.permission);
  return out;
}
export const rolePermissions = async (db: Kysely<any>, roleId: string) =>
  (await db.selectFrom('core_role_permissions').select('permission').where('role_id', '=', roleId).execute()).map(
    (r) => r.permission as string,
  );

export async function setRolePermissions(db: Kysely<any>, roleId: string, permissions: string[]) {
  await db.deleteFrom('core_role_permissions').where('role_id', '=', roleId).execute();
  const rows = [...new Set(permissions)].map((permission) => ({ role_id: roleId, permission }));
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('core_role_permissions')
      .values(rows.slice(i, i + 400))
      .execute();
}

export const countGrantsOfRole = async (db: Kysely<any>, roleId: string) =>
  Number(
    (
      await db
        .selectFrom('core_grants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role_id', '=', roleId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export interface GrantRow {
  id: string;
  user_id: string;
  role_id: string;
  org_id: string;
  created_by: string | null;
  created_at: string;
}
export interface GrantView extends GrantRow {
  user_account: string;
  user_name: string;
  role_code: string;
  role_name: string;
  org_name: string;
  org_path: string;
}

function grantsView(db: Kysely<any>) {
  return db
    .selectFrom('core_grants as g')
    .innerJoin('core_users as u', 'u.id', 'g.user_id')
    .innerJoin('core_roles as r', 'r.id', 'g.role_id')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id');
}
const grantColumns = [
  'g.id',
  'g.user_id',
  'g.role_id',
  'g.org_id',
  'g.created_by',
  'g.created_at',
  'u.account as user_account',
  'u.real_name as user_name',
  'r.code as role_code',
  'r.name as role_name',
  'o.name as org_name',
  'o.path as org_path',
] as const;

export const findGrant = (db: Kysely<any>, id: string) =>
  grantsView(db).select(grantColumns).where('g.id', '=', id).executeTakeFirst() as Promise<GrantView | undefined>;

export async function listGrants(
  db: Kysely<any>,
  f: { scopes: string[]; userId?: string; orgId?: string; roleId?: string },
  offset: number,
  limit: number,
) {
  let q = grantsView(db).where((eb) => inSubtrees(eb, 'o.path', f.scopes));
  if (f.userId) q = q.where('g.user_id', '=', f.userId);
  if (f.orgId) q = q.where('g.org_id', '=', f.orgId);
  if (f.roleId) q = q.where('g.role_id', '=', f.roleId);
  const [items, count] = await Promise.all([
    q.select(grantColumns).orderBy('g.created_at', 'desc').offset(offset).limit(limit).execute() as Promise<GrantView[]>,
    cappedCount(db, q),
  ]);
  return { items, ...count };
}

export const findSameGrant = (db: Kysely<any>, userId: string, roleId: string, orgId: string) =>
  db
    .selectFrom('core_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role_id', '=', roleId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
export const insertGrant = (db: Kysely<any>, row: GrantRow) => db.insertInto('core_grants').values(row).execute();
export const deleteGrant = (db: Kysely<any>, id: string) => db.deleteFrom('core_grants').where('id', '=', id).execute();

export const findUserPath = (db: Kysely<any>, userId: string) =>
  db.selectFrom('core_users').select(['id', 'org_path', 'account']).where('id', '=', userId).executeTakeFirst() as Promise<
    { id: string; org_path: string; account: string } | undefined
  >;
export const findOrgPath = (db: Kysely<any>, orgId: string) =>
  db.selectFrom('core_orgs').select(['id', 'path', 'is_active']).where('id', '=', orgId).executeTakeFirst() as Promise<
    { id: string; path: string; is_active: number } | undefined
  >;

/** The paths of every org the user holds a grant on, active or not (a grant on an inactive org returns with it). */
export const grantOrgPaths = async (db: Kysely<any>, userId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('core_grants as g')
      .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
      .select('o.path')
      .distinct()
      .where('g.user_id', '=', userId)
      .execute()
  ).map((r) => r.path as string);

/** Code and name of each of `ids` that still exists, for pieces listing rows that name roles. */
export async function findRoleNames(db: Kysely<any>, ids: string[]): Promise<Map<string, { id: string; code: string; name: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db.selectFrom('core_roles').select(['id', 'code', 'name']).where('id', 'in', unique).execute()) as {
    id: string;
    code: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Name, path and state of each of `ids` that exists, for pieces listing rows that name orgs. */
export async function findOrgNames(
  db: Kysely<any>,
  ids: string[],
): Promise<Map<string, { id: string; name: string; path: string; is_active: number }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db.selectFrom('core_orgs').select(['id', 'name', 'path', 'is_active']).where('id', 'in', unique).execute()) as {
    id: string;
    name: string;
    path: string;
    is_active: number;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}
