import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess } from '#kernel';
import { ImportPlanBody, ImportPlanResult, PlanDetail, PlanSummary, UnitMappingBody, UnitView } from '../contract/plan.schema.ts';
import { WorkPlanPermissions } from '../contract/permissions.ts';
import * as service from './plan.service.ts';

const tags = ['work-plan'];

export function registerPlanRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/work-plan/plans',
    {
      schema: { tags, summary: '工作要点列表', response: { 200: Type.Array(PlanSummary) } },
      config: { access: routeAccess.permission(WorkPlanPermissions.read) },
    },
    (req) => service.listPlans(req.ctx),
  );

  app.get(
    '/api/work-plan/plans/:id',
    {
      schema: { tags, summary: '工作要点全文结构：目标、方面、任务、责任单位、量化指标', params: IdParams, response: { 200: PlanDetail } },
      config: { access: routeAccess.permission(WorkPlanPermissions.read) },
    },
    (req) => service.getPlan(req.ctx, req.params.id),
  );

  app.post(
    '/api/work-plan/plans/import',
    {
      schema: { tags, summary: '导入工作要点文本', body: ImportPlanBody, response: { 201: ImportPlanResult } },
      config: { access: routeAccess.permission(WorkPlanPermissions.import) },
    },
    async (req, reply) => reply.code(201).send(await service.importPlan(req.ctx, req.body)),
  );

  app.put(
    '/api/work-plan/unit-mappings',
    {
      schema: { tags, summary: '把责任单位名称对应到机构或机构类型（按发文机构记住）', body: UnitMappingBody, response: { 200: UnitView } },
      config: { access: routeAccess.permission(WorkPlanPermissions.mapUnits) },
    },
    (req) => service.mapUnit(req.ctx, req.body),
  );
}
