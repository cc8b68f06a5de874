import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess } from '#kernel';
import { PlanComparison, PlanDashboard, ReportView, ReviewReportBody, SubmitReportBody, TaskProgress } from '../contract/report.schema.ts';
import { planDashboard } from './dashboard.service.ts';
import { exportLedger } from './ledger.export.ts';
import { comparePlans } from './compare.service.ts';
import { ExportLanguageQuery, sendXlsx, XlsxResponse } from '#kernel/xlsx-export.ts';
import { ReportPermissions, WorkPlanPermissions } from '../contract/permissions.ts';
import * as service from './report.service.ts';

const tags = ['work-plan'];

export function registerReportRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/work-plan/plans/:id/dashboard',
    {
      schema: { tags, summary: '工作要点完成情况：按方面、责任单位统计任务状态', params: IdParams, response: { 200: PlanDashboard } },
      config: { access: routeAccess.permission(WorkPlanPermissions.read) },
    },
    (req) => planDashboard(req.ctx, req.params.id),
  );

  app.get(
    '/api/work-plan/plans/:id/ledger',
    {
      schema: {
        tags,
        summary: '导出工作要点台账（XLSX：每个量化指标一行，含责任单位、目标、当前值、状态）',
        params: IdParams,
        querystring: ExportLanguageQuery,
        response: XlsxResponse,
      },
      exposeHeadRoute: false,
      config: { access: routeAccess.permission(WorkPlanPermissions.read) },
    },
    async (req, reply) => sendXlsx(reply, await exportLedger(req.ctx, req.params.id, req.query.lang === 'en' ? 'en' : 'zh')),
  );

  app.get(
    '/api/work-plan/plans/:id/compare',
    {
      schema: {
        tags,
        summary: '与往年工作要点对比：延续的任务及量化指标的变化',
        params: IdParams,
        querystring: Type.Object({ with: Type.String({ maxLength: 40, description: '对比的往年计划' }) }),
        response: { 200: PlanComparison },
      },
      config: { access: routeAccess.permission(WorkPlanPermissions.read) },
    },
    (req) => comparePlans(req.ctx, req.params.id, req.query.with),
  );

  app.get(
    '/api/work-plan/my-tasks',
    {
      schema: { tags, summary: '本单位须报送进展的任务', response: { 200: Type.Array(TaskProgress) } },
      config: { access: routeAccess.permission(ReportPermissions.submit) },
    },
    (req) => service.myTasks(req.ctx),
  );

  app.get(
    '/api/work-plan/tasks/:id/progress',
    {
      schema: { tags, summary: '任务进展：量化指标完成情况与状态', params: IdParams, response: { 200: TaskProgress } },
      config: { access: routeAccess.session },
    },
    (req) => service.taskProgress(req.ctx, req.params.id),
  );

  app.get(
    '/api/work-plan/tasks/:id/reports',
    {
      schema: { tags, summary: '任务的进展报告', params: IdParams, response: { 200: Type.Array(ReportView) } },
      config: { access: routeAccess.session },
    },
    (req) => service.listReports(req.ctx, req.params.id),
  );

  app.post(
    '/api/work-plan/tasks/:id/reports',
    {
      schema: { tags, summary: '报送进展', params: IdParams, body: SubmitReportBody, response: { 201: ReportView } },
      config: { access: routeAccess.permission(ReportPermissions.submit) },
    },
    async (req, reply) => reply.code(201).send(await service.submitReport(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/work-plan/reports/:id/review',
    {
      schema: { tags, summary: '审阅进展报告（通过或退回）', params: IdParams, body: ReviewReportBody, response: { 200: ReportView } },
      config: { access: routeAccess.permission(ReportPermissions.review) },
    },
    (req) => service.reviewReport(req.ctx, req.params.id, req.body),
  );
}
