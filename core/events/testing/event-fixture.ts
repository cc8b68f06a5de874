import { Type } from 'typebox';
import { defineEvent, defineModule, defineSubscriber } from '#kernel';

/** A test-only event and subscriber: the handler's one change is an audit record, so its commits can be counted. */
export const ThingCreated = defineEvent('evtest.thing.created', Type.Object({ n: Type.Integer(), fails: Type.Optional(Type.Boolean()) }));

/** Handler calls, committed or not, by event id. */
export const handlerCalls = new Map<string, number>();
/** Events whose handler stops failing (an administrator fixed the cause before retrying). */
export const healed = new Set<number>();

export const recordThing = defineSubscriber({
  id: 'evtest.record_thing',
  label: { zh: '记录测试事件', en: 'Record the test event' },
  event: ThingCreated,
  maxAttempts: 3,
  async handle(ctx, event) {
    handlerCalls.set(event.id, (handlerCalls.get(event.id) ?? 0) + 1);
    ctx.audit({
      action: 'evtest.thing.handled',
      objectType: 'evtest.thing',
      objectId: event.id,
      orgId: null,
      changes: { n: event.payload.n },
    });
    // A slow handler widens the window in which a second dispatcher could take the same delivery.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (event.payload.fails && !healed.has(event.payload.n)) throw new Error(`thing ${event.payload.n} cannot be recorded`);
  },
});

export const eventFixtureModule = defineModule({ id: 'evtest', tablePrefix: 'evt', events: [ThingCreated], subscribers: [recordThing] });
