/** Both are platform-wide: they must be held on the root org (jobs belong to no org). */
export const JobPermissions = {
  read: 'jobs.job.read',
  /** Run a job now, pause and resume it. */
  run: 'jobs.job.run',
} as const;
