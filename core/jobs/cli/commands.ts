import type { CliCommand, CliInput } from '#kernel';
import { registeredJobs } from '../server/job-registry.ts';
import { listJobs, runJobHere } from '../server/job.service.ts';
import { newInstanceId, Scheduler } from '../server/scheduler.ts';

type Text = CliInput['text'];

/** "每 15 分钟", "每 24 小时": the period as the console shows it. */
export function describeEvery(seconds: number, text: Text): string {
  if (seconds % 86400 === 0) return text('jobs:cli.every.days', { count: seconds / 86400 });
  if (seconds % 3600 === 0) return text('jobs:cli.every.hours', { count: seconds / 3600 });
  if (seconds % 60 === 0) return text('jobs:cli.every.minutes', { count: seconds / 60 });
  return text('jobs:cli.every.seconds', { count: seconds });
}

export const jobsCommands: Record<string, CliCommand> = {
  'jobs list': {
    summary: 'jobs:cli.list.summary',
    needsPlatform: true,
    async run({ ctx, out, text }) {
      const jobs = await listJobs(ctx!);
      for (const j of jobs) {
        const last = j.lastStatus
          ? text(`jobs:cli.list.${j.lastStatus}`) + (j.lastError ? text('jobs:cli.list.error', { error: j.lastError }) : '')
          : text('jobs:cli.list.neverRun');
        out(
          text('jobs:cli.list.line', {
            id: j.id,
            label: j.label.zh,
            every: describeEvery(j.everySeconds, text),
            next: j.nextRunAt ?? '—',
            paused: j.isPaused ? text('jobs:cli.list.paused') : '',
            last,
          }),
        );
      }
      out(text('jobs:cli.list.total', { count: jobs.length }));
      return 0;
    },
  },
  'jobs run': {
    summary: 'jobs:cli.run.summary',
    needsPlatform: true,
    async run({ positionals, ctx, host, out, err, text }) {
      const id = positionals[0];
      if (!id) {
        err(text('jobs:cli.run.usage'));
        return 2;
      }
      // The run acts as the command line's user, like every other CLI change.
      const scheduler = new Scheduler({
        db: host!.db,
        jobs: registeredJobs(),
        host: host!,
        runCtx: () => ctx!,
        clock: () => ctx!.now(),
        instanceId: `cli:${newInstanceId()}`,
      });
      const outcome = await runJobHere(ctx!, scheduler, id);
      if (!outcome) {
        err(text('jobs:cli.run.busy', { id }));
        return 1;
      }
      if (outcome.status === 'failed') {
        err(text('jobs:cli.run.failed', { id, attempt: outcome.attempt, error: outcome.error }));
        return 1;
      }
      out(outcome.summary ? text('jobs:cli.run.doneWithSummary', { id, summary: outcome.summary }) : text('jobs:cli.run.done', { id }));
      return 0;
    },
  },
};
