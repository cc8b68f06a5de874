import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_workflow_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull().references('core_orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('core_users.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    // in_progress | returned | approved | rejected | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    // The step acting now; once finished, the step it ended on.
    .addColumn('step_id', 'text')
    // JSON [{ stepId, orgId }]: the org each step acts at, null where the step is skipped.
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('acting_org_id', 'text')
    // Raised each time a step is entered or escalated; only the current round's votes count.
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('remind_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // One review at a time per record; finished ones stay as its history.
  await db.schema
    .createIndex('core_workflow_instances_active_subject')
    .on('core_workflow_instances')
    .columns(['subject_type', 'subject_id'])
    .unique()
    .where(sql.ref('state'), 'in', ['in_progress', 'returned'])
    .execute();
  await db.schema
    .createIndex('core_workflow_instances_subject')
    .on('core_workflow_instances')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('core_workflow_instances_due').on('core_workflow_instances').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('core_workflow_instances_remind').on('core_workflow_instances').columns(['state', 'remind_at']).execute();
  await db.schema
    .createIndex('core_workflow_instances_applicant')
    .on('core_workflow_instances')
    .columns(['applicant_id', 'created_at'])
    .execute();
  await db.schema.createIndex('core_workflow_instances_org_path').on('core_workflow_instances').column('org_path').execute();

  await db.schema
    .createTable('core_workflow_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('core_workflow_instances.id'))
    .addColumn('step_id', 'text')
    .addColumn('round', 'integer', (c) => c.notNull())
    // org: anyone holding `permission` by a grant on org_id; user: user_id (会签, 加签, 转办); applicant: resubmit
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('permission', 'text')
    .addColumn('user_id', 'text')
    // route | added | transferred | escalated | returned
    .addColumn('origin', 'text', (c) => c.notNull())
    // open | done | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_workflow_tasks_instance').on('core_workflow_tasks').columns(['instance_id', 'round']).execute();
  await db.schema.createIndex('core_workflow_tasks_user').on('core_workflow_tasks').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('core_workflow_tasks_org').on('core_workflow_tasks').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('core_workflow_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('core_workflow_instances.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('from_step', 'text')
    .addColumn('to_step', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text')
    .addColumn('target_org_id', 'text')
    .addUniqueConstraint('core_workflow_history_seq', ['instance_id', 'seq'])
    .execute();
  await db.schema.createIndex('core_workflow_history_actor').on('core_workflow_history').columns(['actor_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_workflow_history').execute();
  await db.schema.dropTable('core_workflow_tasks').execute();
  await db.schema.dropTable('core_workflow_instances').execute();
}
