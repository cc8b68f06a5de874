import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess, type Host } from '#kernel';
import {
  BackfillResult,
  CertificateView,
  ObjectionBody,
  ObjectionView,
  PublicityBody,
  PublicList,
  ResolveObjectionBody,
  SelectionView,
} from '../contract/outcome.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import * as service from './outcome.service.ts';

const tags = ['campaigns'];

export function registerOutcomeRoutes(fastify: FastifyInstance, host: Host): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: routeAccess.permission(CampaignPermissions.manage) };

  app.post(
    '/api/campaigns/:id/selection',
    {
      schema: { tags, summary: '汇总评分并按名额和唯一性规则遴选', params: IdParams, response: { 200: SelectionView } },
      config: manage,
    },
    (req) => service.runSelection(req.ctx, req.params.id),
  );

  app.get(
    '/api/campaigns/:id/selection',
    {
      schema: { tags, summary: '遴选结果：排名、得分、未入选原因', params: IdParams, response: { 200: SelectionView } },
      config: manage,
    },
    (req) => service.selectionOf(req.ctx, req.params.id),
  );

  app.post(
    '/api/campaigns/:id/publicity',
    {
      schema: { tags, summary: '公示拟入选名单', params: IdParams, body: PublicityBody, response: { 204: Type.Null() } },
      config: manage,
    },
    async (req, reply) => {
      await service.startPublicity(req.ctx, req.params.id, req.body.days);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/campaigns/:id/objections',
    {
      schema: { tags, summary: '公示期异议', params: IdParams, response: { 200: Type.Array(ObjectionView) } },
      config: manage,
    },
    (req) => service.listObjections(req.ctx, req.params.id),
  );

  app.post(
    '/api/campaigns/objections/:id/resolve',
    {
      schema: {
        tags,
        summary: '处理异议（成立则该申报不予入选）',
        params: IdParams,
        body: ResolveObjectionBody,
        response: { 204: Type.Null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await service.resolveObjection(req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/campaigns/:id/backfill',
    {
      schema: { tags, summary: '异议成立后按排名递补，并重新公示递补入选者', params: IdParams, response: { 200: BackfillResult } },
      config: manage,
    },
    (req) => service.backfillSelection(req.ctx, req.params.id),
  );

  app.post(
    '/api/campaigns/:id/publish',
    {
      schema: {
        tags,
        summary: '公示期满、异议处理完毕后发布名单并颁发证书',
        params: IdParams,
        response: { 200: Type.Object({ certificates: Type.Integer() }) },
      },
      config: manage,
    },
    (req) => service.publishCampaign(req.ctx, req.params.id),
  );

  app.get(
    '/api/public/campaigns/:id',
    {
      schema: { tags, summary: '公示或已发布的名单（公开）', params: IdParams, response: { 200: PublicList } },
      config: { access: routeAccess.public },
    },
    (req) => service.publicList(req.ctx, req.params.id),
  );

  app.post(
    '/api/public/campaigns/:id/objections',
    {
      schema: {
        tags,
        summary: '对公示名单提出异议（实名，公开）',
        params: IdParams,
        body: ObjectionBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: { access: routeAccess.public, rateLimit: { max: 20, timeWindow: '1 hour' } },
    },
    async (req, reply) => reply.code(201).send(await service.fileObjection(req.ctx, host.fieldCipher, req.params.id, req.body)),
  );

  app.get(
    '/api/public/certificates/:number',
    {
      schema: {
        tags,
        summary: '核验证书（公开）',
        params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
        response: { 200: CertificateView },
      },
      config: { access: routeAccess.public },
    },
    (req) => service.verifyCertificate(req.ctx, req.params.number),
  );
}
