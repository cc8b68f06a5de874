import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, routeAccess } from '#kernel';
import { Grant, GrantBody, GrantQuery, PermissionInfo, Role, RoleBody, RolePatch } from '../contract/access.schema.ts';
import { AccessPermissions } from '../contract/permissions.ts';
import * as service from './access.service.ts';

const tags = ['access'];

export function registerAccessRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/access/permissions',
    {
      schema: { tags, summary: '全部权限（按模块）', response: { 200: Type.Array(PermissionInfo) } },
      config: { access: routeAccess.permission(AccessPermissions.readRoles) },
    },
    (req) => service.listPermissions(req.ctx),
  );

  app.get(
    '/api/access/roles',
    {
      schema: { tags, summary: '角色列表', response: { 200: Type.Array(Role) } },
      config: { access: routeAccess.permission(AccessPermissions.readRoles) },
    },
    (req) => service.listRoles(req.ctx),
  );

  app.post(
    '/api/access/roles',
    {
      schema: { tags, summary: '新建自定义角色', body: RoleBody, response: { 201: Role } },
      config: { access: routeAccess.permission(AccessPermissions.manageRoles) },
    },
    async (req, reply) => reply.code(201).send(await service.createRole(req.ctx, req.body)),
  );

  app.patch(
    '/api/access/roles/:id',
    {
      schema: { tags, summary: '修改自定义角色', params: IdParams, body: RolePatch, response: { 200: Role } },
      config: { access: routeAccess.permission(AccessPermissions.manageRoles) },
    },
    (req) => service.updateRole(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/access/roles/:id',
    {
      schema: { tags, summary: '删除未被授予的自定义角色', params: IdParams, response: { 204: Type.Null() } },
      config: { access: routeAccess.permission(AccessPermissions.manageRoles) },
    },
    async (req, reply) => {
      await service.deleteRole(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/access/grants',
    {
      schema: { tags, summary: '授权列表（本人可见范围内）', querystring: GrantQuery, response: { 200: Page(Grant) } },
      config: { access: routeAccess.permission(AccessPermissions.readGrants) },
    },
    (req) => service.listGrants(req.ctx, req.query),
  );

  app.post(
    '/api/access/grants',
    {
      schema: { tags, summary: '在机构上授予角色', body: GrantBody, response: { 201: Grant } },
      config: { access: routeAccess.permission(AccessPermissions.manageGrants) },
    },
    async (req, reply) => reply.code(201).send(await service.createGrant(req.ctx, req.body)),
  );

  app.delete(
    '/api/access/grants/:id',
    {
      schema: { tags, summary: '撤销授权', params: IdParams, response: { 204: Type.Null() } },
      config: { access: routeAccess.permission(AccessPermissions.manageGrants) },
    },
    async (req, reply) => {
      await service.revokeGrant(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
