import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import type { DeliveryView } from '../contract/delivery.schema.ts';
import { eventFixtureModule, handlerCalls, healed, ThingCreated } from '../testing/event-fixture.ts';
import { dispatchEvents } from './dispatcher.ts';

describeOnEngines(
  'the dead-letter API',
  (harness) => {
    let root: Session;
    const dead: DeliveryView[] = [];

    beforeAll(async () => {
      const h = harness();
      // The fixture's state is shared by the engines' runs in this file.
      healed.clear();
      dead.length = 0;
      await h.system().transaction(async (tx) => {
        tx.publish(ThingCreated, { n: 70, fails: true });
        tx.publish(ThingCreated, { n: 71, fails: true });
      });
      // maxAttempts 3, with the back-off passed between the passes.
      for (let i = 0; i < 3; i += 1) {
        await dispatchEvents(h.system(), h.platform.host);
        h.advance(3600_000);
      }
      // Signed in after the clock moved, so that the session is fresh.
      root = await h.signInAs('events-root', 'MOE', ['platform_admin']);
    });

    it('lists dead deliveries with their event, subscriber, attempts and last error', async () => {
      const res = await root.request('GET', '/api/events/deliveries');
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: DeliveryView[]; total: number };
      expect(page.total).toBe(2);
      dead.push(...page.items.sort((a, b) => (a.payload as { n: number }).n - (b.payload as { n: number }).n));
      expect(dead[0]).toMatchObject({
        eventType: 'evtest.thing.created',
        payload: { n: 70, fails: true },
        publishedBy: 'system',
        subscriberId: 'evtest.record_thing',
        subscriberLabel: { zh: '记录测试事件', en: 'Record the test event' },
        status: 'dead',
        attempts: 3,
        lastError: 'thing 70 cannot be recorded',
      });
      const delivered = (await root.request('GET', '/api/events/deliveries?status=delivered')).json() as { total: number };
      expect(delivered.total).toBe(0);
    });

    it('retries a dead delivery with fresh attempts, audited, and the next pass delivers it', async () => {
      const h = harness();
      healed.add(70);
      const res = await root.request('POST', `/api/events/deliveries/${dead[0].id}/retry`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await dispatchEvents(h.system(), h.platform.host)).toMatchObject({ delivered: 1 });
      expect(handlerCalls.get(dead[0].eventId)).toBe(4);
      const audit = await h.platform.host.db
        .selectFrom('core_audit_events')
        .select(['actor_name', 'object_id'])
        .where('action', '=', 'events.delivery.retried')
        .execute();
      expect(audit).toEqual([{ actor_name: 'events-root', object_id: dead[0].id }]);
    });

    it('discards a dead delivery, audited, so that no pass runs it', async () => {
      const h = harness();
      const res = await root.request('POST', `/api/events/deliveries/${dead[1].id}/discard`);
      expect([res.statusCode, res.json().status]).toEqual([200, 'discarded']);
      await dispatchEvents(h.system(), h.platform.host);
      expect(handlerCalls.get(dead[1].eventId)).toBe(3);
      expect((await root.request('GET', '/api/events/deliveries')).json().total).toBe(0);
      expect(
        (await h.platform.host.db.selectFrom('core_audit_events').select('id').where('action', '=', 'events.delivery.discarded').execute())
          .length,
      ).toBe(1);
    });

    it('refuses to settle a delivery that is not dead, and an unknown one', async () => {
      const again = await root.request('POST', `/api/events/deliveries/${dead[1].id}/retry`);
      expect([again.statusCode, again.json().code]).toEqual([409, 'events.delivery_not_dead']);
      const unknown = await root.request('POST', '/api/events/deliveries/01J00000000000000000000000/discard');
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'events.delivery_not_found']);
    });

    it('is for platform-level holders only: a platform administrator granted below the root is refused', async () => {
      const provincial = await harness().signInAs('events-hebei-root', 'GB130000', ['platform_admin']);
      expect((await provincial.request('GET', '/api/events/deliveries')).statusCode).toBe(403);
      expect((await provincial.request('POST', `/api/events/deliveries/${dead[1].id}/retry`)).statusCode).toBe(403);
    });
  },
  { extraModules: [eventFixtureModule] },
);
