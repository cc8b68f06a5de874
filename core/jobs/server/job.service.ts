import { pageWindow, toBool, type Ctx, type PageOf, type PageQuery } from '#kernel';
import { requirePlatformLevel } from '#core/orgs/server/org.service.ts';
import { JobErrors } from '../contract/errors.ts';
import type { JobInfo, JobRun } from '../contract/job.schema.ts';
import { JobPermissions } from '../contract/permissions.ts';
import { DEFAULT_MAX_ATTEMPTS } from './backoff.ts';
import { findRegisteredJob, registeredJobs, type RegisteredJob } from './job-registry.ts';
import * as repo from './job.repo.ts';
import type { RunOutcome, Scheduler } from './scheduler.ts';

function toJobInfo(job: RegisteredJob, row: repo.JobRow | undefined, now: Date): JobInfo {
  const isLeased = !!row?.leaseUntil && row.leaseUntil >= now.toISOString();
  return {
    id: job.id,
    module: job.module,
    label: job.label,
    everySeconds: job.everySeconds,
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    nextRunAt: row?.nextRunAt ?? null,
    isPaused: toBool(row?.isPaused),
    attempts: Number(row?.attempts ?? 0),
    runningOn: isLeased ? row!.leaseOwner : null,
    lastStartedAt: row?.lastStartedAt ?? null,
    lastFinishedAt: row?.lastFinishedAt ?? null,
    lastStatus: row?.lastStatus ?? null,
    lastError: row?.lastError ?? null,
  };
}

const toJobRun = (r: repo.RunRow): JobRun => ({
  id: r.id,
  jobId: r.jobId,
  instanceId: r.instanceId,
  attempt: Number(r.attempt),
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  status: r.status,
  summary: r.summary,
  error: r.error,
});

function declaredJob(id: string): RegisteredJob {
  const job = findRegisteredJob(id);
  if (!job) throw JobErrors.jobNotFound({ id });
  return job;
}

/** The job's row, made now if the job was declared after the last start. */
async function jobRow(ctx: Ctx, job: RegisteredJob): Promise<repo.JobRow> {
  const row = await repo.findJobRow(ctx.db, job.id);
  if (row) return row;
  await repo.insertMissingJobs(ctx.db, [{ id: job.id, nextRunAt: ctx.now().toISOString() }]);
  return (await repo.findJobRow(ctx.db, job.id))!;
}

/** Every declared job with its schedule and latest outcome; platform-level readers only. */
export async function listJobs(ctx: Ctx): Promise<JobInfo[]> {
  await requirePlatformLevel(ctx, JobPermissions.read);
  const jobs = registeredJobs();
  const rows = new Map(
    (
      await repo.findJobRows(
        ctx.db,
        jobs.map((j) => j.id),
      )
    ).map((r) => [r.id, r]),
  );
  const now = ctx.now();
  return jobs.map((j) => toJobInfo(j, rows.get(j.id), now));
}

/** A job's run history, newest first. */
export async function listJobRuns(ctx: Ctx, id: string, query: PageQuery): Promise<PageOf<JobRun>> {
  await requirePlatformLevel(ctx, JobPermissions.read);
  declaredJob(id);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.listRuns(ctx.db, id, offset, pageSize);
  return { items: items.map(toJobRun), total, totalCapped, page, pageSize };
}

/** Makes a job due now, audited; the next tick of any instance runs it. A paused job stays paused. */
export async function triggerJob(ctx: Ctx, id: string): Promise<JobInfo> {
  await requirePlatformLevel(ctx, JobPermissions.run);
  const job = declaredJob(id);
  return ctx.transaction(async (tx) => {
    const row = await jobRow(tx, job);
    if (toBool(row.isPaused)) throw JobErrors.jobPaused({ id });
    const now = tx.now().toISOString();
    await repo.setNextRun(tx.db, id, now);
    tx.audit({ action: 'jobs.job.triggered', objectType: 'job', objectId: id, orgId: null, changes: { nextRunAt: [row.nextRunAt, now] } });
    return toJobInfo(job, { ...row, nextRunAt: now }, tx.now());
  });
}

async function setPaused(ctx: Ctx, id: string, isPaused: boolean): Promise<JobInfo> {
  await requirePlatformLevel(ctx, JobPermissions.run);
  const job = declaredJob(id);
  return ctx.transaction(async (tx) => {
    await jobRow(tx, job);
    if (await repo.setPaused(tx.db, id, isPaused)) {
      tx.audit({
        action: isPaused ? 'jobs.job.paused' : 'jobs.job.resumed',
        objectType: 'job',
        objectId: id,
        orgId: null,
        changes: { isPaused: [!isPaused, isPaused] },
      });
    }
    return toJobInfo(job, await repo.findJobRow(tx.db, id), tx.now());
  });
}

/** Stops a job's scheduled runs (a run in progress finishes). Pausing a paused job changes nothing. */
export const pauseJob = (ctx: Ctx, id: string) => setPaused(ctx, id, true);

/** Lets a paused job run again from its stored next run time (at once, if that has passed). */
export const resumeJob = (ctx: Ctx, id: string) => setPaused(ctx, id, false);

/**
 * Runs a job in this process, now, through the scheduler's lease (the command line), audited
 * as a trigger. Null when another instance is running it; a paused job is refused.
 */
export async function runJobHere(ctx: Ctx, scheduler: Scheduler, id: string): Promise<RunOutcome | null> {
  await requirePlatformLevel(ctx, JobPermissions.run);
  const job = declaredJob(id);
  await ctx.transaction(async (tx) => {
    const row = await jobRow(tx, job);
    if (toBool(row.isPaused)) throw JobErrors.jobPaused({ id });
    tx.audit({ action: 'jobs.job.triggered', objectType: 'job', objectId: id, orgId: null, changes: { instanceId: scheduler.instanceId } });
  });
  return scheduler.runOnce(id);
}
