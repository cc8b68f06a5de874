import { defineModule } from '#kernel';
import { jobsCommands } from './cli/commands.ts';
import { JobPermissions } from './contract/permissions.ts';
import { registeredJobs } from './server/job-registry.ts';
import { registerJobRoutes } from './server/job.routes.ts';
import { pruneRunsJob } from './server/prune-runs.ts';
import { syncJobRows } from './server/scheduler.ts';

/**
 * The scheduler of the jobs modules declare (`jobs` in a manifest). No built-in role is granted
 * its permissions: jobs serve every org, so only platform-level administrators see or run them.
 */
export const jobsModule = defineModule({
  id: 'jobs',
  tablePrefix: 'core',
  permissions: [
    { id: JobPermissions.read, label: { zh: '查看定时任务及运行记录', en: 'View scheduled jobs and their runs' } },
    { id: JobPermissions.run, label: { zh: '立即运行、暂停、恢复定时任务', en: 'Run, pause and resume scheduled jobs' } },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  jobs: [pruneRunsJob],
  routes: (app) => registerJobRoutes(app),
  cli: jobsCommands,
  // Rows for every declared job exist from the first start, so that the console lists them.
  seed: (ctx) => syncJobRows(ctx.db, registeredJobs(), ctx.now()),
});
