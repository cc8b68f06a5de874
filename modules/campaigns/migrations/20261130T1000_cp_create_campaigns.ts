import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A selection (百区千校万课, 一师一优课 …) run by an organiser org for its subtree; its rules
  // (categories and quotas, level quotas, uniqueness, caps, rubric, form) are JSON copied from a preset.
  await db.schema
    .createTable('cp_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('apply_until', 'text')
    .addColumn('publicity_from', 'text')
    .addColumn('publicity_until', 'text')
    .addColumn('draw_seed', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('cp_campaigns_org_path').on('cp_campaigns').column('org_path').execute();

  await db.schema
    .createTable('cp_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('province_id', 'text')
    .addColumn('form_values', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('exclusion', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cp_applications_campaign').on('cp_applications').columns(['campaign_id', 'status']).execute();
  await db.schema.createIndex('cp_applications_org_path').on('cp_applications').columns(['org_path']).execute();
  await db.schema.createIndex('cp_applications_applicant').on('cp_applications').columns(['applicant_id']).execute();

  // Which authority recommended an application upward, and how many each has used of its quota.
  // The counter row is bumped with a conditional UPDATE so two approvals cannot both take the last place.
  await db.schema
    .createTable('cp_recommendations')
    .addColumn('application_id', 'text', (c) => c.notNull().references('cp_applications.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cp_recommendations_pk', ['application_id', 'level'])
    .execute();
  await db.schema
    .createTable('cp_level_counters')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('cp_level_counters_pk', ['campaign_id', 'org_id', 'level'])
    .execute();

  await db.schema
    .createTable('cp_experts')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cp_experts_pk', ['campaign_id', 'category_code', 'user_id'])
    .execute();

  await db.schema
    .createTable('cp_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('cp_applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('marks', 'text')
    .addColumn('total', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('cp_reviews_application_expert', ['application_id', 'expert_id'])
    .execute();
  await db.schema.createIndex('cp_reviews_expert').on('cp_reviews').columns(['expert_id', 'submitted_at']).execute();

  // 公示: anyone may object to a proposed winner; the organiser resolves every objection before publication.
  await db.schema
    .createTable('cp_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('cp_applications.id').onDelete('cascade'))
    .addColumn('filer_name', 'text', (c) => c.notNull())
    .addColumn('filer_phone_cipher', 'text', (c) => c.notNull())
    .addColumn('filer_phone_masked', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cp_objections_campaign').on('cp_objections').columns(['campaign_id', 'status']).execute();

  await db.schema
    .createTable('cp_certificates')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().unique().references('cp_applications.id').onDelete('cascade'))
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('category_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'cp_certificates',
    'cp_objections',
    'cp_reviews',
    'cp_experts',
    'cp_level_counters',
    'cp_recommendations',
    'cp_applications',
    'cp_campaigns',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
