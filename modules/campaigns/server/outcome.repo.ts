import type { Kysely } from 'kysely';

export interface ObjectionRow {
  id: string;
  campaign_id: string;
  application_id: string;
  filer_name: string;
  filer_phone_cipher: string;
  filer_phone_masked: string;
  text: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export const insertObjection = (db: Kysely<any>, row: ObjectionRow) => db.insertInto('cp_objections').values(row).execute();

export const objectionsOf = (db: Kysely<any>, campaignId: string) =>
  db
    .selectFrom('cp_objections as x')
    .innerJoin('cp_applications as a', 'a.id', 'x.application_id')
    .selectAll('x')
    .select('a.title as application_title')
    .where('x.campaign_id', '=', campaignId)
    .orderBy('x.created_at', 'desc')
    .execute() as Promise<Array<ObjectionRow & { application_title: string }>>;

export const findObjection = (db: Kysely<any>, id: string) =>
  db.selectFrom('cp_objections').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ObjectionRow | undefined>;

/** Resolves an open objection; false if someone resolved it meanwhile. */
export async function resolveObjection(
  db: Kysely<any>,
  id: string,
  patch: Pick<ObjectionRow, 'status' | 'resolution' | 'resolved_by' | 'resolved_at'>,
): Promise<boolean> {
  const res = await db.updateTable('cp_objections').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const openObjectionCount = async (db: Kysely<any>, campaignId: string) =>
  Number(
    (
      (await db
        .selectFrom('cp_objections')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'open')
        .executeTakeFirst()) as { n: number | string }
    ).n,
  );

export const insertCertificate = (
  db: Kysely<any>,
  row: {
    number: string;
    campaign_id: string;
    application_id: string;
    holder: string;
    org_name: string;
    category_name: string;
    title: string;
    issued_at: string;
  },
) => db.insertInto('cp_certificates').values(row).execute();

export const findCertificate = (db: Kysely<any>, number: string) =>
  db
    .selectFrom('cp_certificates as x')
    .innerJoin('cp_campaigns as c', 'c.id', 'x.campaign_id')
    .innerJoin('core_orgs as o', 'o.id', 'c.org_id')
    .selectAll('x')
    .select(['c.title as campaign_title', 'o.name as organiser'])
    .where('x.number', '=', number)
    .executeTakeFirst() as Promise<
    | {
        number: string;
        holder: string;
        org_name: string;
        category_name: string;
        title: string;
        issued_at: string;
        campaign_title: string;
        organiser: string;
      }
    | undefined
  >;

/** Applications per province and status, for the statistics page. */
export const countsByProvince = (db: Kysely<any>, campaignId: string) =>
  db
    .selectFrom('cp_applications as a')
    .innerJoin('core_orgs as p', 'p.id', 'a.province_id')
    .select(['a.province_id', 'p.name', 'p.division_code', 'a.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.campaign_id', '=', campaignId)
    .groupBy(['a.province_id', 'p.name', 'p.division_code', 'a.status'])
    .execute() as Promise<Array<{ province_id: string; name: string; division_code: string | null; status: string; n: number | string }>>;

export const countsByCategory = (db: Kysely<any>, campaignId: string) =>
  db
    .selectFrom('cp_applications')
    .select(['category_code', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['category_code', 'status'])
    .execute() as Promise<Array<{ category_code: string; status: string; n: number | string }>>;
