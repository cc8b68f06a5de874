import { Type, type Static } from 'typebox';
import { IdParams } from '#kernel/http.ts';
import { PageQuery } from '#kernel/paging.ts';

const NullableText = (options: { description?: string } = {}) => Type.Union([Type.String(options), Type.Null()]);

export const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('dead'),
  Type.Literal('discarded'),
]);
export type DeliveryStatus = Static<typeof DeliveryStatus>;

/** One event's delivery to one subscriber. */
export const DeliveryView = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: Type.String({ description: '`<module>.<resource>.<past tense>`' }),
  payload: Type.Unknown({ description: 'the event as published (ids and names; never secrets)' }),
  occurredAt: Type.String(),
  publishedBy: Type.String({ description: 'the actor whose change published the event' }),
  subscriberId: Type.String(),
  subscriberLabel: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  status: DeliveryStatus,
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Type.String(),
  lastError: NullableText({ description: "the latest failure's message; never a stack trace" }),
  updatedAt: Type.String(),
});
export type DeliveryView = Static<typeof DeliveryView>;

/** Paging, and which deliveries: dead ones (the dead-letter view) unless `status` says otherwise. */
export const DeliveryListQuery = Type.Object({ status: Type.Optional(DeliveryStatus), ...PageQuery.properties });
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const DeliveryIdParams = IdParams;
export type DeliveryIdParams = IdParams;
