import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, routeAccess } from '#kernel';
import { InboxItem, InboxQuery, NotificationIdParams, ReadAllResult, UnreadCount } from '../contract/notification.schema.ts';
import * as service from './notify.service.ts';
import { localeFromHeader } from './templates.ts';

const tags = ['notify'];

/** The signed-in user's inbox; every route reads or changes only the caller's own messages. */
export function registerNotifyRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/notify/inbox',
    {
      schema: { tags, summary: '我的消息（最新在前，按阅读者语言呈现）', querystring: InboxQuery, response: { 200: Page(InboxItem) } },
      config: { access: routeAccess.session },
    },
    (req) => service.listInbox(req.ctx, req.query, req.query.lang ?? localeFromHeader(req.headers['accept-language'])),
  );

  app.get(
    '/api/notify/inbox/unread-count',
    {
      schema: { tags, summary: '未读消息数', response: { 200: UnreadCount } },
      config: { access: routeAccess.session },
    },
    (req) => service.unreadCount(req.ctx),
  );

  app.post(
    '/api/notify/inbox/:id/read',
    {
      schema: { tags, summary: '标为已读', params: NotificationIdParams, response: { 204: Type.Null() } },
      config: { access: routeAccess.session },
    },
    async (req, reply) => {
      await service.markRead(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/notify/inbox/read-all',
    {
      schema: { tags, summary: '全部标为已读', response: { 200: ReadAllResult } },
      config: { access: routeAccess.session },
    },
    (req) => service.markAllRead(req.ctx),
  );
}
