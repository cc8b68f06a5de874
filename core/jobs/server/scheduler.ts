import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { newId, type Actor, type Ctx, type Host, type JobDefinition } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { afterFailure, DEFAULT_MAX_ATTEMPTS } from './backoff.ts';
import { registeredJobs } from './job-registry.ts';
import * as repo from './job.repo.ts';

export const DEFAULT_LEASE_SECONDS = 300;
const MAX_SUMMARY = 500;
const MAX_ERROR = 2000;

export interface SchedulerLogger {
  /** A job failed; the scheduler goes on. */
  warn(message: string): void;
  /** The scheduler itself failed (the database is unreachable…); the loop goes on. */
  error(message: string): void;
}

export interface SchedulerOptions {
  db: PlatformDb;
  jobs: JobDefinition[];
  host: Host;
  /** The Ctx one run of `job` receives. */
  runCtx(job: JobDefinition): Ctx;
  /** Names this process in leases and in the history; distinct per running instance. */
  instanceId: string;
  /** The platform clock, so that tests can move time; defaults to the system clock. */
  clock?: () => Date;
  /** How long a claim holds; a run still going after this may be started again elsewhere. */
  leaseSeconds?: number;
  logger?: SchedulerLogger;
}

export interface RunOutcome {
  jobId: string;
  runId: string;
  attempt: number;
  status: 'ok' | 'failed';
  summary: string | null;
  error: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The failure's message, never its stack: the history is shown to administrators. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return clip(error.message || error.name, MAX_ERROR);
  return clip(String(error), MAX_ERROR);
}

/** A name for this process's leases: host, pid and a random suffix (pids repeat across containers). */
export const newInstanceId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The actor a job's changes are audited under. */
export const jobActor = (jobId: string): Actor => ({ kind: 'system', id: null, name: `job:${jobId}` });

/**
 * Gives every declared job a row (due at once when new) and brings forward a next run that
 * lies further off than the job's period, which happens when a release shortens it. Idempotent.
 */
export async function syncJobRows(db: PlatformDb, jobs: JobDefinition[], now: Date): Promise<void> {
  await repo.insertMissingJobs(
    db,
    jobs.map((j) => ({ id: j.id, nextRunAt: now.toISOString() })),
  );
  for (const job of jobs) await repo.capNextRun(db, job.id, iso(now.getTime() + job.everySeconds * 1000));
}

/**
 * Runs the due jobs of the modules on whichever instance claims them first. Every instance
 * runs a Scheduler over the same database; the lease in `core_jobs` makes each due run happen
 * once. A failure is recorded and retried with back-off; nothing a job throws stops the loop.
 */
export class Scheduler {
  private readonly jobs: Map<string, JobDefinition>;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private isSynced = false;
  private timer: NodeJS.Timeout | null = null;
  private isStopping = false;
  private current: Promise<void> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.jobs = new Map(options.jobs.map((j) => [j.id, j]));
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  /** Inserts the rows of declared jobs that have none; safe to call from every instance at once. */
  async sync(): Promise<void> {
    await syncJobRows(this.options.db, [...this.jobs.values()], this.clock());
    this.isSynced = true;
  }

  /** Claims and runs, one after another, every job due now; returns what ran here. */
  async tick(): Promise<RunOutcome[]> {
    if (!this.isSynced) await this.sync();
    const due = await repo.findDueJobIds(this.options.db, [...this.jobs.keys()], this.clock().toISOString());
    const outcomes: RunOutcome[] = [];
    for (const id of due) {
      try {
        const outcome = await this.claimAndRun(this.jobs.get(id)!, true);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        this.options.logger?.error(`jobs: recording a run of ${id} failed: ${messageOf(error)}`);
      }
    }
    return outcomes;
  }

  /** Makes the job due now; the next tick of any instance runs it. False for an unknown job. */
  async runNow(jobId: string): Promise<boolean> {
    if (!this.jobs.has(jobId)) return false;
    await repo.setNextRun(this.options.db, jobId, this.clock().toISOString());
    return true;
  }

  /**
   * Runs the job here and now, due or not, through the same lease (the command line's
   * `jobs run`). Null when another instance holds a live lease on it.
   */
  async runOnce(jobId: string): Promise<RunOutcome | null> {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    if (!this.isSynced) await this.sync();
    return this.claimAndRun(job, false);
  }

  /** Ticks now and then every `intervalMs` after the previous tick ends. */
  start(intervalMs: number): void {
    if (this.timer || this.current) return;
    this.isStopping = false;
    const loop = async () => {
      this.timer = null;
      this.current = this.tick().then(
        (outcomes) => {
          for (const o of outcomes)
            if (o.status === 'failed') this.options.logger?.warn(`jobs: ${o.jobId} failed (attempt ${o.attempt}): ${o.error}`);
        },
        (error: unknown) => this.options.logger?.error(`jobs: tick failed: ${messageOf(error)}`),
      );
      await this.current;
      this.current = null;
      if (!this.isStopping) this.timer = setTimeout(() => void loop(), intervalMs).unref();
    };
    this.timer = setTimeout(() => void loop(), 0).unref();
  }

  /** Stops the loop, waiting for a tick in progress to finish. */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  private async claimAndRun(job: JobDefinition, requireDue: boolean): Promise<RunOutcome | null> {
    const run = await this.claim(job, requireDue);
    if (!run) return null;
    let summary: string | null = null;
    let error: string | null = null;
    const heartbeat = this.keepLease(job);
    try {
      const result = await job.run(this.options.runCtx(job), this.options.host);
      summary = result?.summary ? clip(result.summary, MAX_SUMMARY) : null;
    } catch (thrown) {
      error = messageOf(thrown);
    } finally {
      clearInterval(heartbeat);
    }
    await this.record(job, run, summary, error);
    return { jobId: job.id, runId: run.id, attempt: run.attempt, status: error === null ? 'ok' : 'failed', summary, error };
  }

  /**
   * While a run lasts, extends its lease every third of the lease time, so a run longer than the
   * lease is not taken over by another instance; a lost lease (this process stalled past it) is
   * logged, and the run's end then says so too.
   */
  private keepLease(job: JobDefinition): NodeJS.Timeout {
    const { db, instanceId } = this.options;
    const timer = setInterval(
      () => {
        repo.renewLease(db, job.id, instanceId, iso(this.clock().getTime() + this.leaseMs)).then(
          (isKept) => {
            if (!isKept) this.options.logger?.warn(`jobs: ${job.id} lost its lease on ${instanceId} while running`);
          },
          (e: unknown) => this.options.logger?.warn(`jobs: renewing the lease of ${job.id} failed: ${messageOf(e)}`),
        );
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  /** Takes the lease and opens the run's history row; null when another instance holds the job. */
  private async claim(job: JobDefinition, requireDue: boolean): Promise<repo.RunRow | null> {
    const { db, instanceId } = this.options;
    const started = this.clock().getTime();
    if (!(await repo.claimLease(db, job.id, instanceId, iso(started), iso(started + this.leaseMs), requireDue))) return null;
    // The lease is ours: nobody else writes the row until it ends.
    const failures = Number((await repo.findJobRow(db, job.id))?.attempts ?? 0);
    const run: repo.RunRow = {
      id: newId(started),
      jobId: job.id,
      instanceId,
      attempt: failures + 1,
      startedAt: iso(started),
      finishedAt: null,
      status: 'running',
      summary: null,
      error: null,
    };
    await repo.insertRun(db, run);
    // A run still marked running belongs to an instance whose lease expired before it finished.
    await repo.abandonRuns(db, job.id, run.id, iso(started), 'lease expired before the run finished (instance stopped or run too slow)');
    return run;
  }

  /** Closes the run and schedules the next one: a period after the start, or a back-off after a failure. */
  private async record(job: JobDefinition, run: repo.RunRow, summary: string | null, error: string | null): Promise<void> {
    const { db, instanceId } = this.options;
    const finished = this.clock().getTime();
    const status = error === null ? ('ok' as const) : ('failed' as const);
    await repo.finishRun(db, run.id, { finishedAt: iso(finished), status, summary, error });
    let attempts = 0;
    let nextRunAt = Date.parse(run.startedAt) + job.everySeconds * 1000;
    if (error !== null) {
      const retry = afterFailure(run.attempt - 1, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, job.everySeconds);
      attempts = retry.attempts;
      nextRunAt = finished + retry.delaySeconds * 1000;
    }
    const isKept = await repo.releaseLease(db, job.id, instanceId, {
      nextRunAt: iso(nextRunAt),
      attempts,
      lastFinishedAt: iso(finished),
      lastStatus: status,
      lastError: error,
    });
    if (!isKept) this.options.logger?.warn(`jobs: ${job.id} ran past its lease on ${instanceId}; another instance had taken it over`);
  }
}

export interface SchedulerPlatform {
  host: Host;
  systemCtx(actor?: Actor): Ctx;
}

/**
 * A Scheduler over a platform (the server's, or a TestApp's `platform`): its database, host and
 * clock, every declared job unless `jobs` is given, each run acting as `job:<id>`.
 */
export function schedulerFor(
  platform: SchedulerPlatform,
  options: Partial<Pick<SchedulerOptions, 'db' | 'jobs' | 'instanceId' | 'leaseSeconds' | 'logger'>> = {},
): Scheduler {
  return new Scheduler({
    db: options.db ?? platform.host.db,
    jobs: options.jobs ?? registeredJobs(),
    host: platform.host,
    runCtx: (job) => platform.systemCtx(jobActor(job.id)),
    clock: () => platform.systemCtx().now(),
    instanceId: options.instanceId ?? newInstanceId(),
    leaseSeconds: options.leaseSeconds,
    logger: options.logger,
  });
}
