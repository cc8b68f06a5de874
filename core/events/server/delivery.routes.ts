import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Page, routeAccess, type Host } from '#kernel';
import { DeliveryIdParams, DeliveryListQuery, DeliveryView } from '../contract/delivery.schema.ts';
import { EventPermissions } from '../contract/permissions.ts';
import * as service from './delivery.service.ts';

const tags = ['events'];

export function registerDeliveryRoutes(fastify: FastifyInstance, host: Host): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = { access: routeAccess.permission(EventPermissions.read) };
  const manage = { access: routeAccess.permission(EventPermissions.manage) };

  app.get(
    '/api/events/deliveries',
    {
      schema: { tags, summary: '事件投递记录（默认只列死信）', querystring: DeliveryListQuery, response: { 200: Page(DeliveryView) } },
      config: read,
    },
    (req) => service.listDeliveries(req.ctx, host, req.query),
  );

  app.post(
    '/api/events/deliveries/:id/retry',
    {
      schema: { tags, summary: '重新投递一条死信', params: DeliveryIdParams, response: { 200: DeliveryView } },
      config: manage,
    },
    (req) => service.retryDelivery(req.ctx, host, req.params.id),
  );

  app.post(
    '/api/events/deliveries/:id/discard',
    {
      schema: { tags, summary: '放弃一条死信', params: DeliveryIdParams, response: { 200: DeliveryView } },
      config: manage,
    },
    (req) => service.discardDelivery(req.ctx, host, req.params.id),
  );
}
