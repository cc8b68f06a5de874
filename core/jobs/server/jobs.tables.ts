import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

export interface JobRow {
  /** The job's id from its module's manifest. */
  id: string;
  /** ISO text. */
  nextRunAt: string;
  leaseOwner: string | null;
  /** ISO text. */
  leaseUntil: string | null;
  attempts: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: 'ok' | 'failed' | null;
  lastError: string | null;
  /** 0 or 1. */
  isPaused: number;
}

export interface RunRow {
  id: string;
  jobId: string;
  instanceId: string;
  attempt: number;
  /** ISO text. */
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed';
  summary: string | null;
  error: string | null;
}

/** The tables core/jobs owns, camelCase in TypeScript. */
export interface JobsTables {
  core_jobs: JobRow;
  core_job_runs: RunRow;
}

export type JobsDb = Kysely<JobsTables>;

/** core/jobs' view of a connection or transaction: its two tables and nothing else. */
export const jobsDb = (db: PlatformDb): JobsDb => ownTables<JobsTables>(db, 'jobs', ['core_jobs', 'core_job_runs']);
