import type { Kysely } from 'kysely';
import { cappedCount } from '#kernel';

export interface JobRow {
  id: string; next_run_at: string; lease_owner: string | null; lease_until: string | null; attempts: number;
  last_started_at: string | null; last_finished_at: string | null; last_status: 'ok' | 'failed' | null;
  last_error: string | null; is_paused: number;
}

export interface RunRow {
  id: string; job_id: string; instance_id: string; attempt: number; started_at: string; finished_at: string | null;
  status: 'running' | 'ok' | 'failed'; summary: string | null; error: string | null;
}

/** Adds a row for each job that has none yet; existing rows keep their schedule and state. */
export async function insertMissingJobs(db: Kysely<any>, jobs: Array<{ id: string; nextRunAt: string }>): Promise<void> {
  for (const job of jobs) {
    await db.insertInto('core_jobs').values({ id: job.id, next_run_at: job.nextRunAt, attempts: 0, is_paused: 0 })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

/** Brings a next run later than `latest` forward to it (the job's period was shortened). */
export const capNextRun = (db: Kysely<any>, id: string, latest: string) =>
  db.updateTable('core_jobs').set({ next_run_at: latest }).where('id', '=', id).where('next_run_at', '>', latest).execute();

export const findJobRow = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_jobs').selectAll().where('id', '=', id).executeTakeFirst() as Promise<JobRow | undefined>;

export async function findJobRows(db: Kysely<any>, ids: string[]): Promise<JobRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('core_jobs').selectAll().where('id', 'in', ids).execute() as Promise<JobRow[]>;
}

/** Ids among `ids` that are due at `now`, not paused, and not leased by a live run. */
export async function findDueJobIds(db: Kysely<any>, ids: string[], now: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('core_jobs').select('id')
    .where('id', 'in', ids).where('is_paused', '=', 0).where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_run_at').orderBy('id').execute();
  return rows.map((r) => r.id as string);
}

/**
 * Takes the job's lease for `owner` until `until`, if nobody holds a live one, and returns
 * whether it did. One conditional UPDATE is the whole claim: the database evaluates the
 * condition and writes the row as one step (SQLite holds its write lock for the statement;
 * PostgreSQL makes a second concurrent UPDATE wait for the first to commit and then re-checks
 * the condition against the new row), so of several instances claiming at once exactly one
 * sees an updated row. `requireDue` also demands that the job is due and not paused, so that
 * an instance that read the job as due before another ran it cannot run it a second time.
 */
export async function claimLease(db: Kysely<any>, id: string, owner: string, now: string, until: string, requireDue: boolean): Promise<boolean> {
  let query = db.updateTable('core_jobs').set({ lease_owner: owner, lease_until: until, last_started_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]));
  if (requireDue) query = query.where('is_paused', '=', 0).where('next_run_at', '<=', now);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extends a lease `owner` still holds (a run longer than the lease); false when it was lost. */
export async function renewLease(db: Kysely<any>, id: string, owner: string, until: string): Promise<boolean> {
  const result = await db.updateTable('core_jobs').set({ lease_until: until }).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a run's outcome and frees the lease, only while `owner` still holds it. */
export async function releaseLease(db: Kysely<any>, id: string, owner: string, values: Pick<JobRow, 'next_run_at' | 'attempts' | 'last_finished_at' | 'last_status' | 'last_error'>): Promise<boolean> {
  const result = await db.updateTable('core_jobs').set({ ...values, lease_owner: null, lease_until: null })
    .where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const setNextRun = (db: Kysely<any>, id: string, at: string) =>
  db.updateTable('core_jobs').set({ next_run_at: at }).where('id', '=', id).execute();

/** Sets the pause flag; returns whether it changed. */
export async function setPaused(db: Kysely<any>, id: string, isPaused: boolean): Promise<boolean> {
  const result = await db.updateTable('core_jobs').set({ is_paused: isPaused ? 1 : 0 })
    .where('id', '=', id).where('is_paused', '=', isPaused ? 0 : 1).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertRun = (db: Kysely<any>, row: RunRow) => db.insertInto('core_job_runs').values(row).execute();

export const finishRun = (db: Kysely<any>, id: string, values: Pick<RunRow, 'finished_at' | 'status' | 'summary' | 'error'>) =>
  db.updateTable('core_job_runs').set(values).where('id', '=', id).execute();

/** Closes the runs of a job still marked running by an instance whose lease has been taken over. */
export const abandonRuns = (db: Kysely<any>, jobId: string, exceptRunId: string, at: string, error: string) =>
  db.updateTable('core_job_runs').set({ status: 'failed', finished_at: at, error })
    .where('job_id', '=', jobId).where('status', '=', 'running').where('id', '<>', exceptRunId).execute();

/** A job's runs, newest first. */
export async function listRuns(db: Kysely<any>, jobId: string, offset: number, limit: number): Promise<{ items: RunRow[]; total: number; totalCapped: boolean }> {
  const base = db.selectFrom('core_job_runs').where('job_id', '=', jobId);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    cappedCount(db, base),
  ]);
  return { items: items as RunRow[], ...count };
}

/** Deletes finished runs started before `before`; returns how many. */
export async function deleteRunsBefore(db: Kysely<any>, before: string): Promise<number> {
  const result = await db.deleteFrom('core_job_runs').where('started_at', '<', before).where('status', '<>', 'running').executeTakeFirst();
  return Number(result.numDeletedRows);
}
