import { Type, type Static } from 'typebox';
import { pathIds, type Ctx } from '#kernel';
import { beijingDate, beijingTime, ExportLanguageQuery, pagedRows, type XlsxExport } from '#kernel/xlsx-export.ts';
import { findOrgById } from '#core/orgs/server/org.repo.ts';
import { AuditQuery, type AuditEvent } from '../contract/audit.schema.ts';
import { AuditPermissions } from '../contract/permissions.ts';
import zhCN from '../locales/zh-CN.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import { listAuditEvents } from './audit.service.ts';

/** The list route's filter, without paging: an export always holds every match. */
export const AuditExportQuery = Type.Intersect([Type.Omit(AuditQuery, ['page', 'pageSize']), ExportLanguageQuery]);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

const BATCH = 1000;
// Lists count at most COUNT_CAP rows, so a big export cannot be refused up front: it stops here.
export const AUDIT_EXPORT_LIMIT = 200_000;
/** Org names looked up so far; dropped when it grows this big, so a nationwide export stays small. */
const ORG_NAME_CACHE_LIMIT = 10_000;

const COLUMNS = ['at', 'actor', 'ip', 'action', 'objectType', 'objectId', 'org', 'changes'] as const;
const WIDTHS: Partial<Record<(typeof COLUMNS)[number], number>> = {
  at: 20,
  actor: 18,
  ip: 16,
  action: 28,
  objectId: 28,
  org: 28,
  changes: 60,
};

/**
 * Every audit record the list would show for the same filter, newest first. The list is
 * pinned to the moment the export starts: records written meanwhile (this export's own among
 * them) would otherwise push rows across page boundaries and repeat them.
 */
export async function exportAuditEvents(ctx: Ctx, query: AuditExportQuery): Promise<XlsxExport> {
  const { lang, ...filter } = query;
  const text = lang === 'en' ? en.export : zhCN.export;
  const asOf = ctx.now().toISOString();
  const to = filter.to && Date.parse(filter.to) < Date.parse(asOf) ? filter.to : asOf;
  const fetch = async (offset: number) => listAuditEvents(ctx, { ...filter, to, page: offset / BATCH + 1, pageSize: BATCH });
  const first = await fetch(0);
  const scopes = ctx.access.scopes(AuditPermissions.readEvents);
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'audit.event.exported',
      objectType: 'audit_event',
      objectId: null,
      // Filed under the org the export covers, so that org's auditors see it.
      orgId: filter.orgId ?? (scopes.length === 1 ? (pathIds(scopes[0]).at(-1) ?? null) : null),
      changes: { filter, asOf, rows: first.totalCapped ? `>${first.total}` : first.total },
    }),
  );

  const orgNames = new Map<string, string>();
  const withOrgNames = async (events: AuditEvent[]) => {
    if (orgNames.size > ORG_NAME_CACHE_LIMIT) orgNames.clear();
    const missing = [...new Set(events.map((e) => e.orgId).filter((id): id is string => !!id && !orgNames.has(id)))];
    const found = await Promise.all(missing.map((id) => findOrgById(ctx.db, id)));
    for (const [i, id] of missing.entries()) orgNames.set(id, found[i]?.name ?? id);
    return events;
  };
  const toRow = (e: AuditEvent) => ({
    at: beijingTime(e.at),
    actor: e.actor.name,
    ip: e.ip,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    org: e.orgId ? orgNames.get(e.orgId) : null,
    changes: JSON.stringify(e.changes),
  });
  return {
    filename: `${text.fileName}-${beijingDate(ctx.now())}.xlsx`,
    sheetName: text.sheetName,
    columns: COLUMNS.map((key) => ({ key, header: text.columns[key], width: WIDTHS[key] })),
    rows: pagedRows(async (offset) => withOrgNames((offset === 0 ? first : await fetch(offset)).items), toRow, BATCH, AUDIT_EXPORT_LIMIT),
  };
}
