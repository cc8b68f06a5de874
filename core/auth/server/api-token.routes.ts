import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, routeAccess } from '#kernel';
import { ApiToken, CreatedApiToken, CreateMyTokenBody, CreateTokenBody, TokenQuery } from '../contract/api-token.schema.ts';
import { AuthPermissions } from '../contract/permissions.ts';
import * as service from './api-token.service.ts';
import { sessionAuthOf as authOf } from './auth.plugin.ts';

const tags = ['auth'];
/** Token management is for a signed-in person in a browser: a token cannot list, make or revoke tokens. */
const ownSession = { session: true } as const;
const manageTokens = routeAccess.browserPermission(AuthPermissions.manageTokens);

/** API tokens: one's own under /api/me/tokens, service accounts' under /api/auth/tokens (ADR 0008). */
export function registerApiTokenRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/me/tokens',
    {
      schema: { tags, summary: '我的 API 令牌', response: { 200: Type.Array(ApiToken) } },
      config: { access: ownSession },
    },
    (req) => service.listOwnTokens(req.ctx, authOf(req).user.id),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: { tags, summary: '新建本人的 API 令牌（令牌只返回这一次）', body: CreateMyTokenBody, response: { 201: CreatedApiToken } },
      config: { access: ownSession },
    },
    async (req, reply) => reply.code(201).send(await service.createOwnToken(req.ctx, authOf(req).user, req.body)),
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: { tags, summary: '撤销本人的 API 令牌', params: IdParams, response: { 204: Type.Null() } },
      config: { access: ownSession },
    },
    async (req, reply) => {
      await service.revokeOwnToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: { tags, summary: 'API 令牌列表（本人管理范围内的账号）', querystring: TokenQuery, response: { 200: Page(ApiToken) } },
      config: { access: manageTokens },
    },
    (req) => service.listTokens(req.ctx, req.query),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: { tags, summary: '为服务账号新建 API 令牌（令牌只返回这一次）', body: CreateTokenBody, response: { 201: CreatedApiToken } },
      config: { access: manageTokens },
    },
    async (req, reply) => reply.code(201).send(await service.createTokenFor(req.ctx, req.body)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: { tags, summary: '撤销 API 令牌', params: IdParams, response: { 204: Type.Null() } },
      config: { access: manageTokens },
    },
    async (req, reply) => {
      await service.revokeToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
