import { sql, type Kysely } from 'kysely';

/**
 * A figure may be "not reported" (null), which is not 0. Neither engine can drop a NOT NULL
 * the same way (SQLite cannot alter a column), so the table is rebuilt around its rows.
 * A stored value outside 0–10^12 (the range the API now accepts: 1e308, Infinity, NaN) was
 * never a real figure and overflowed every sum it joined; it is kept as not reported.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createFigures(db, 'wp_report_figures_next', true);
  await db
    .insertInto('wp_report_figures_next')
    .columns(['report_id', 'target_id', 'value'])
    .expression(
      db
        .selectFrom('wp_report_figures')
        .select([
          'report_id',
          'target_id',
          sql<number | null>`case when value >= 0 and value <= 1e12 then value else null end`.as('value'),
        ]),
    )
    .execute();
  await db.schema.dropTable('wp_report_figures').execute();
  await db.schema.alterTable('wp_report_figures_next').renameTo('wp_report_figures').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await createFigures(db, 'wp_report_figures_previous', false);
  await db
    .insertInto('wp_report_figures_previous')
    .columns(['report_id', 'target_id', 'value'])
    .expression(db.selectFrom('wp_report_figures').select(['report_id', 'target_id', 'value']).where('value', 'is not', null))
    .execute();
  await db.schema.dropTable('wp_report_figures').execute();
  await db.schema.alterTable('wp_report_figures_previous').renameTo('wp_report_figures').execute();
}

async function createFigures(db: Kysely<any>, table: string, isNullable: boolean): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('report_id', 'text', (c) => c.notNull().references('wp_reports.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('wp_targets.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => (isNullable ? c : c.notNull()))
    .addPrimaryKeyConstraint(`${table}_pk`, ['report_id', 'target_id'])
    .execute();
}
