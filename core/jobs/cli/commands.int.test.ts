import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { runCliAgainst } from '../../../apps/server/src/testing/run-cli.ts';
import { listRuns, setPaused } from '../server/job.repo.ts';
import { describeEvery } from './commands.ts';
import { textFor } from '../../../apps/server/src/messages.ts';

describeOnEngines('educloud jobs', (harness) => {
  it('lists the declared jobs with their period', async () => {
    const { code, out } = await runCliAgainst(harness(), ['jobs', 'list']);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/jobs\.prune_runs {2}清理定时任务运行记录 {2}每 1 天 {2}下次 \S+ {2}上次 尚未运行/);
  });

  it('runs a job once in this process under the command line user and records it', async () => {
    const { code, out } = await runCliAgainst(harness(), ['jobs', 'run', 'jobs.prune_runs']);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('定时任务 jobs.prune_runs 运行成功：删除 90 天前的运行记录 0 条');
    const runs = await listRuns(harness().platform.host.db, 'jobs.prune_runs', 0, 10);
    expect(runs.items.map((r) => [r.status, r.instanceId.startsWith('cli:')])).toEqual([['ok', true]]);
    const audit = await harness()
      .platform.host.db.selectFrom('core_audit_events')
      .select('actor_name')
      .where('action', '=', 'jobs.job.triggered')
      .execute();
    expect(audit.map((a) => a.actor_name.startsWith('cli:'))).toEqual([true]);
  });

  it('refuses an unknown or paused job with the reason', async () => {
    const unknown = await runCliAgainst(harness(), ['jobs', 'run', 'nothing.here']);
    expect([unknown.code, unknown.err.join('\n')]).toEqual([1, '定时任务 nothing.here 不存在 (jobs.job_not_found)']);
    await setPaused(harness().platform.host.db, 'jobs.prune_runs', true);
    const paused = await runCliAgainst(harness(), ['jobs', 'run', 'jobs.prune_runs']);
    expect(paused.code).toBe(1);
    expect(paused.err.join('\n')).toContain('jobs.job_paused');
    const missing = await runCliAgainst(harness(), ['jobs', 'run']);
    expect(missing.code).toBe(2);
  });

  it('describes periods in the largest whole unit', () => {
    expect([86400, 7200, 900, 45].map((s) => describeEvery(s, textFor))).toEqual(['每 1 天', '每 2 小时', '每 15 分钟', '每 45 秒']);
  });
});
