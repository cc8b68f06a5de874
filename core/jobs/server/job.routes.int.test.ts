import { beforeAll, expect, it } from 'vitest';
import type { JobInfo, JobRun } from '../contract/job.schema.ts';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { schedulerFor } from './scheduler.ts';

const PRUNE = 'jobs.prune_runs';

describeOnEngines('jobs API', (harness) => {
  let root: Session;

  beforeAll(async () => {
    root = await harness().signInAs('jobs-root', 'MOE', ['platform_admin']);
  });

  const prune = async (): Promise<JobInfo> => ((await root.request('GET', '/api/jobs')).json() as JobInfo[]).find((j) => j.id === PRUNE)!;

  it('lists every declared job with its label, period and schedule, registered at start-up', async () => {
    const res = await root.request('GET', '/api/jobs');
    expect(res.statusCode).toBe(200);
    const job = (res.json() as JobInfo[]).find((j) => j.id === PRUNE);
    expect(job).toMatchObject({
      module: 'jobs',
      label: { zh: '清理定时任务运行记录' },
      everySeconds: 86400,
      maxAttempts: 3,
      isPaused: false,
      attempts: 0,
      lastStatus: null,
      runningOn: null,
    });
    expect(job!.nextRunAt).not.toBeNull();
  });

  it('makes a job due now, audits it, and the next tick runs it into the history', async () => {
    const h = harness();
    const scheduler = schedulerFor(h.platform, { instanceId: 'routes-test' });
    await scheduler.tick();
    h.advance(60_000);
    expect((await scheduler.tick()).map((o) => o.jobId)).not.toContain(PRUNE);

    const res = await root.request('POST', `/api/jobs/${PRUNE}/run`);
    expect(res.statusCode).toBe(200);
    expect(Date.parse(res.json().nextRunAt)).toBeLessThanOrEqual(h.now().getTime());
    const audit = await h.platform.host.db
      .selectFrom('core_audit_events')
      .select(['actor_name', 'object_id'])
      .where('action', '=', 'jobs.job.triggered')
      .execute();
    expect(audit).toEqual([{ actor_name: 'jobs-root', object_id: PRUNE }]);

    expect((await scheduler.tick()).map((o) => [o.jobId, o.status])).toEqual([[PRUNE, 'ok']]);
    const runs = await root.request('GET', `/api/jobs/${PRUNE}/runs?pageSize=1`);
    expect(runs.statusCode).toBe(200);
    const page = runs.json() as { items: JobRun[]; total: number; page: number; pageSize: number };
    expect([page.total, page.page, page.pageSize, page.items.length]).toEqual([2, 1, 1, 1]);
    expect(page.items[0]).toMatchObject({
      jobId: PRUNE,
      instanceId: 'routes-test',
      status: 'ok',
      attempt: 1,
      summary: '删除 90 天前的运行记录 0 条',
    });
    expect((await prune()).lastStatus).toBe('ok');
  });

  it('pauses a job so that neither the schedule nor a trigger runs it, and resumes it', async () => {
    const h = harness();
    // Due now, then paused: the tick below would run it if pausing did not stop it.
    expect((await root.request('POST', `/api/jobs/${PRUNE}/run`)).statusCode).toBe(200);
    const paused = await root.request('POST', `/api/jobs/${PRUNE}/pause`);
    expect([paused.statusCode, paused.json().isPaused]).toEqual([200, true]);
    const refused = await root.request('POST', `/api/jobs/${PRUNE}/run`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'jobs.job_paused']);
    expect((await schedulerFor(h.platform, { instanceId: 'routes-test' }).tick()).map((o) => o.jobId)).not.toContain(PRUNE);

    const resumed = await root.request('POST', `/api/jobs/${PRUNE}/resume`);
    expect([resumed.statusCode, resumed.json().isPaused]).toEqual([200, false]);
    // Resuming twice changes nothing and records nothing more.
    await root.request('POST', `/api/jobs/${PRUNE}/resume`);
    const actions = await h.platform.host.db
      .selectFrom('core_audit_events')
      .select('action')
      .where('action', 'in', ['jobs.job.paused', 'jobs.job.resumed'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['jobs.job.paused', 'jobs.job.resumed']);
  });

  it('answers jobs.job_not_found for a job nobody declared', async () => {
    for (const [method, url] of [
      ['GET', '/api/jobs/nothing.here/runs'],
      ['POST', '/api/jobs/nothing.here/run'],
      ['POST', '/api/jobs/nothing.here/pause'],
    ] as const) {
      const res = await root.request(method, url);
      expect([res.statusCode, res.json().code], url).toEqual([404, 'jobs.job_not_found']);
    }
  });

  it('refuses an org administrator, and a platform administrator granted below the root org', async () => {
    const orgAdmin = await harness().signInAs('jobs-hebei-admin', 'GB130000', ['org_admin']);
    expect((await orgAdmin.request('GET', '/api/jobs')).statusCode).toBe(403);
    const provincial = await harness().signInAs('jobs-hebei-root', 'GB130000', ['platform_admin']);
    for (const [method, url] of [
      ['GET', '/api/jobs'],
      ['GET', `/api/jobs/${PRUNE}/runs`],
      ['POST', `/api/jobs/${PRUNE}/run`],
      ['POST', `/api/jobs/${PRUNE}/pause`],
    ] as const) {
      expect((await provincial.request(method, url)).statusCode, url).toBe(403);
    }
    expect((await prune()).isPaused).toBe(false);
  });
});
