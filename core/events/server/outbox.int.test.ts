import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { eventFixtureModule, ThingCreated } from '../testing/event-fixture.ts';
import { eventsDb } from './events.tables.ts';

describeOnEngines(
  'the event outbox',
  (harness) => {
    const stored = async (n: number) =>
      (await eventsDb(harness().platform.host.db).selectFrom('core_events').selectAll().execute()).filter(
        (e) => JSON.parse(e.payload).n === n,
      );

    it('stores an event with its payload and publisher when the publishing transaction commits', async () => {
      const h = harness();
      await h.system().transaction(async (tx) => {
        tx.publish(ThingCreated, { n: 1 });
        tx.audit({ action: 'evtest.thing.created', objectType: 'evtest.thing', objectId: '1', orgId: null });
      });
      const rows = await stored(1);
      expect(rows.map((r) => [r.type, JSON.parse(r.payload), r.actorKind, r.actorName, r.fannedOutAt])).toEqual([
        ['evtest.thing.created', { n: 1 }, 'system', 'system', null],
      ]);
    });

    it('stores nothing when the transaction rolls back, even after the change itself was written', async () => {
      const h = harness();
      await expect(
        h.system().transaction(async (tx) => {
          tx.publish(ThingCreated, { n: 2 });
          tx.audit({ action: 'evtest.thing.created', objectType: 'evtest.thing', objectId: '2', orgId: null });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await stored(2)).toEqual([]);
    });

    it('refuses an event published outside a transaction, and a payload that does not match its schema', async () => {
      const h = harness();
      expect(() => h.system().publish(ThingCreated, { n: 3 })).toThrow(/outside a transaction/);
      await expect(
        h.system().transaction(async (tx) => {
          tx.publish(ThingCreated, { n: 'three' } as never);
        }),
      ).rejects.toThrow(/does not match its schema/);
      expect(await stored(3)).toEqual([]);
    });
  },
  { extraModules: [eventFixtureModule] },
);
