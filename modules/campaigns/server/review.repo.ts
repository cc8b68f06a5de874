import { sql, type Kysely } from 'kysely';
import { likeContains } from '#kernel';

export interface ReviewRow {
  id: string;
  campaign_id: string;
  application_id: string;
  expert_id: string;
  marks: string | null;
  total: number | null;
  comment: string | null;
  assigned_at: string;
  submitted_at: string | null;
}

export const expertsOf = (db: Kysely<any>, campaignId: string) =>
  db
    .selectFrom('cp_experts as e')
    .innerJoin('core_users as u', 'u.id', 'e.user_id')
    .innerJoin('core_orgs as o', 'o.id', 'u.org_id')
    .select(['e.category_code', 'e.user_id', 'e.org_path', 'u.display_name as name', 'o.name as org_name'])
    .where('e.campaign_id', '=', campaignId)
    .orderBy('e.category_code')
    .orderBy('u.display_name')
    .execute() as Promise<Array<{ category_code: string; user_id: string; org_path: string; name: string; org_name: string }>>;

/**
 * Active users holding `permission` through a grant on any org, whose account starts with
 * `text` or whose real or display name contains it; named columns only, so no ciphertexts or
 * masked ID numbers and phones leave the table.
 */
export function expertCandidates(db: Kysely<any>, permission: string, text: string, limit: number) {
  let q = db
    .selectFrom('core_users as u')
    .innerJoin('core_orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.account', 'u.real_name', 'o.name as org_name'])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('core_grants as g')
          .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
          .select('g.id')
          .whereRef('g.user_id', '=', 'u.id')
          .where('rp.permission', '=', permission),
      ),
    );
  if (text) {
    // Accounts are stored lower-case; a range on them uses the unique index, like core/users' search.
    const account = text.toLowerCase();
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('u.account', '>=', account), eb('u.account', '<', `${account}\uffff`)]),
        eb('u.real_name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
        eb('u.display_name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
      ]),
    );
  }
  return q.orderBy('u.account').limit(limit).execute() as Promise<
    Array<{ id: string; account: string; real_name: string; org_name: string }>
  >;
}

/** The categories of a campaign whose pools hold each of these users. */
export const poolsOf = (db: Kysely<any>, campaignId: string, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : (db
        .selectFrom('cp_experts')
        .select(['user_id', 'category_code'])
        .where('campaign_id', '=', campaignId)
        .where('user_id', 'in', userIds)
        .execute() as Promise<Array<{ user_id: string; category_code: string }>>);

export const addExpert = (
  db: Kysely<any>,
  row: { campaign_id: string; category_code: string; user_id: string; org_path: string; added_at: string },
) =>
  db
    .insertInto('cp_experts')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'category_code', 'user_id']).doNothing())
    .execute();

export const removeExpert = (db: Kysely<any>, campaignId: string, categoryCode: string, userId: string) =>
  db
    .deleteFrom('cp_experts')
    .where('campaign_id', '=', campaignId)
    .where('category_code', '=', categoryCode)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const reviewsOfCampaign = (db: Kysely<any>, campaignId: string) =>
  db.selectFrom('cp_reviews').selectAll().where('campaign_id', '=', campaignId).execute() as Promise<ReviewRow[]>;

export const insertReviews = async (db: Kysely<any>, rows: ReviewRow[]) => {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('cp_reviews')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const findReview = (db: Kysely<any>, id: string) =>
  db.selectFrom('cp_reviews').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ReviewRow | undefined>;

export const reviewsOfExpert = (db: Kysely<any>, expertId: string) =>
  db
    .selectFrom('cp_reviews as r')
    .innerJoin('cp_applications as a', 'a.id', 'r.application_id')
    .innerJoin('cp_campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('core_orgs as o', 'o.id', 'a.org_id')
    .selectAll('r')
    .select([
      'a.title',
      'a.category_code',
      'a.form_values',
      'c.title as campaign_title',
      'c.rules',
      'c.status as campaign_status',
      'o.name as org_name',
    ])
    .where('r.expert_id', '=', expertId)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.assigned_at', 'desc')
    .execute() as Promise<
    Array<
      ReviewRow & {
        title: string;
        category_code: string;
        form_values: string;
        campaign_title: string;
        rules: string;
        campaign_status: string;
        org_name: string;
      }
    >
  >;

/** Saves marks while the campaign is still reviewing; false when it moved on meanwhile. */
export const saveMarks = (db: Kysely<any>, id: string, patch: Pick<ReviewRow, 'marks' | 'total' | 'comment' | 'submitted_at'>) =>
  db.updateTable('cp_reviews').set(patch).where('id', '=', id).execute();
