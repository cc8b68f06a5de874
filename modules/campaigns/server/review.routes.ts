import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess } from '#kernel';
import {
  AddExpertsBody,
  DrawBody,
  DrawResult,
  ExpertCandidate,
  ExpertCandidateQuery,
  ExpertView,
  ReviewView,
  SubmitReviewBody,
} from '../contract/review.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import * as service from './review.service.ts';

const tags = ['campaigns'];

export function registerReviewRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: routeAccess.permission(CampaignPermissions.manage) };

  app.get(
    '/api/campaigns/:id/experts',
    {
      schema: { tags, summary: '评审专家库', params: IdParams, response: { 200: Type.Array(ExpertView) } },
      config: manage,
    },
    (req) => service.listExperts(req.ctx, req.params.id),
  );

  app.get(
    '/api/campaigns/:id/expert-candidates',
    {
      schema: {
        tags,
        summary: '可加入专家库的评审专家（全平台，按账号或姓名查找，最多 20 位）',
        params: IdParams,
        querystring: ExpertCandidateQuery,
        response: { 200: Type.Array(ExpertCandidate) },
      },
      config: manage,
    },
    (req) => service.expertCandidates(req.ctx, req.params.id, req.query.q),
  );

  app.post(
    '/api/campaigns/:id/experts',
    {
      schema: {
        tags,
        summary: '把专家加入某类别的专家库',
        params: IdParams,
        body: AddExpertsBody,
        response: { 200: Type.Array(ExpertView) },
      },
      config: manage,
    },
    (req) => service.addExperts(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/campaigns/:id/experts/:category/:userId',
    {
      schema: {
        tags,
        summary: '从专家库移除',
        params: Type.Object({
          id: Type.String({ maxLength: 40 }),
          category: Type.String({ maxLength: 40 }),
          userId: Type.String({ maxLength: 40 }),
        }),
        response: { 204: Type.Null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await service.removeExpert(req.ctx, req.params.id, req.params.category, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/campaigns/:id/draw',
    {
      schema: {
        tags,
        summary: '随机分配评审专家（回避本单位及下级，均衡工作量）',
        params: IdParams,
        body: DrawBody,
        response: { 200: DrawResult },
      },
      config: manage,
    },
    (req) => service.drawExperts(req.ctx, req.params.id, req.body.seed),
  );

  app.get(
    '/api/campaigns/reviews/mine',
    {
      schema: { tags, summary: '分配给本人的评审', response: { 200: Type.Array(ReviewView) } },
      config: { access: routeAccess.permission(CampaignPermissions.score) },
    },
    (req) => service.myReviews(req.ctx),
  );

  app.put(
    '/api/campaigns/reviews/:id',
    {
      schema: { tags, summary: '提交评分（按评分细则）', params: IdParams, body: SubmitReviewBody, response: { 200: ReviewView } },
      config: { access: routeAccess.permission(CampaignPermissions.score) },
    },
    (req) => service.submitReview(req.ctx, req.params.id, req.body),
  );
}
