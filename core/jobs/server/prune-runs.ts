import type { JobDefinition } from '#kernel';
import { deleteRunsBefore } from './job.repo.ts';

/** How long the run history is kept. */
export const RUN_HISTORY_DAYS = 90;

/** Deletes finished runs older than RUN_HISTORY_DAYS, so that the history stays small. */
export const pruneRunsJob: JobDefinition = {
  id: 'jobs.prune_runs',
  label: { zh: '清理定时任务运行记录', en: 'Prune the job run history' },
  everySeconds: 24 * 3600,
  async run(ctx) {
    const before = new Date(ctx.now().getTime() - RUN_HISTORY_DAYS * 24 * 3600 * 1000).toISOString();
    const deleted = await deleteRunsBefore(ctx.db, before);
    return { summary: `删除 ${RUN_HISTORY_DAYS} 天前的运行记录 ${deleted} 条` };
  },
};
