import { childPath, newId, parentPath, type Ctx } from '#kernel';
import type { ImportReport, OrgImportRow } from '../contract/org.schema.ts';
import { ORG_TYPES, ORG_TYPE_LABELS, SCHOOL_STAGES, SCHOOL_STAGE_LABELS, type OrgType } from '../contract/org-types.ts';
import { OrgPermissions } from '../contract/permissions.ts';
import { canContain, isAuthorityType } from '../contract/org-types.ts';
import { findOrgsByCodes, insertOrgs, updateOrg, type OrgRow } from './org.repo.ts';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { OrgErrors } from '../contract/errors.ts';

const CODE = /^[A-Za-z0-9_-]{2,40}$/;
const BATCH = 1000;

const typeFrom = (v: string): OrgType | undefined => ORG_TYPES.find((t) => t === v.trim() || ORG_TYPE_LABELS[t] === v.trim());
const stageFrom = (v: string): string | undefined => SCHOOL_STAGES.find((s) => s === v.trim() || SCHOOL_STAGE_LABELS[s] === v.trim());

type Checked = {
  row: number;
  code: string;
  name: string;
  type: OrgType;
  stage: string | null;
  parentCode: string;
  shortName: string | null;
  divisionCode: string | null;
};

/** Field-level checks that need no database; returns the rows that passed and the errors. */
export function checkImportRows(rows: OrgImportRow[]): { valid: Checked[]; errors: ImportReport['errors'] } {
  const errors: ImportReport['errors'] = [];
  const valid: Checked[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const row = i + 2; // spreadsheet row number: the header is row 1
    const code = String(r.code ?? '').trim();
    const name = String(r.name ?? '').trim();
    const type = typeFrom(String(r.type ?? ''));
    const stage = r.stage ? stageFrom(String(r.stage)) : undefined;
    const fail = (errorCode: string, field?: string, value?: string) => errors.push({ row, code: errorCode, field, value });
    if (!CODE.test(code)) {
      fail(OrgErrors.importBadCode.code, 'code', code);
      continue;
    }
    if (seen.has(code)) {
      fail(OrgErrors.importDuplicateCode.code, 'code', code);
      continue;
    }
    if (name.length < 2 || name.length > 100) {
      fail(OrgErrors.importBadName.code, 'name', name);
      continue;
    }
    if (!type || type === 'ministry') {
      fail(OrgErrors.importBadType.code, 'type', String(r.type ?? ''));
      continue;
    }
    if (r.stage && !stage) {
      fail(OrgErrors.importBadStage.code, 'stage', String(r.stage));
      continue;
    }
    if (type === 'school' && !stage) {
      fail(OrgErrors.stageRequired.code, 'stage');
      continue;
    }
    if (type !== 'school' && stage) {
      fail(OrgErrors.stageOnlyForSchools.code, 'stage', String(r.stage));
      continue;
    }
    const parentCode = String(r.parentCode ?? '').trim();
    if (!parentCode) {
      fail(OrgErrors.importParentRequired.code, 'parentCode');
      continue;
    }
    seen.add(code);
    valid.push({
      row,
      code,
      name,
      type,
      stage: stage ?? null,
      parentCode,
      shortName: r.shortName?.trim() || null,
      divisionCode: r.divisionCode?.trim() || null,
    });
  }
  return { valid, errors };
}

/**
 * Upserts orgs by code, parents before children (a parent may come from the database or an
 * earlier row). Batches commit one by one, so a failure keeps what was done and a re-run
 * continues where it stopped: rows already in place count as unchanged.
 */
export async function importOrgs(ctx: Ctx, rows: OrgImportRow[], options: { dryRun: boolean }): Promise<ImportReport> {
  ctx.access.require(OrgPermissions.import);
  const { valid, errors } = checkImportRows(rows);
  const report: ImportReport = { dryRun: options.dryRun, total: rows.length, created: 0, updated: 0, unchanged: 0, errors };
  const known = new Map<string, OrgRow>();
  const codes = [...new Set(valid.flatMap((r) => [r.code, r.parentCode]))];
  for (const o of await findOrgsByCodes(ctx.db, codes)) known.set(o.code, o);

  for (let i = 0; i < valid.length; i += BATCH) {
    const batch = valid.slice(i, i + BATCH);
    await ctx.transaction(async (tx) => {
      const inserts: OrgRow[] = [];
      const changed: string[] = [];
      const at = tx.now().toISOString();
      for (const r of batch) {
        const parent = known.get(r.parentCode);
        if (!parent) {
          errors.push({ row: r.row, code: OrgErrors.importParentNotFound.code, field: 'parentCode', value: r.parentCode });
          continue;
        }
        if (parent.type === 'school') {
          errors.push({ row: r.row, code: OrgErrors.schoolCannotHaveChildren.code, field: 'parentCode', value: r.parentCode });
          continue;
        }
        if (!tx.access.can(OrgPermissions.create, parent.path)) {
          errors.push({ row: r.row, code: AccessErrors.forbidden.code, field: 'parentCode', value: r.parentCode });
          continue;
        }
        if (!canContain(parent.type, r.type)) {
          errors.push({ row: r.row, code: OrgErrors.typeNotAllowedUnderParent.code, field: 'type', value: r.type });
          continue;
        }
        // The same rule as createOrg: an authority is placed only from above its parent.
        if (isAuthorityType(r.type) && !tx.access.can(OrgPermissions.create, parentPath(parent.path) ?? parent.path)) {
          errors.push({ row: r.row, code: OrgErrors.authorityNeedsScopeAbove.code, field: 'type', value: r.type });
          continue;
        }
        const existing = known.get(r.code);
        if (existing) {
          if (existing.parentId !== parent.id) {
            errors.push({ row: r.row, code: OrgErrors.importParentDiffers.code, field: 'parentCode', value: r.parentCode });
            continue;
          }
          const same = existing.name === r.name && existing.stage === r.stage && (existing.shortName ?? null) === r.shortName;
          if (same) {
            report.unchanged++;
            continue;
          }
          if (!options.dryRun) await updateOrg(tx.db, existing.id, { name: r.name, stage: r.stage, shortName: r.shortName, updatedAt: at });
          known.set(r.code, { ...existing, name: r.name, stage: r.stage, shortName: r.shortName });
          changed.push(r.code);
          report.updated++;
          continue;
        }
        const id = newId();
        const row: OrgRow = {
          id,
          code: r.code,
          name: r.name,
          shortName: r.shortName,
          type: r.type,
          stage: r.stage,
          divisionCode: r.divisionCode,
          parentId: parent.id,
          path: childPath(parent.path, id),
          depth: Number(parent.depth) + 1,
          isActive: 1,
          isSample: 0,
          createdAt: at,
          updatedAt: at,
        };
        inserts.push(row);
        known.set(r.code, row);
        report.created++;
      }
      if (options.dryRun) return;
      await insertOrgs(tx.db, inserts);
      // One audit record per parent, so that each lands in the subtree it belongs to.
      const byParent = new Map<string, { created: string[]; updated: string[] }>();
      const entry = (parentId: string) => byParent.get(parentId) ?? byParent.set(parentId, { created: [], updated: [] }).get(parentId)!;
      for (const o of inserts) entry(o.parentId!).created.push(o.code);
      for (const code of changed) entry(known.get(code)!.parentId!).updated.push(code);
      for (const [parentId, changes] of byParent) {
        tx.audit({ action: 'orgs.org.imported', objectType: 'org', objectId: null, orgId: parentId, changes });
      }
    });
  }
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}
