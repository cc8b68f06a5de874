import { defineErrors } from '#kernel';

/** Every code core/jobs throws, with its params; the words are in ../locales. */
export const JobErrors = defineErrors('jobs', {
  jobNotFound: { code: 'jobs.job_not_found', kind: 'not_found', params: ['id'] },
  jobPaused: { code: 'jobs.job_paused', kind: 'conflict', params: ['id'] },
});
