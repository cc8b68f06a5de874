import { expect, it } from 'vitest';
import { openDatabase, type JobDefinition } from '#kernel';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import * as repo from './job.repo.ts';
import { schedulerFor } from './scheduler.ts';
import { jobsDb } from './jobs.tables.ts';

const job = (id: string, run: JobDefinition['run'], extra: Partial<JobDefinition> = {}): JobDefinition => ({
  id,
  label: { zh: id, en: id },
  everySeconds: 600,
  run,
  ...extra,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnEngines('job scheduler', (harness) => {
  const row = async (id: string) => (await repo.findJobRow(harness().platform.host.db, id))!;
  const runs = async (id: string) => (await repo.listRuns(harness().platform.host.db, id, 0, 500)).items;

  it('runs a due job once, records it, and schedules the next run a period after the start', async () => {
    const h = harness();
    let count = 0;
    const scheduler = schedulerFor(h.platform, {
      jobs: [
        job('test.once', async () => {
          count += 1;
          return { summary: '处理 3 条' };
        }),
      ],
      instanceId: 'a',
    });
    const before = h.now().getTime();
    const outcomes = await scheduler.tick();
    const after = h.now().getTime();
    expect(outcomes.map((o) => [o.jobId, o.status, o.attempt])).toEqual([['test.once', 'ok', 1]]);
    expect(await scheduler.tick()).toEqual([]);
    expect(count).toBe(1);

    const stored = await row('test.once');
    expect(Date.parse(stored.nextRunAt)).toBeGreaterThanOrEqual(before + 600_000);
    expect(Date.parse(stored.nextRunAt)).toBeLessThanOrEqual(after + 600_000);
    expect([stored.leaseOwner, stored.leaseUntil, Number(stored.attempts), stored.lastStatus]).toEqual([null, null, 0, 'ok']);
    expect((await runs('test.once')).map((r) => [r.status, r.instanceId, r.summary])).toEqual([['ok', 'a', '处理 3 条']]);

    h.advance(600_000);
    await scheduler.tick();
    expect(count).toBe(2);
  });

  it('runs a job marked due now at the next tick', async () => {
    const h = harness();
    let count = 0;
    const scheduler = schedulerFor(h.platform, {
      jobs: [
        job('test.on_demand', async () => {
          count += 1;
        }),
      ],
      instanceId: 'a',
    });
    await scheduler.tick();
    h.advance(1000);
    expect(await scheduler.tick()).toEqual([]);
    expect(await scheduler.runNow('test.on_demand')).toBe(true);
    expect(await scheduler.runNow('test.undeclared')).toBe(false);
    await scheduler.tick();
    expect(count).toBe(2);
  });

  it('runs each due job exactly once per due time when two instances tick at the same moment', async () => {
    const h = harness();
    // A second connection (pool) to the same database, as a second server instance would have.
    const second = openDatabase(h.platform.database.url);
    try {
      const counts = new Map<string, number>();
      // Unequal run times: while one instance is busy with the slow job, the other finishes the
      // fast ones, which the busy one read as due and then tries to claim after they ran.
      const durations: Record<string, number> = { 'test.race_1': 15, 'test.race_2': 0, 'test.race_3': 2 };
      const jobs = Object.keys(durations).map((id) =>
        job(
          id,
          async () => {
            counts.set(id, (counts.get(id) ?? 0) + 1);
            await sleep(durations[id]);
          },
          { everySeconds: 60 },
        ),
      );
      const a = schedulerFor(h.platform, { jobs, instanceId: 'instance-a' });
      const b = schedulerFor(h.platform, { jobs, instanceId: 'instance-b', db: second.db });
      await Promise.all([a.sync(), b.sync()]);
      const rounds = 25;
      for (let round = 1; round <= rounds; round++) {
        await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        for (const j of jobs) expect(counts.get(j.id), `${j.id} in round ${round}`).toBe(round);
        h.advance(60_000);
      }
      for (const j of jobs) {
        const history = await runs(j.id);
        expect(history).toHaveLength(rounds);
        expect(history.every((r) => r.status === 'ok')).toBe(true);
      }
    } finally {
      await second.close();
    }
  });

  it('retries a failing job with back-off, records each failure without a stack, then waits for the regular run', async () => {
    const h = harness();
    let isFailing = true;
    let others = 0;
    const scheduler = schedulerFor(h.platform, {
      instanceId: 'a',
      jobs: [
        job(
          'test.flaky',
          async () => {
            if (isFailing) throw new Error('上游接口不可用');
            return { summary: '恢复' };
          },
          { everySeconds: 3600, maxAttempts: 3 },
        ),
        job(
          'test.neighbour',
          async () => {
            others += 1;
          },
          { everySeconds: 3600 },
        ),
      ],
    });
    const failAndCheck = async (attempt: number, expectedDelay: number, expectedAttempts: number) => {
      const at = h.now().getTime();
      const outcomes = await scheduler.tick();
      expect(outcomes.find((o) => o.jobId === 'test.flaky')).toMatchObject({ status: 'failed', attempt, error: '上游接口不可用' });
      const stored = await row('test.flaky');
      expect(Number(stored.attempts)).toBe(expectedAttempts);
      expect([stored.lastStatus, stored.lastError, stored.leaseOwner]).toEqual(['failed', '上游接口不可用', null]);
      const delay = Date.parse(stored.nextRunAt) - at;
      expect(delay).toBeGreaterThanOrEqual(expectedDelay * 1000);
      expect(delay).toBeLessThan(expectedDelay * 1000 + 5000);
      expect(await scheduler.tick()).toEqual([]);
    };
    await failAndCheck(1, 30, 1);
    expect(others).toBe(1);
    h.advance(30_000);
    await failAndCheck(2, 60, 2);
    h.advance(60_000);
    await failAndCheck(3, 3600, 0);

    const history = await runs('test.flaky');
    expect(history.map((r) => [r.attempt, r.status])).toEqual([
      [3, 'failed'],
      [2, 'failed'],
      [1, 'failed'],
    ]);
    expect(history.every((r) => r.error === '上游接口不可用' && r.finishedAt !== null)).toBe(true);

    isFailing = false;
    h.advance(3600_000);
    const outcomes = await scheduler.tick();
    expect(outcomes.find((o) => o.jobId === 'test.flaky')).toMatchObject({ status: 'ok', attempt: 1, summary: '恢复' });
    expect((await row('test.flaky')).lastError).toBeNull();
  });

  it('leaves a live lease alone and takes over an expired one, closing the abandoned run', async () => {
    const h = harness();
    const db = h.platform.host.db;
    let count = 0;
    const scheduler = schedulerFor(h.platform, {
      jobs: [
        job('test.orphan', async () => {
          count += 1;
        }),
      ],
      instanceId: 'survivor',
      leaseSeconds: 60,
    });
    await scheduler.sync();
    // An instance claimed the job, opened its run and stopped.
    const now = h.now().getTime();
    await jobsDb(db)
      .updateTable('core_jobs')
      .set({ leaseOwner: 'crashed', leaseUntil: new Date(now + 60_000).toISOString() })
      .where('id', '=', 'test.orphan')
      .execute();
    await repo.insertRun(db, {
      id: 'RUN-OF-CRASHED',
      jobId: 'test.orphan',
      instanceId: 'crashed',
      attempt: 1,
      startedAt: new Date(now).toISOString(),
      finishedAt: null,
      status: 'running',
      summary: null,
      error: null,
    });

    expect(await scheduler.tick()).toEqual([]);
    expect(await scheduler.runOnce('test.orphan')).toBeNull();
    h.advance(61_000);
    expect((await scheduler.tick()).map((o) => o.status)).toEqual(['ok']);
    expect(count).toBe(1);
    expect((await row('test.orphan')).leaseOwner).toBeNull();
    const history = await runs('test.orphan');
    expect(history.map((r) => [r.instanceId, r.status])).toEqual([
      ['survivor', 'ok'],
      ['crashed', 'failed'],
    ]);
    expect(history[1].error).toContain('lease expired');
  });

  it('keeps the lease of a run longer than the lease, so a second instance does not run it too', async () => {
    const h = harness();
    let count = 0;
    let finish!: () => void;
    const running = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow = job('test.long_run', async () => {
      count += 1;
      if (count === 1) await running;
    });
    const first = schedulerFor(h.platform, { jobs: [slow], instanceId: 'first', leaseSeconds: 0.3 });
    const second = schedulerFor(h.platform, { jobs: [slow], instanceId: 'second', leaseSeconds: 0.3 });
    const run = first.tick();
    // Three lease lengths later the first instance is still running and still holds the job.
    await sleep(900);
    expect(await second.runOnce('test.long_run')).toBeNull();
    expect((await row('test.long_run')).leaseOwner).toBe('first');
    finish();
    expect((await run).map((o) => [o.jobId, o.status])).toEqual([['test.long_run', 'ok']]);
    expect(count).toBe(1);
    expect((await runs('test.long_run')).map((r) => [r.status, r.instanceId])).toEqual([['ok', 'first']]);
  });

  it('does not run a paused job, and runs it again once resumed', async () => {
    const h = harness();
    const db = h.platform.host.db;
    let count = 0;
    const scheduler = schedulerFor(h.platform, {
      jobs: [
        job('test.pausable', async () => {
          count += 1;
        }),
      ],
      instanceId: 'a',
    });
    await scheduler.sync();
    expect(await repo.setPaused(db, 'test.pausable', true)).toBe(true);
    expect(await repo.setPaused(db, 'test.pausable', true)).toBe(false);
    h.advance(3600_000);
    expect(await scheduler.tick()).toEqual([]);
    expect(count).toBe(0);
    await repo.setPaused(db, 'test.pausable', false);
    await scheduler.tick();
    expect(count).toBe(1);
  });

  it('pages a job history newest first', async () => {
    const h = harness();
    const scheduler = schedulerFor(h.platform, { jobs: [job('test.paged', async () => undefined, { everySeconds: 60 })], instanceId: 'a' });
    for (let i = 0; i < 5; i++) {
      await scheduler.tick();
      h.advance(60_000);
    }
    const db = h.platform.host.db;
    const first = await repo.listRuns(db, 'test.paged', 0, 2);
    const second = await repo.listRuns(db, 'test.paged', 2, 2);
    const third = await repo.listRuns(db, 'test.paged', 4, 2);
    expect([first.total, first.items.length, second.items.length, third.items.length]).toEqual([5, 2, 2, 1]);
    const starts = [...first.items, ...second.items, ...third.items].map((r) => r.startedAt);
    expect(new Set(starts).size).toBe(5);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('keeps its loop going when jobs throw, and stop() waits for the tick in progress', async () => {
    const h = harness();
    const warnings: string[] = [];
    let isInside = false;
    const scheduler = schedulerFor(h.platform, {
      instanceId: 'looping',
      logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
      jobs: [
        job('test.throws', async () => {
          throw new TypeError('boom');
        }),
        job('test.slow', async () => {
          isInside = true;
          await sleep(150);
          isInside = false;
        }),
      ],
    });
    scheduler.start(10);
    for (let i = 0; i < 100 && !isInside; i++) await sleep(5);
    expect(isInside).toBe(true);
    await scheduler.stop();
    expect(isInside).toBe(false);
    expect((await runs('test.slow')).map((r) => r.status)).toEqual(['ok']);
    expect(warnings.some((w) => w.includes('test.throws') && w.includes('boom'))).toBe(true);
    // Stopped: even a due job is left alone.
    await repo.setNextRun(h.platform.host.db, 'test.slow', h.now().toISOString());
    await sleep(50);
    expect(await runs('test.slow')).toHaveLength(1);
  });
});
