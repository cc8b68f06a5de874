import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess } from '#kernel';
import { CreateTargetBody, UpdateTargetBody, UpdateTaskBody } from '../contract/report.schema.ts';
import { WorkPlanPermissions } from '../contract/permissions.ts';
import * as service from './plan-edit.service.ts';

const tags = ['work-plan'];
const access = { access: routeAccess.permission(WorkPlanPermissions.update) };

/** Editing an imported plan: tasks' titles and due dates, targets added, changed, removed. */
export function registerPlanEditRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.patch(
    '/api/work-plan/tasks/:id',
    {
      schema: { tags, summary: '修改任务（标题、完成时限）', params: IdParams, body: UpdateTaskBody, response: { 204: Type.Null() } },
      config: access,
    },
    async (req, reply) => {
      await service.updateTask(req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/work-plan/tasks/:id/targets',
    {
      schema: {
        tags,
        summary: '为任务添加量化指标',
        params: IdParams,
        body: CreateTargetBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: access,
    },
    async (req, reply) => reply.code(201).send(await service.createTarget(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/api/work-plan/targets/:id',
    {
      schema: { tags, summary: '修改量化指标', params: IdParams, body: UpdateTargetBody, response: { 204: Type.Null() } },
      config: access,
    },
    async (req, reply) => {
      await service.updateTarget(req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/work-plan/targets/:id',
    {
      schema: { tags, summary: '删除量化指标（尚无报送数值时）', params: IdParams, response: { 204: Type.Null() } },
      config: access,
    },
    async (req, reply) => {
      await service.deleteTarget(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
