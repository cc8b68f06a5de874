import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { indicatorsDb, type IndicatorValueRow } from './indicators.tables.ts';

export type { IndicatorValueRow };

export const findCached = (db: PlatformDb, indicatorId: string, orgId: string, from: string, to: string) =>
  indicatorsDb(db)
    .selectFrom('core_indicator_values')
    .select(['value', 'computedAt'])
    .where('indicatorId', '=', indicatorId)
    .where('orgId', '=', orgId)
    .where('periodFrom', '=', from)
    .where('periodTo', '=', to)
    .executeTakeFirst();

export async function saveCached(db: PlatformDb, row: IndicatorValueRow) {
  await indicatorsDb(db)
    .insertInto('core_indicator_values')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['indicatorId', 'orgId', 'periodFrom', 'periodTo']).doUpdateSet({ value: row.value, computedAt: row.computedAt }),
    )
    .execute();
}
