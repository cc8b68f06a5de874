import { api } from '#ui';
import type { JobInfo, JobRun } from '../contract/job.schema.ts';

export type { JobInfo, JobRun };

const jobUrl = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

/** The HTTP calls behind the jobs page; the types come from the contract the server validates with. */
export const jobsApi = {
  list: () => api.get<JobInfo[]>('/api/jobs'),
  runsUrl: (id: string) => `${jobUrl(id)}/runs`,
  runNow: (id: string) => api.post<JobInfo>(`${jobUrl(id)}/run`),
  pause: (id: string) => api.post<JobInfo>(`${jobUrl(id)}/pause`),
  resume: (id: string) => api.post<JobInfo>(`${jobUrl(id)}/resume`),
};
