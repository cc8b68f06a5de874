import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wp_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('issuer', 'text')
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_plans_org_path').on('wp_plans').columns(['org_path', 'year']).execute();

  await db.schema
    .createTable('wp_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('wp_plans.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_goals_plan').on('wp_goals').columns(['plan_id', 'ordinal']).execute();

  await db.schema
    .createTable('wp_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('wp_plans.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_areas_plan').on('wp_areas').columns(['plan_id', 'ordinal']).execute();

  await db.schema
    .createTable('wp_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('wp_plans.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('wp_areas.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_tasks_plan').on('wp_tasks').columns(['plan_id', 'number']).execute();

  await db.schema
    .createTable('wp_paragraphs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('wp_tasks.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_paragraphs_task').on('wp_paragraphs').columns(['task_id', 'ordinal']).execute();

  // The 责任单位 of a paragraph as written, in order; the first of a task's first paragraph leads.
  await db.schema
    .createTable('wp_paragraph_units')
    .addColumn('paragraph_id', 'text', (c) => c.notNull().references('wp_paragraphs.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wp_paragraph_units_pk', ['paragraph_id', 'ordinal'])
    .execute();
  await db.schema.createIndex('wp_paragraph_units_name').on('wp_paragraph_units').column('name').execute();

  await db.schema
    .createTable('wp_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('wp_tasks.id').onDelete('cascade'))
    .addColumn('paragraph_id', 'text', (c) => c.references('wp_paragraphs.id').onDelete('set null'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('count', 'double precision', (c) => c.notNull())
    .addColumn('max', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('bound', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wp_targets_task').on('wp_targets').columns(['task_id', 'ordinal']).execute();

  // How a unit name maps to orgs, remembered per issuing org: one org, or every org of some
  // types under the issuer (collective names such as 地方各级教育行政部门), or not yet mapped.
  await db.schema
    .createTable('wp_unit_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('core_orgs.id'))
    .addColumn('org_types', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('wp_unit_mappings_scope_name', ['scope_org_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'wp_unit_mappings',
    'wp_targets',
    'wp_paragraph_units',
    'wp_paragraphs',
    'wp_tasks',
    'wp_areas',
    'wp_goals',
    'wp_plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
