import type { Kysely } from 'kysely';

/** Applications that reached an authority: submitted under its subtree and not withdrawn. */
export async function receivedUnder(db: Kysely<any>, campaignId: string, path: string): Promise<number> {
  const row = await db.selectFrom('cp_applications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId).where('org_path', 'like', `${path}%`).where('status', '!=', 'withdrawn').executeTakeFirst() as { n: number | string };
  return Number(row.n);
}

/**
 * One conditional UPDATE takes a place only while fewer than `allowed` are used, so two
 * reviewers approving at the same moment cannot both take the last place (SQLite serialises
 * writers; PostgreSQL re-checks the condition on the row it locked).
 */
export async function takeSlot(db: Kysely<any>, campaignId: string, orgId: string, level: string, allowed: number): Promise<boolean> {
  await db.insertInto('cp_level_counters').values({ campaign_id: campaignId, org_id: orgId, level, used: 0 })
    .onConflict((oc) => oc.columns(['campaign_id', 'org_id', 'level']).doNothing()).execute();
  const res = await db.updateTable('cp_level_counters').set((eb) => ({ used: eb('used', '+', 1) }))
    .where('campaign_id', '=', campaignId).where('org_id', '=', orgId).where('level', '=', level).where('used', '<', allowed).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseSlot(db: Kysely<any>, campaignId: string, orgId: string, level: string): Promise<void> {
  await db.updateTable('cp_level_counters').set((eb) => ({ used: eb('used', '-', 1) }))
    .where('campaign_id', '=', campaignId).where('org_id', '=', orgId).where('level', '=', level).where('used', '>', 0).execute();
}

export const slotsUsed = async (db: Kysely<any>, campaignId: string, orgId: string, level: string): Promise<number> =>
  Number(((await db.selectFrom('cp_level_counters').select('used').where('campaign_id', '=', campaignId).where('org_id', '=', orgId).where('level', '=', level).executeTakeFirst()) as { used: number } | undefined)?.used ?? 0);

export const recordRecommendation = (db: Kysely<any>, row: { application_id: string; level: string; org_id: string; at: string }) =>
  db.insertInto('cp_recommendations').values(row).onConflict((oc) => oc.columns(['application_id', 'level']).doNothing()).execute();

export const recommendationsOf = (db: Kysely<any>, applicationId: string) =>
  db.selectFrom('cp_recommendations').selectAll().where('application_id', '=', applicationId).execute() as Promise<Array<{ application_id: string; level: string; org_id: string; at: string }>>;

export const deleteRecommendation = (db: Kysely<any>, applicationId: string, level: string) =>
  db.deleteFrom('cp_recommendations').where('application_id', '=', applicationId).where('level', '=', level).execute();
