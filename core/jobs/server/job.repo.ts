import { cappedCount } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { jobsDb, type JobRow, type RunRow } from './jobs.tables.ts';

export type { JobRow, RunRow };

/** Adds a row for each job that has none yet; existing rows keep their schedule and state. */
export async function insertMissingJobs(db: PlatformDb, jobs: Array<{ id: string; nextRunAt: string }>): Promise<void> {
  for (const job of jobs) {
    await jobsDb(db)
      .insertInto('core_jobs')
      .values({ id: job.id, nextRunAt: job.nextRunAt, attempts: 0, isPaused: 0 })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** Brings a next run later than `latest` forward to it (the job's period was shortened). */
export const capNextRun = (db: PlatformDb, id: string, latest: string) =>
  jobsDb(db).updateTable('core_jobs').set({ nextRunAt: latest }).where('id', '=', id).where('nextRunAt', '>', latest).execute();

export const findJobRow = (db: PlatformDb, id: string) =>
  jobsDb(db).selectFrom('core_jobs').selectAll().where('id', '=', id).executeTakeFirst();

export async function findJobRows(db: PlatformDb, ids: string[]): Promise<JobRow[]> {
  if (ids.length === 0) return [];
  return jobsDb(db).selectFrom('core_jobs').selectAll().where('id', 'in', ids).execute();
}

/** Ids among `ids` that are due at `now`, not paused, and not leased by a live run. */
export async function findDueJobIds(db: PlatformDb, ids: string[], now: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await jobsDb(db)
    .selectFrom('core_jobs')
    .select('id')
    .where('id', 'in', ids)
    .where('isPaused', '=', 0)
    .where('nextRunAt', '<=', now)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .orderBy('nextRunAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
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
export async function claimLease(
  db: PlatformDb,
  id: string,
  owner: string,
  now: string,
  until: string,
  requireDue: boolean,
): Promise<boolean> {
  let query = jobsDb(db)
    .updateTable('core_jobs')
    .set({ leaseOwner: owner, leaseUntil: until, lastStartedAt: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]));
  if (requireDue) query = query.where('isPaused', '=', 0).where('nextRunAt', '<=', now);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extends a lease `owner` still holds (a run longer than the lease); false when it was lost. */
export async function renewLease(db: PlatformDb, id: string, owner: string, until: string): Promise<boolean> {
  const result = await jobsDb(db)
    .updateTable('core_jobs')
    .set({ leaseUntil: until })
    .where('id', '=', id)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a run's outcome and frees the lease, only while `owner` still holds it. */
export async function releaseLease(
  db: PlatformDb,
  id: string,
  owner: string,
  values: Pick<JobRow, 'nextRunAt' | 'attempts' | 'lastFinishedAt' | 'lastStatus' | 'lastError'>,
): Promise<boolean> {
  const result = await jobsDb(db)
    .updateTable('core_jobs')
    .set({ ...values, leaseOwner: null, leaseUntil: null })
    .where('id', '=', id)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const setNextRun = (db: PlatformDb, id: string, at: string) =>
  jobsDb(db).updateTable('core_jobs').set({ nextRunAt: at }).where('id', '=', id).execute();

/** Sets the pause flag; returns whether it changed. */
export async function setPaused(db: PlatformDb, id: string, isPaused: boolean): Promise<boolean> {
  const result = await jobsDb(db)
    .updateTable('core_jobs')
    .set({ isPaused: isPaused ? 1 : 0 })
    .where('id', '=', id)
    .where('isPaused', '=', isPaused ? 0 : 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertRun = (db: PlatformDb, row: RunRow) => jobsDb(db).insertInto('core_job_runs').values(row).execute();

export const finishRun = (db: PlatformDb, id: string, values: Pick<RunRow, 'finishedAt' | 'status' | 'summary' | 'error'>) =>
  jobsDb(db).updateTable('core_job_runs').set(values).where('id', '=', id).execute();

/** Closes the runs of a job still marked running by an instance whose lease has been taken over. */
export const abandonRuns = (db: PlatformDb, jobId: string, exceptRunId: string, at: string, error: string) =>
  jobsDb(db)
    .updateTable('core_job_runs')
    .set({ status: 'failed', finishedAt: at, error })
    .where('jobId', '=', jobId)
    .where('status', '=', 'running')
    .where('id', '<>', exceptRunId)
    .execute();

/** A job's runs, newest first. */
export async function listRuns(
  db: PlatformDb,
  jobId: string,
  offset: number,
  limit: number,
): Promise<{ items: RunRow[]; total: number; totalCapped: boolean }> {
  const jobs = jobsDb(db);
  const base = jobs.selectFrom('core_job_runs').where('jobId', '=', jobId);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    cappedCount(jobs, base),
  ]);
  return { items, ...count };
}

/** Deletes finished runs started before `before`; returns how many. */
export async function deleteRunsBefore(db: PlatformDb, before: string): Promise<number> {
  const result = await jobsDb(db)
    .deleteFrom('core_job_runs')
    .where('startedAt', '<', before)
    .where('status', '<>', 'running')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
