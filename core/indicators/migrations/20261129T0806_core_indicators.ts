import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Computed figures, kept for a short while so that dashboards do not recount on every view.
  await db.schema
    .createTable('core_indicator_values')
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('core_indicator_values_pk', ['indicator_id', 'org_id', 'period_from', 'period_to'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_indicator_values').execute();
}
