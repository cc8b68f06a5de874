import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { pruneRunsJob, RUN_HISTORY_DAYS } from './prune-runs.ts';
import { jobsDb, type RunRow } from './jobs.tables.ts';

describeOnEngines('jobs.prune_runs', (harness) => {
  it('deletes finished runs started before the retention and keeps recent ones and a run still going', async () => {
    const h = harness();
    const now = h.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * 24 * 3600 * 1000).toISOString();
    const run = (id: string, status: RunRow['status'], startedAt: string): RunRow => ({
      id,
      jobId: 'test.prune',
      instanceId: 'test',
      attempt: 1,
      startedAt,
      finishedAt: status === 'running' ? null : startedAt,
      status,
      summary: null,
      error: null,
    });
    const db = jobsDb(h.platform.host.db);
    await db
      .insertInto('core_job_runs')
      .values([
        run('ok-old', 'ok', daysAgo(RUN_HISTORY_DAYS + 1)),
        run('failed-old', 'failed', daysAgo(RUN_HISTORY_DAYS + 1)),
        run('ok-recent', 'ok', daysAgo(RUN_HISTORY_DAYS - 1)),
        run('running-old', 'running', daysAgo(RUN_HISTORY_DAYS + 1)),
      ])
      .execute();
    await pruneRunsJob.run(h.system(), h.platform.host);
    const left = await db.selectFrom('core_job_runs').select('id').where('jobId', '=', 'test.prune').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(['ok-recent', 'running-old']);
  });
});
