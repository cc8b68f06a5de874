/** Codes of the DomainErrors the jobs core throws; the console turns them into words. */
export const JobErrors = {
  jobNotFound: 'jobs.job_not_found',
  jobPaused: 'jobs.job_paused',
} as const;
