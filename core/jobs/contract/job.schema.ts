import { Type, type Static } from 'typebox';

const NullableText = (options: { description?: string } = {}) => Type.Union([Type.String(options), Type.Null()]);

export const JobStatus = Type.Union([Type.Literal('ok'), Type.Literal('failed')]);
export type JobStatus = Static<typeof JobStatus>;

export const RunStatus = Type.Union([Type.Literal('running'), Type.Literal('ok'), Type.Literal('failed')]);
export type RunStatus = Static<typeof RunStatus>;

/** A job a module declares, with its schedule and the outcome of its latest run. */
export const JobInfo = Type.Object({
  id: Type.String({ description: '`<module>.<what>`' }),
  module: Type.String(),
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
  everySeconds: Type.Integer({ minimum: 1 }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  nextRunAt: NullableText({ description: 'null until the job is first registered in the database' }),
  isPaused: Type.Boolean(),
  /** Consecutive failed attempts of the current retry series (0 after a success or after giving up). */
  attempts: Type.Integer({ minimum: 0 }),
  runningOn: NullableText({ description: 'the instance holding an unexpired lease, if the job is running' }),
  lastStartedAt: NullableText(),
  lastFinishedAt: NullableText(),
  lastStatus: Type.Union([JobStatus, Type.Null()]),
  lastError: NullableText({ description: 'the message of the latest failure; never a stack trace' }),
});
export type JobInfo = Static<typeof JobInfo>;

/** One run of a job, on one instance. */
export const JobRun = Type.Object({
  id: Type.String(),
  jobId: Type.String(),
  instanceId: Type.String(),
  attempt: Type.Integer({ minimum: 1, description: '1 for a regular run, 2… for retries' }),
  startedAt: Type.String(),
  finishedAt: NullableText(),
  status: RunStatus,
  summary: NullableText(),
  error: NullableText(),
});
export type JobRun = Static<typeof JobRun>;

export const JobIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export type JobIdParams = Static<typeof JobIdParams>;
