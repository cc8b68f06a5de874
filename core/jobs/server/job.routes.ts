import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery, routeAccess } from '#kernel';
import { JobIdParams, JobInfo, JobRun } from '../contract/job.schema.ts';
import { JobPermissions } from '../contract/permissions.ts';
import * as service from './job.service.ts';

const tags = ['jobs'];

export function registerJobRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = { access: routeAccess.permission(JobPermissions.read) };
  const run = { access: routeAccess.permission(JobPermissions.run) };

  app.get(
    '/api/jobs',
    {
      schema: { tags, summary: '定时任务及其最近一次运行', response: { 200: Type.Array(JobInfo) } },
      config: read,
    },
    (req) => service.listJobs(req.ctx),
  );

  app.get(
    '/api/jobs/:id/runs',
    {
      schema: {
        tags,
        summary: '定时任务的运行记录（最新在前）',
        params: JobIdParams,
        querystring: PageQuery,
        response: { 200: Page(JobRun) },
      },
      config: read,
    },
    (req) => service.listJobRuns(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/jobs/:id/run',
    {
      schema: { tags, summary: '立即运行（由下一次调度执行）', params: JobIdParams, response: { 200: JobInfo } },
      config: run,
    },
    (req) => service.triggerJob(req.ctx, req.params.id),
  );

  app.post(
    '/api/jobs/:id/pause',
    {
      schema: { tags, summary: '暂停定时任务', params: JobIdParams, response: { 200: JobInfo } },
      config: run,
    },
    (req) => service.pauseJob(req.ctx, req.params.id),
  );

  app.post(
    '/api/jobs/:id/resume',
    {
      schema: { tags, summary: '恢复定时任务', params: JobIdParams, response: { 200: JobInfo } },
      config: run,
    },
    (req) => service.resumeJob(req.ctx, req.params.id),
  );
}
