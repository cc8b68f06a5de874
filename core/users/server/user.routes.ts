import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page, routeAccess } from '#kernel';
import { CreatedUser, CreateUserBody, PasswordReset, UpdateUserBody, User, UserListQuery } from '../contract/user.schema.ts';
import { UserPermissions } from '../contract/permissions.ts';
import { sendXlsx, XlsxResponse } from '#kernel/xlsx-export.ts';
import * as service from './user.service.ts';
import { exportUsers, UserExportQuery } from './user.export.ts';

const tags = ['users'];

export function registerUserRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/users',
    {
      schema: { tags, summary: '用户列表（本人可见范围内）', querystring: UserListQuery, response: { 200: Page(User) } },
      config: { access: routeAccess.permission(UserPermissions.read) },
    },
    (req) => service.listUsers(req.ctx, req.query),
  );

  app.get(
    '/api/users/export',
    {
      schema: {
        tags,
        summary: '导出用户（全部筛选结果，XLSX，证件号和手机号仅脱敏值）',
        querystring: UserExportQuery,
        response: XlsxResponse,
      },
      // A HEAD request would run the whole export, and audit it, to send no body.
      exposeHeadRoute: false,
      config: { access: routeAccess.permission(UserPermissions.read) },
    },
    async (req, reply) => sendXlsx(reply, await exportUsers(req.ctx, req.query)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User } },
      config: { access: routeAccess.permission(UserPermissions.read) },
    },
    (req) => service.getUser(req.ctx, req.params.id),
  );

  app.post(
    '/api/users',
    {
      schema: { tags, summary: '新建实名用户', body: CreateUserBody, response: { 201: CreatedUser } },
      config: { access: routeAccess.permission(UserPermissions.create) },
    },
    async (req, reply) => reply.code(201).send(await service.createUser(req.ctx, req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: { tags, summary: '修改用户', params: IdParams, body: UpdateUserBody, response: { 200: User } },
      config: { access: routeAccess.permission(UserPermissions.update) },
    },
    (req) => service.updateUser(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: { tags, summary: '重置密码（生成一次性密码）', params: IdParams, response: { 200: PasswordReset } },
      config: { access: routeAccess.permission(UserPermissions.resetPassword) },
    },
    (req) => service.resetPassword(req.ctx, req.params.id),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags, summary: '解除锁定', params: IdParams, response: { 200: User } },
      config: { access: routeAccess.permission(UserPermissions.unlock) },
    },
    (req) => service.unlockUser(req.ctx, req.params.id),
  );
}
