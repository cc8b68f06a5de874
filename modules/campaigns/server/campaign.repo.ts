import { sql, type Kysely } from 'kysely';

export interface CampaignRow {
  id: string;
  type: string;
  title: string;
  year: number;
  org_id: string;
  org_path: string;
  status: string;
  rules: string;
  apply_until: string | null;
  publicity_from: string | null;
  publicity_until: string | null;
  draw_seed: number | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface ApplicationRow {
  id: string;
  campaign_id: string;
  category_code: string;
  title: string;
  applicant_id: string;
  org_id: string;
  org_path: string;
  province_id: string | null;
  form_values: string;
  status: string;
  score: number | null;
  rank: number | null;
  exclusion: string | null;
  submitted_at: string;
  updated_at: string;
}

export type ApplicationListRow = ApplicationRow & {
  org_name: string;
  applicant_name: string;
  campaign_title: string;
  certificate_number: string | null;
};

export const findCampaign = (db: Kysely<any>, id: string) =>
  db.selectFrom('cp_campaigns').selectAll().where('id', '=', id).executeTakeFirst() as Promise<CampaignRow | undefined>;

export const insertCampaign = (db: Kysely<any>, row: CampaignRow) => db.insertInto('cp_campaigns').values(row).execute();

/** Changes a campaign only if nobody changed it since it was read; false when someone did. */
export async function updateCampaign(
  db: Kysely<any>,
  row: Pick<CampaignRow, 'id' | 'version'>,
  patch: Partial<CampaignRow>,
): Promise<boolean> {
  const res = await db
    .updateTable('cp_campaigns')
    .set({ ...patch, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Campaigns organised inside `readScopes` (drafts too), and the others whose subtree holds one of `memberPaths`. */
export function listCampaigns(db: Kysely<any>, readScopes: string[], memberPaths: string[]) {
  return db
    .selectFrom('cp_campaigns as c')
    .innerJoin('core_orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where((eb) =>
      eb.or([
        ...readScopes.map((s) => eb('c.org_path', 'like', `${s}%`)),
        ...memberPaths.map((p) => eb.and([eb('c.status', '!=', 'draft'), eb(eb.val(p), 'like', sql<string>`c.org_path || '%'`)])),
        sql<boolean>`1 = 0`,
      ]),
    )
    .orderBy('c.year', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute() as Promise<Array<CampaignRow & { org_name: string }>>;
}

export const orgName = async (db: Kysely<any>, id: string) =>
  ((await db.selectFrom('core_orgs').select('name').where('id', '=', id).executeTakeFirst()) as { name: string } | undefined)?.name ?? '';

export const findOrg = (db: Kysely<any>, id: string) =>
  db
    .selectFrom('core_orgs')
    .select(['id', 'path', 'type', 'name', 'is_active', 'division_code'])
    .where('id', '=', id)
    .executeTakeFirst() as Promise<
    { id: string; path: string; type: string; name: string; is_active: number; division_code: string | null } | undefined
  >;

/** The orgs on a path (root first), for finding the authority of a level above a record. */
export async function orgsOnPath(db: Kysely<any>, path: string) {
  const ids = path.split('/').filter(Boolean);
  const rows = (await db
    .selectFrom('core_orgs')
    .select(['id', 'type', 'name', 'division_code'])
    .where('id', 'in', ids)
    .execute()) as Array<{ id: string; type: string; name: string; division_code: string | null }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
}

export async function countsOf(db: Kysely<any>, campaignId: string) {
  const rows = (await db
    .selectFrom('cp_applications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute()) as Array<{ status: string; n: number | string }>;
  const n = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
  return {
    submitted: n(['recommending', 'returned', 'not_recommended', 'recommended', 'selected', 'not_selected', 'awarded']),
    recommended: n(['recommended', 'selected', 'not_selected', 'awarded']),
    selected: n(['selected', 'awarded']),
  };
}

const applicationSelect = (db: Kysely<any>) =>
  db
    .selectFrom('cp_applications as a')
    .innerJoin('core_orgs as o', 'o.id', 'a.org_id')
    .innerJoin('core_users as u', 'u.id', 'a.applicant_id')
    .innerJoin('cp_campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('cp_certificates as cert', 'cert.application_id', 'a.id')
    .selectAll('a')
    .select(['o.name as org_name', 'u.display_name as applicant_name', 'c.title as campaign_title', 'cert.number as certificate_number']);

export const findApplication = (db: Kysely<any>, id: string) =>
  applicationSelect(db).where('a.id', '=', id).executeTakeFirst() as Promise<ApplicationListRow | undefined>;

export async function listApplications(
  db: Kysely<any>,
  filter: {
    campaignId?: string;
    scopes?: string[] | 'all';
    applicantId?: string;
    status?: string;
    statuses?: string[];
    categoryCode?: string;
    limit?: number;
    offset?: number;
  },
) {
  let q = applicationSelect(db);
  if (filter.campaignId) q = q.where('a.campaign_id', '=', filter.campaignId);
  if (filter.applicantId) q = q.where('a.applicant_id', '=', filter.applicantId);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.statuses) q = q.where('a.status', 'in', filter.statuses);
  if (filter.categoryCode) q = q.where('a.category_code', '=', filter.categoryCode);
  const scopes = filter.scopes;
  if (scopes && scopes !== 'all')
    q = q.where((eb) => eb.or([...scopes.map((s) => eb('a.org_path', 'like', `${s}%`)), sql<boolean>`1 = 0`]));
  const total = Number(
    (
      (await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()) as { n: number | string }
    ).n,
  );
  let rows = q.orderBy('a.rank', 'asc').orderBy('a.submitted_at', 'desc').orderBy('a.id');
  if (filter.limit !== undefined) rows = rows.limit(filter.limit).offset(filter.offset ?? 0);
  return { total, rows: (await rows.execute()) as ApplicationListRow[] };
}

export const insertApplication = (db: Kysely<any>, row: ApplicationRow) => db.insertInto('cp_applications').values(row).execute();

export const updateApplication = (db: Kysely<any>, id: string, patch: Partial<ApplicationRow>) =>
  db.updateTable('cp_applications').set(patch).where('id', '=', id).execute();
