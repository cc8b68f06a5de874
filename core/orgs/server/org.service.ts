import { childPath, isWithin, newId, pageWindow, parentPath, toBool, type Ctx, type PageOf } from '#kernel';
import type { CreateOrgBody, Org, OrgSearchQuery, UpdateOrgBody } from '../contract/org.schema.ts';
import { OrgPermissions } from '../contract/permissions.ts';
import { canContain, isAuthorityType } from '../contract/org-types.ts';
import * as repo from './org.repo.ts';
import type { OrgRow } from './org.repo.ts';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { OrgErrors } from '../contract/errors.ts';
import { OrgMoved } from '../contract/events.ts';

export const toOrg = (r: OrgRow & { childCount?: number | string | bigint | null }): Org => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  type: r.type as Org['type'],
  stage: r.stage as Org['stage'],
  divisionCode: r.divisionCode,
  parentId: r.parentId,
  path: r.path,
  depth: Number(r.depth),
  isActive: toBool(r.isActive),
  isSample: toBool(r.isSample),
  ...(r.childCount === undefined || r.childCount === null ? {} : { childCount: Number(r.childCount) }),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Tables that copy org paths (users, files, module records); a move rewrites them with the orgs. */
const pathColumns: Array<{ table: string; column: string }> = [];
export function trackOrgPathColumn(table: string, column: string): void {
  if (!pathColumns.some((c) => c.table === table && c.column === column)) pathColumns.push({ table, column });
}

/** The org, if the caller may read it; not_found otherwise, so existence outside one's subtree stays private. */
export async function getOrg(ctx: Ctx, id: string, permission: string = OrgPermissions.read): Promise<OrgRow> {
  const row = await repo.findOrgById(ctx.db, id);
  if (!row || !ctx.access.can(permission, row.path)) {
    if (row && ctx.access.can(OrgPermissions.read, row.path)) throw AccessErrors.forbidden({ permission });
    throw OrgErrors.orgNotFound({ id });
  }
  return row;
}

/**
 * An org itself (its name, code, place in the tree, whether it is active) is governed by the
 * level above it: a county administrator manages what lies under the county bureau, not the
 * bureau. The root has no level above and is governed by grants on the root.
 */
function governs(ctx: Ctx, permission: string, org: Pick<OrgRow, 'path'>): boolean {
  return ctx.access.can(permission, parentPath(org.path) ?? org.path);
}

function requireGoverns(ctx: Ctx, permission: string, org: Pick<OrgRow, 'path'>): void {
  if (!governs(ctx, permission, org)) throw OrgErrors.changeNeedsScopeAbove({ permission });
}

/**
 * A child ranks below its parent (org-types.ts), and an authority is placed only by someone
 * above its new parent, so nobody can build a fake city or province inside their own county and
 * route reviews or quotas through it.
 */
export function checkPlacement(ctx: Ctx, permission: string, parent: Pick<OrgRow, 'path' | 'type'>, childType: string): void {
  if (!canContain(parent.type, childType)) throw OrgErrors.typeNotAllowedUnderParent({ type: childType, parentType: parent.type });
  if (isAuthorityType(childType) && !governs(ctx, permission, parent)) throw OrgErrors.authorityNeedsScopeAbove({ type: childType });
}

function checkStage(type: string, stage: string | null | undefined) {
  if (type === 'school' && !stage) throw OrgErrors.stageRequired();
  if (type !== 'school' && stage) throw OrgErrors.stageOnlyForSchools();
}

/** Creates an org under a parent the caller may create in; the code is unique platform-wide. */
export async function createOrg(ctx: Ctx, input: CreateOrgBody): Promise<Org> {
  return ctx.transaction(async (tx) => {
    const parent = await getOrg(tx, input.parentId, OrgPermissions.create);
    if (!toBool(parent.isActive)) throw OrgErrors.parentInactive({ parentId: parent.id });
    if (parent.type === 'school') throw OrgErrors.schoolCannotHaveChildren();
    checkStage(input.type, input.stage);
    if (input.type === 'ministry') throw OrgErrors.onlyOneMinistry();
    checkPlacement(tx, OrgPermissions.create, parent, input.type);
    if (await repo.findOrgByCode(tx.db, input.code)) throw OrgErrors.codeTaken({ code: input.code });
    const id = newId();
    const at = tx.now().toISOString();
    const row: OrgRow = {
      id,
      code: input.code,
      name: input.name.trim(),
      shortName: input.shortName?.trim() || null,
      type: input.type,
      stage: input.stage ?? null,
      divisionCode: input.divisionCode ?? null,
      parentId: parent.id,
      path: childPath(parent.path, id),
      depth: Number(parent.depth) + 1,
      isActive: 1,
      isSample: 0,
      createdAt: at,
      updatedAt: at,
    };
    await repo.insertOrgs(tx.db, [row]);
    tx.audit({
      action: 'orgs.org.created',
      objectType: 'org',
      objectId: id,
      orgId: id,
      changes: { code: row.code, name: row.name, type: row.type, stage: row.stage, parentId: parent.id },
    });
    return toOrg(row);
  });
}

/** Renames or re-codes an org; records each changed field as [before, after]. */
export async function updateOrg(ctx: Ctx, id: string, input: UpdateOrgBody): Promise<Org> {
  return ctx.transaction(async (tx) => {
    const org = await getOrg(tx, id, OrgPermissions.update);
    requireGoverns(tx, OrgPermissions.update, org);
    const next = {
      name: input.name?.trim() ?? org.name,
      shortName: input.shortName === undefined ? org.shortName : input.shortName?.trim() || null,
      code: input.code ?? org.code,
      stage: input.stage === undefined ? org.stage : input.stage,
    };
    checkStage(org.type, next.stage);
    if (next.code !== org.code && (await repo.findOrgByCode(tx.db, next.code))) throw OrgErrors.codeTaken({ code: next.code });
    const changes: Record<string, [unknown, unknown]> = {};
    // Audit keys stay the column names the audit log has always recorded (short_name).
    const auditKey = { name: 'name', shortName: 'short_name', code: 'code', stage: 'stage' } as const;
    for (const key of ['name', 'shortName', 'code', 'stage'] as const)
      if (next[key] !== org[key]) changes[auditKey[key]] = [org[key], next[key]];
    if (Object.keys(changes).length === 0) return toOrg(org);
    const at = tx.now().toISOString();
    await repo.updateOrg(tx.db, id, { ...next, updatedAt: at });
    tx.audit({ action: 'orgs.org.updated', objectType: 'org', objectId: id, orgId: id, changes });
    return toOrg({ ...org, ...next, updatedAt: at });
  });
}

/** Moves an org with its whole subtree; every copied path moves in the same transaction. */
export async function moveOrg(ctx: Ctx, id: string, newParentId: string): Promise<Org> {
  return ctx.transaction(async (tx) => {
    const org = await getOrg(tx, id, OrgPermissions.move);
    if (!org.parentId) throw OrgErrors.cannotMoveRoot();
    requireGoverns(tx, OrgPermissions.move, org);
    const parent = await getOrg(tx, newParentId, OrgPermissions.move);
    if (isWithin(parent.path, org.path)) throw OrgErrors.cannotMoveIntoOwnSubtree();
    if (parent.type === 'school') throw OrgErrors.schoolCannotHaveChildren();
    checkPlacement(tx, OrgPermissions.move, parent, org.type);
    if (parent.id === org.parentId) return toOrg(org);
    const newPath = childPath(parent.path, org.id);
    const at = tx.now().toISOString();
    await repo.shiftDepth(tx.db, org.path, Number(parent.depth) + 1 - Number(org.depth));
    await repo.replaceOrgPathPrefix(tx.db, org.path, newPath);
    await repo.updateOrg(tx.db, id, { parentId: parent.id, updatedAt: at });
    for (const c of pathColumns) await repo.replaceCopiedPathPrefix(tx.db, c.table, c.column, org.path, newPath);
    tx.publish(OrgMoved, { orgId: id, fromParentId: org.parentId, toParentId: parent.id, oldPath: org.path, newPath });
    tx.audit({ action: 'orgs.org.moved', objectType: 'org', objectId: id, orgId: id, changes: { parentId: [org.parentId, parent.id] } });
    return toOrg((await repo.findOrgById(tx.db, id))!);
  });
}

/** Deactivates an org and everything under it (or reactivates them). Nothing is deleted. */
export async function setOrgActive(ctx: Ctx, id: string, active: boolean): Promise<{ org: Org; affected: number }> {
  return ctx.transaction(async (tx) => {
    const org = await getOrg(tx, id, OrgPermissions.deactivate);
    if (!org.parentId && !active) throw OrgErrors.cannotDeactivateRoot();
    requireGoverns(tx, OrgPermissions.deactivate, org);
    const affected = await repo.countSubtree(tx.db, org.path, !active);
    const at = tx.now().toISOString();
    await repo.setSubtreeActive(tx.db, org.path, active, at);
    tx.audit({
      action: active ? 'orgs.org.activated' : 'orgs.org.deactivated',
      objectType: 'org',
      objectId: id,
      orgId: id,
      changes: { isActive: [!active, active], subtreeCount: affected },
    });
    return { org: toOrg({ ...org, isActive: active ? 1 : 0, updatedAt: at }), affected };
  });
}

/** Orgs matching the search inside the caller's readable subtrees, shallowest first. */
export async function searchOrgs(ctx: Ctx, query: OrgSearchQuery & { parentId?: string }): Promise<PageOf<Org>> {
  let scopes = ctx.access.scopes(OrgPermissions.read);
  if (query.within) scopes = [(await getOrg(ctx, query.within)).path];
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.searchOrgs(
    ctx.db,
    { scopes, q: query.q, type: query.type, includeInactive: query.includeInactive, parentId: query.parentId },
    offset,
    pageSize,
  );
  return { items: items.map(toOrg), total, totalCapped, page, pageSize };
}

/** Direct children of an org the caller may read. */
export async function listChildren(ctx: Ctx, id: string, query: OrgSearchQuery): Promise<PageOf<Org>> {
  const org = await getOrg(ctx, id);
  return searchOrgs(ctx, { ...query, within: undefined, parentId: org.id, ...(query.within ? {} : {}) });
}

/** The top of what the caller may read: the outermost orgs of their read grants. */
export async function listRootsOf(ctx: Ctx): Promise<Org[]> {
  const ids = ctx.access
    .scopes(OrgPermissions.read)
    .map((p) => p.split('/').filter(Boolean).pop()!)
    .filter(Boolean);
  const rows = await Promise.all(ids.map((id) => repo.findOrgById(ctx.db, id)));
  return rows.filter((r): r is OrgRow => !!r).map(toOrg);
}

/**
 * For platform-wide objects (roles, the audit chain): the permission must be held on the
 * root org itself, not merely somewhere below it.
 */
export async function requirePlatformLevel(ctx: Ctx, permission: string): Promise<void> {
  const rootPath = (await repo.findRoot(ctx.db))?.path;
  if (!rootPath) throw OrgErrors.orgNotFound({ id: 'root' });
  ctx.access.require(permission, rootPath);
}
