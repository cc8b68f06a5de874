import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_jobs')
    // The job's id from its module's manifest; one row per declared job, made at start-up.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    // The instance running the job and until when; a lease past its end is free to take.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    // Consecutive failures of the current retry series.
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('is_paused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('core_job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('core_job_runs_job_started').on('core_job_runs').columns(['job_id', 'started_at']).execute();
  await db.schema.createIndex('core_job_runs_started').on('core_job_runs').column('started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_job_runs').execute();
  await db.schema.dropTable('core_jobs').execute();
}
