import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, routeAccess } from '#kernel';
import { CreateOrgBody, MoveOrgBody, Org, OrgSearchQuery, UpdateOrgBody } from '../contract/org.schema.ts';
import { OrgPermissions } from '../contract/permissions.ts';
import { sendXlsx, XlsxResponse } from '#kernel/xlsx-export.ts';
import * as service from './org.service.ts';
import { exportOrgs, OrgExportQuery } from './org.export.ts';

const tags = ['orgs'];

export function registerOrgRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/orgs',
    {
      schema: { tags, summary: '搜索机构', querystring: OrgSearchQuery, response: { 200: Page(Org) } },
      config: { access: routeAccess.permission(OrgPermissions.read) },
    },
    (req) => service.searchOrgs(req.ctx, req.query),
  );

  app.get(
    '/api/orgs/export',
    {
      schema: { tags, summary: '导出机构（全部筛选结果，XLSX）', querystring: OrgExportQuery, response: XlsxResponse },
      // A HEAD request would run the whole export, and audit it, to send no body.
      exposeHeadRoute: false,
      config: { access: routeAccess.permission(OrgPermissions.read) },
    },
    async (req, reply) => sendXlsx(reply, await exportOrgs(req.ctx, req.query)),
  );

  app.get(
    '/api/orgs/roots',
    {
      schema: { tags, summary: '当前用户可见的顶层机构', response: { 200: Type.Array(Org) } },
      config: { access: routeAccess.permission(OrgPermissions.read) },
    },
    (req) => service.listRootsOf(req.ctx),
  );

  app.get(
    '/api/orgs/:id',
    {
      schema: { tags, summary: '机构详情', params: IdParams, response: { 200: Org } },
      config: { access: routeAccess.permission(OrgPermissions.read) },
    },
    async (req) => service.toOrg(await service.getOrg(req.ctx, req.params.id)),
  );

  app.get(
    '/api/orgs/:id/children',
    {
      schema: { tags, summary: '下级机构', params: IdParams, querystring: OrgSearchQuery, response: { 200: Page(Org) } },
      config: { access: routeAccess.permission(OrgPermissions.read) },
    },
    (req) => service.listChildren(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/orgs',
    {
      schema: { tags, summary: '新建机构', body: CreateOrgBody, response: { 201: Org } },
      config: { access: routeAccess.permission(OrgPermissions.create) },
    },
    async (req, reply) => reply.code(201).send(await service.createOrg(req.ctx, req.body)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      schema: { tags, summary: '修改机构名称、代码或学段', params: IdParams, body: UpdateOrgBody, response: { 200: Org } },
      config: { access: routeAccess.permission(OrgPermissions.update) },
    },
    (req) => service.updateOrg(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/orgs/:id/move',
    {
      schema: { tags, summary: '移动机构（连同下级）', params: IdParams, body: MoveOrgBody, response: { 200: Org } },
      config: { access: routeAccess.permission(OrgPermissions.move) },
    },
    (req) => service.moveOrg(req.ctx, req.params.id, req.body.parentId),
  );

  const Activation = Type.Object({ org: Org, affected: Type.Integer() });
  app.post(
    '/api/orgs/:id/deactivate',
    {
      schema: { tags, summary: '停用机构（连同下级）', params: IdParams, response: { 200: Activation } },
      config: { access: routeAccess.permission(OrgPermissions.deactivate) },
    },
    (req) => service.setOrgActive(req.ctx, req.params.id, false),
  );

  app.post(
    '/api/orgs/:id/activate',
    {
      schema: { tags, summary: '启用机构（连同下级）', params: IdParams, response: { 200: Activation } },
      config: { access: routeAccess.permission(OrgPermissions.deactivate) },
    },
    (req) => service.setOrgActive(req.ctx, req.params.id, true),
  );
}
