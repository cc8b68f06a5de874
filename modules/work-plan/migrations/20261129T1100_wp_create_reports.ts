import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A responsible unit's dated progress report on a task; the issuer's reviewer accepts or returns it.
  await db.schema
    .createTable('wp_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('wp_tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_reports_task').on('wp_reports').columns(['task_id', 'report_date']).execute();
  await db.schema.createIndex('wp_reports_org_path').on('wp_reports').column('org_path').execute();
  await db.schema
    .createTable('wp_report_figures')
    .addColumn('report_id', 'text', (c) => c.notNull().references('wp_reports.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('wp_targets.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('wp_report_figures_pk', ['report_id', 'target_id'])
    .execute();
  await db.schema
    .createTable('wp_report_files')
    .addColumn('report_id', 'text', (c) => c.notNull().references('wp_reports.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wp_report_files_pk', ['report_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wp_report_files').execute();
  await db.schema.dropTable('wp_report_figures').execute();
  await db.schema.dropTable('wp_reports').execute();
}
