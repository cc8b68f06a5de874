import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page, routeAccess } from '#kernel';
import { AuditEvent, AuditQuery, ChainReport, VerifyChainBody } from '../contract/audit.schema.ts';
import { AuditPermissions } from '../contract/permissions.ts';
import { sendXlsx, XlsxResponse } from '#kernel/xlsx-export.ts';
import * as service from './audit.service.ts';
import { AuditExportQuery, exportAuditEvents } from './audit.export.ts';

const tags = ['audit'];

export function registerAuditRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/audit/events',
    {
      schema: { tags, summary: '审计记录（本人可见机构范围内，最新在前）', querystring: AuditQuery, response: { 200: Page(AuditEvent) } },
      config: { access: routeAccess.permission(AuditPermissions.readEvents) },
    },
    (req) => service.listAuditEvents(req.ctx, req.query),
  );

  app.get(
    '/api/audit/events/export',
    {
      schema: { tags, summary: '导出审计记录（全部筛选结果，XLSX）', querystring: AuditExportQuery, response: XlsxResponse },
      // A HEAD request would run the whole export, and audit it, to send no body.
      exposeHeadRoute: false,
      config: { access: routeAccess.permission(AuditPermissions.readEvents) },
    },
    async (req, reply) => sendXlsx(reply, await exportAuditEvents(req.ctx, req.query)),
  );

  app.get(
    '/api/audit/events/:id',
    {
      schema: { tags, summary: '审计记录详情', params: IdParams, response: { 200: AuditEvent } },
      config: { access: routeAccess.permission(AuditPermissions.readEvents) },
    },
    (req) => service.getAuditEvent(req.ctx, req.params.id),
  );

  app.post(
    '/api/audit/verify',
    {
      schema: { tags, summary: '校验审计哈希链（SM3），可核对 SM2 签名的检查点', body: VerifyChainBody, response: { 200: ChainReport } },
      config: { access: routeAccess.permission(AuditPermissions.verifyChain) },
      // The body is optional (the console sends none); Fastify would refuse a missing one as "not an object".
      preValidation: (req, _reply, done) => {
        req.body ??= {};
        done();
      },
    },
    (req) =>
      service.verifyAuditChain(req.ctx, {
        silentGapDays: req.body.silentGapDays,
        checkpoints: req.body.checkpoints?.map((checkpoint, i) => ({ line: i + 1, checkpoint })),
      }),
  );
}
