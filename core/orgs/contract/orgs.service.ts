import { serviceRef } from '#kernel/service.ts';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import type { AdminLevel, OrgType, SchoolStage } from './org-types.ts';

/** What other pieces may know of an org (no audit timestamps, no sample flag). */
export interface OrgSummary {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  /** Schools only. */
  stage: SchoolStage | null;
  divisionCode: string | null;
  parentId: string | null;
  /** `/rootId/…/id/`. */
  path: string;
  depth: number;
  isActive: boolean;
}

/**
 * core/orgs' contract service: what other pieces ask of the org tree instead of reading
 * core_orgs. Every method takes the caller's connection or transaction, so reads see the
 * caller's uncommitted writes. No access checks: the caller decides what it may show.
 */
export interface OrgsContract {
  /** The org with this id, or null. */
  find(db: PlatformDb, id: string): Promise<OrgSummary | null>;
  /** The orgs with these ids (missing ones left out), keyed by id; read in chunks of 500. */
  byIds(db: PlatformDb, ids: readonly string[]): Promise<Map<string, OrgSummary>>;
  /** The orgs on an org path, root first (the path's last org included). */
  onPath(db: PlatformDb, path: string): Promise<OrgSummary[]>;
  /**
   * The org of `level` (org-types.ts adminLevelOf) on the path of an org given by id or by path
   * (a string starting with '/'), the org itself included; null when the path has none. For the
   * authority strictly above an org, as workflow routing and campaign quotas need, pass the
   * parent's path.
   */
  ancestorAtLevel(db: PlatformDb, orgIdOrPath: string, level: AdminLevel): Promise<OrgSummary | null>;
}

export const OrgsService = serviceRef<OrgsContract>('orgs');
