import { Type, type Static } from 'typebox';
import { pathIds, type Ctx } from '#kernel';
import { beijingDate, ExportLanguageQuery, pagedRows, type XlsxExport } from '#kernel/xlsx-export.ts';
import { OrgSearchQuery, type Org } from '../contract/org.schema.ts';
import { OrgPermissions } from '../contract/permissions.ts';
import zhCN from '../locales/zh-CN.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import { searchOrgs } from './org.service.ts';

/** The search route's filter, without paging: an export always holds every match. */
export const OrgExportQuery = Type.Intersect([Type.Omit(OrgSearchQuery, ['page', 'pageSize']), ExportLanguageQuery]);
export type OrgExportQuery = Static<typeof OrgExportQuery>;

const BATCH = 1000;
// Lists count at most COUNT_CAP rows, so a big export cannot be refused up front: it stops here.
export const ORG_EXPORT_LIMIT = 200_000;

// The Chinese headers and labels are the ones the org import reads, so an export can be
// edited and imported again.
const COLUMNS = ['code', 'name', 'shortName', 'type', 'stage', 'divisionCode', 'depth', 'status'] as const;
const WIDTHS: Partial<Record<(typeof COLUMNS)[number], number>> = {
  code: 16,
  name: 36,
  shortName: 16,
  type: 18,
  stage: 14,
  divisionCode: 14,
};

/**
 * Every org the search would show for the same filter, shallowest first, with type and stage
 * in words. Audited before the first row leaves.
 */
export async function exportOrgs(ctx: Ctx, query: OrgExportQuery): Promise<XlsxExport> {
  const { lang, ...filter } = query;
  const text = lang === 'en' ? en.export : zhCN.export;
  const fetch = async (offset: number) => searchOrgs(ctx, { ...filter, page: offset / BATCH + 1, pageSize: BATCH });
  const first = await fetch(0);
  const scopes = ctx.access.scopes(OrgPermissions.read);
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'orgs.org.exported',
      objectType: 'org',
      objectId: null,
      // Filed under the org the export covers, so that org's auditors see it.
      orgId: filter.within ?? (scopes.length === 1 ? (pathIds(scopes[0]).at(-1) ?? null) : null),
      changes: { filter, rows: first.totalCapped ? `>${first.total}` : first.total },
    }),
  );
  const toRow = (o: Org) => ({
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    type: text.types[o.type],
    stage: o.stage ? text.stages[o.stage] : null,
    divisionCode: o.divisionCode,
    depth: o.depth,
    status: o.isActive ? text.status.active : text.status.inactive,
  });
  return {
    filename: `${text.fileName}-${beijingDate(ctx.now())}.xlsx`,
    sheetName: text.sheetName,
    columns: COLUMNS.map((key) => ({ key, header: text.columns[key], width: WIDTHS[key] })),
    rows: pagedRows(async (offset) => (offset === 0 ? first : await fetch(offset)).items, toRow, BATCH, ORG_EXPORT_LIMIT),
  };
}
