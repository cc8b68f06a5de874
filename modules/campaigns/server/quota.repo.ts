import { sql, type Kysely } from 'kysely';

/**
 * Applications that reached an authority's step: submitted under its subtree, not withdrawn,
 * and recommended by every level `below` it that the review passes through on the way up,
 * i.e. each level with an authority of its type strictly above the applicant's org (the
 * workflow skips the others). A county's own submission, or a school straight under a city,
 * therefore reaches the city without a county's recommendation. Returning an application
 * below a level deletes that level's recommendation, so it no longer counts above.
 */
export async function receivedAt(
  db: Kysely<any>,
  campaignId: string,
  path: string,
  below: Array<{ level: string; orgType: string }>,
): Promise<number> {
  let q = db
    .selectFrom('cp_applications as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.campaign_id', '=', campaignId)
    .where('a.org_path', 'like', `${path}%`)
    .where('a.status', '!=', 'withdrawn');
  for (const { level, orgType } of below) {
    q = q.where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('core_orgs as o')
              .select('o.id')
              .where('o.type', '=', orgType)
              .where('o.path', 'like', `${path}%`)
              .where(sql<boolean>`a.org_path like o.path || '%'`)
              .whereRef('o.path', '!=', 'a.org_path'),
          ),
        ),
        eb.exists(
          eb
            .selectFrom('cp_recommendations as r')
            .select('r.application_id')
            .whereRef('r.application_id', '=', 'a.id')
            .where('r.level', '=', level),
        ),
      ]),
    );
  }
  const row = (await q.executeTakeFirst()) as { n: number | string };
  return Number(row.n);
}

/**
 * One conditional UPDATE takes a place only while fewer than `allowed` are used, so two
 * reviewers approving at the same moment cannot both take the last place (SQLite serialises
 * writers; PostgreSQL re-checks the condition on the row it locked).
 */
export async function takeSlot(db: Kysely<any>, campaignId: string, orgId: string, level: string, allowed: number): Promise<boolean> {
  await db
    .insertInto('cp_level_counters')
    .values({ campaign_id: campaignId, org_id: orgId, level, used: 0 })
    .onConflict((oc) => oc.columns(['campaign_id', 'org_id', 'level']).doNothing())
    .execute();
  const res = await db
    .updateTable('cp_level_counters')
    .set((eb) => ({ used: eb('used', '+', 1) }))
    .where('campaign_id', '=', campaignId)
    .where('org_id', '=', orgId)
    .where('level', '=', level)
    .where('used', '<', allowed)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseSlot(db: Kysely<any>, campaignId: string, orgId: string, level: string): Promise<void> {
  await db
    .updateTable('cp_level_counters')
    .set((eb) => ({ used: eb('used', '-', 1) }))
    .where('campaign_id', '=', campaignId)
    .where('org_id', '=', orgId)
    .where('level', '=', level)
    .where('used', '>', 0)
    .execute();
}

export const slotsUsed = async (db: Kysely<any>, campaignId: string, orgId: string, level: string): Promise<number> =>
  Number(
    (
      (await db
        .selectFrom('cp_level_counters')
        .select('used')
        .where('campaign_id', '=', campaignId)
        .where('org_id', '=', orgId)
        .where('level', '=', level)
        .executeTakeFirst()) as { used: number } | undefined
    )?.used ?? 0,
  );

export const recordRecommendation = (db: Kysely<any>, row: { application_id: string; level: string; org_id: string; at: string }) =>
  db
    .insertInto('cp_recommendations')
    .values(row)
    .onConflict((oc) => oc.columns(['application_id', 'level']).doNothing())
    .execute();

export const recommendationsOf = (db: Kysely<any>, applicationId: string) =>
  db.selectFrom('cp_recommendations').selectAll().where('application_id', '=', applicationId).execute() as Promise<
    Array<{ application_id: string; level: string; org_id: string; at: string }>
  >;

export const deleteRecommendation = (db: Kysely<any>, applicationId: string, level: string) =>
  db.deleteFrom('cp_recommendations').where('application_id', '=', applicationId).where('level', '=', level).execute();
