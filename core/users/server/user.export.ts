import { Type, type Static } from 'typebox';
import { pathIds, type Ctx } from '#kernel';
import { beijingDate, beijingTime, ExportLanguageQuery, pagedRows, type XlsxExport } from '#kernel/xlsx-export.ts';
import { UserListQuery, type User } from '../contract/user.schema.ts';
import { UserPermissions } from '../contract/permissions.ts';
import zhCN from '../locales/zh-CN.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import { maskPersonalNumbers } from './id-number.ts';
import { listUsers } from './user.service.ts';

/** The list route's filter and order, without paging: an export always holds every match. */
export const UserExportQuery = Type.Intersect([Type.Omit(UserListQuery, ['page', 'pageSize']), ExportLanguageQuery]);
export type UserExportQuery = Static<typeof UserExportQuery>;

const BATCH = 1000;
// Lists count at most COUNT_CAP rows, so a big export cannot be refused up front: it stops here.
export const USER_EXPORT_LIMIT = 200_000;

const COLUMNS = [
  'account',
  'realName',
  'displayName',
  'orgName',
  'idNumberMasked',
  'phoneMasked',
  'email',
  'status',
  'isLocked',
  'lastLoginAt',
  'createdAt',
] as const;
const WIDTHS: Partial<Record<(typeof COLUMNS)[number], number>> = {
  orgName: 28,
  idNumberMasked: 22,
  email: 26,
  lastLoginAt: 20,
  createdAt: 20,
};

/**
 * Every user the list would show for the same filter, as spreadsheet rows: masked ID numbers
 * and phones only. Refuses before anything is sent when the filter names an org out of
 * scope or matches more than the limit; the export is audited before the first row leaves.
 */
export async function exportUsers(ctx: Ctx, query: UserExportQuery): Promise<XlsxExport> {
  const { lang, ...filter } = query;
  const text = lang === 'en' ? en.export : zhCN.export;
  const fetch = async (offset: number) => await listUsers(ctx, { ...filter, page: offset / BATCH + 1, pageSize: BATCH });
  const first = await fetch(0);
  const scopes = ctx.access.scopes(UserPermissions.read);
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'users.user.exported',
      objectType: 'user',
      objectId: null,
      // Filed under the org the export covers, so that org's auditors see it.
      orgId: filter.orgId ?? (scopes.length === 1 ? (pathIds(scopes[0]).at(-1) ?? null) : null),
      // The search may be a full ID number or phone: the audit keeps it masked, like the stored values.
      changes: {
        filter: filter.q === undefined ? filter : { ...filter, q: maskPersonalNumbers(filter.q) },
        rows: first.totalCapped ? `>${first.total}` : first.total,
      },
    }),
  );
  const toRow = (u: User) => ({
    ...u,
    status: text.status[u.status],
    isLocked: u.isLocked ? text.yes : text.no,
    lastLoginAt: beijingTime(u.lastLoginAt),
    createdAt: beijingTime(u.createdAt),
  });
  return {
    filename: `${text.fileName}-${beijingDate(ctx.now())}.xlsx`,
    sheetName: text.sheetName,
    columns: COLUMNS.map((key) => ({ key, header: text.columns[key], width: WIDTHS[key] })),
    rows: pagedRows(async (offset) => (offset === 0 ? first : await fetch(offset)).items, toRow, BATCH, USER_EXPORT_LIMIT),
  };
}
