import type { Kysely } from 'kysely';

export interface CachedValue { value: number; computed_at: string }

export const findCached = (db: Kysely<any>, indicatorId: string, orgId: string, from: string, to: string) =>
  db.selectFrom('core_indicator_values').select(['value', 'computed_at'])
    .where('indicator_id', '=', indicatorId).where('org_id', '=', orgId).where('period_from', '=', from).where('period_to', '=', to)
    .executeTakeFirst() as Promise<CachedValue | undefined>;

export async function saveCached(db: Kysely<any>, row: { indicator_id: string; org_id: string; period_from: string; period_to: string; value: number; computed_at: string }) {
  await db.insertInto('core_indicator_values').values(row)
    .onConflict((oc) => oc.columns(['indicator_id', 'org_id', 'period_from', 'period_to']).doUpdateSet({ value: row.value, computed_at: row.computed_at }))
    .execute();
}

export const findOrg = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_orgs').select(['id', 'path']).where('id', '=', id).executeTakeFirst() as Promise<{ id: string; path: string } | undefined>;
