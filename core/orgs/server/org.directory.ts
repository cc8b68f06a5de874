import { pathIds, toBool } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { adminLevelOf, type AdminLevel, type OrgType, type SchoolStage } from '../contract/org-types.ts';
import type { OrgsContract, OrgSummary } from '../contract/orgs.service.ts';
import { findOrgById, findOrgsByIds } from './org.repo.ts';
import type { OrgRow } from './orgs.tables.ts';

/** The column is text; org writes only store the contract's types (createOrg, import, seed). */
export const toOrgSummary = (r: OrgRow): OrgSummary => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  type: r.type as OrgType,
  stage: r.stage as SchoolStage | null,
  divisionCode: r.divisionCode,
  parentId: r.parentId,
  path: r.path,
  depth: Number(r.depth),
  isActive: toBool(r.isActive),
});

async function byIds(db: PlatformDb, ids: readonly string[]): Promise<Map<string, OrgSummary>> {
  const rows = await findOrgsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toOrgSummary(r)]));
}

async function onPath(db: PlatformDb, path: string): Promise<OrgSummary[]> {
  const ids = pathIds(path);
  const found = await byIds(db, ids);
  return ids.map((id) => found.get(id)).filter((o): o is OrgSummary => o !== undefined);
}

async function ancestorAtLevel(db: PlatformDb, orgIdOrPath: string, level: AdminLevel): Promise<OrgSummary | null> {
  let path = orgIdOrPath;
  if (!orgIdOrPath.startsWith('/')) {
    const org = await findOrgById(db, orgIdOrPath);
    if (!org) return null;
    path = org.path;
  }
  const chain = await onPath(db, path);
  return chain.reverse().find((o) => adminLevelOf(o.type) === level) ?? null;
}

/** core/orgs' implementation of its contract service (module.ts createService). */
export const orgDirectory: OrgsContract = {
  async find(db, id) {
    const row = await findOrgById(db, id);
    return row ? toOrgSummary(row) : null;
  },
  byIds,
  onPath,
  ancestorAtLevel,
};
