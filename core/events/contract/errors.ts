import { defineErrors } from '#kernel';

/** Every code core/events throws, with its params; the words are in ../locales. */
export const EventErrors = defineErrors('events', {
  deliveryNotFound: { code: 'events.delivery_not_found', kind: 'not_found', params: ['id'] },
  deliveryNotDead: { code: 'events.delivery_not_dead', kind: 'conflict', params: ['id', 'status'] },
});
