import { expect, it } from 'vitest';
import type { Ctx } from '#kernel';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { schedulerFor } from '#core/jobs/server/scheduler.ts';
import { eventFixtureModule, handlerCalls, ThingCreated } from '../testing/event-fixture.ts';
import { eventsDb } from './events.tables.ts';
import { CLAIM_SECONDS, dispatchEvents } from './dispatcher.ts';
import { pruneEventsJob } from './prune.job.ts';

async function publish(h: TestApp, ...things: Array<{ n: number; fails?: boolean }>): Promise<string[]> {
  await h.system().transaction(async (tx: Ctx) => {
    for (const t of things) tx.publish(ThingCreated, t);
  });
  const rows = await eventsDb(h.platform.host.db).selectFrom('core_events').select(['id', 'payload']).execute();
  return things.map((t) => rows.find((r) => JSON.parse(r.payload).n === t.n)!.id);
}

describeOnEngines(
  'the event dispatcher',
  (harness) => {
    const dispatch = (options = {}) => dispatchEvents(harness().system(), harness().platform.host, options);
    const handled = async (eventId: string) =>
      (
        await harness()
          .platform.host.db.selectFrom('core_audit_events')
          .select('id')
          .where('action', '=', 'evtest.thing.handled')
          .where('object_id', '=', eventId)
          .execute()
      ).length;
    const delivery = async (eventId: string) =>
      await eventsDb(harness().platform.host.db)
        .selectFrom('core_event_deliveries')
        .selectAll()
        .where('eventId', '=', eventId)
        .where('subscriberId', '=', 'evtest.record_thing')
        .executeTakeFirstOrThrow();

    it('runs the subscriber once per event, in a transaction under its own actor, and never again', async () => {
      const [id] = await publish(harness(), { n: 10 });
      const report = await dispatch();
      expect(report).toMatchObject({ delivered: 1, retrying: 0, dead: 0 });
      expect(report.fannedOut).toBeGreaterThanOrEqual(1);
      expect(await handled(id)).toBe(1);
      const audit = await harness()
        .platform.host.db.selectFrom('core_audit_events')
        .select('actor_name')
        .where('object_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(audit.actor_name).toBe('event:evtest.record_thing');
      expect(await delivery(id)).toMatchObject({ status: 'delivered', attempts: 1, claimedUntil: null });
      await dispatch();
      expect([handlerCalls.get(id), await handled(id)]).toEqual([1, 1]);
    });

    it('runs each subscriber once per event when two dispatchers run at the same moment', async () => {
      const ids = await publish(harness(), { n: 20 }, { n: 21 }, { n: 22 }, { n: 23 }, { n: 24 });
      const [a, b] = await Promise.all([dispatch(), dispatch()]);
      expect(a.delivered + b.delivered).toBe(5);
      for (const id of ids) expect([handlerCalls.get(id), await handled(id)]).toEqual([1, 1]);
    });

    it('does not run a handler again when the dispatcher dies after its transaction committed', async () => {
      const h = harness();
      const [id] = await publish(h, { n: 30 });
      await expect(
        dispatch({
          afterHandled: () => {
            throw new Error('process killed');
          },
        }),
      ).rejects.toThrow('process killed');
      // Past any claim the dead dispatcher might have held, a new one looks again.
      h.advance((CLAIM_SECONDS + 1) * 1000);
      await dispatch();
      expect([handlerCalls.get(id), await handled(id), (await delivery(id)).status]).toEqual([1, 1, 'delivered']);
    });

    it('retries a failing handler with growing back-off, keeps none of its changes, and ends the delivery dead', async () => {
      const h = harness();
      const [id] = await publish(h, { n: 40, fails: true });
      expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 1 });
      let row = await delivery(id);
      expect([row.status, row.attempts, row.lastError]).toEqual(['pending', 1, 'thing 40 cannot be recorded']);
      expect(Date.parse(row.nextAttemptAt) - h.now().getTime()).toBeGreaterThan(25_000);
      await dispatch();
      expect(handlerCalls.get(id)).toBe(1); // not due yet
      h.advance(30_000);
      expect(await dispatch()).toMatchObject({ retrying: 1 });
      row = await delivery(id);
      expect([row.attempts, Date.parse(row.nextAttemptAt) - h.now().getTime() > 55_000]).toEqual([2, true]);
      h.advance(60_000);
      expect(await dispatch()).toMatchObject({ dead: 1 });
      row = await delivery(id);
      expect([row.status, row.attempts, handlerCalls.get(id), await handled(id)]).toEqual(['dead', 3, 3, 0]);
      h.advance(3600_000);
      await dispatch();
      expect(handlerCalls.get(id)).toBe(3);
    });

    it('runs as the events.dispatch job through core/jobs', async () => {
      const h = harness();
      const [id] = await publish(h, { n: 50 });
      const outcomes = await schedulerFor(h.platform, { instanceId: 'events-test' }).runOnce('events.dispatch');
      expect(outcomes).toMatchObject({ status: 'ok' });
      expect(outcomes!.summary).toMatch(/投递成功 1/);
      expect(await handled(id)).toBe(1);
    });

    it('prunes delivered deliveries and their events after the retention, keeping dead ones', async () => {
      const h = harness();
      const [done] = await publish(h, { n: 60 });
      await dispatch();
      h.advance(31 * 24 * 3600_000);
      const result = await pruneEventsJob.run(h.system(), h.platform.host);
      expect(result?.summary).toMatch(/删除 30 天前的事件/);
      const db = eventsDb(h.platform.host.db);
      expect(await db.selectFrom('core_events').select('id').where('id', '=', done).execute()).toEqual([]);
      const left = await db.selectFrom('core_event_deliveries').select('status').execute();
      expect(left.length).toBeGreaterThan(0);
      expect(new Set(left.map((d) => d.status))).toEqual(new Set(['dead']));
    });
  },
  { extraModules: [eventFixtureModule] },
);
