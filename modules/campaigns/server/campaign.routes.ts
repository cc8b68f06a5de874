import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, routeAccess } from '#kernel';
import { ExportLanguageQuery, sendXlsx, XlsxResponse } from '#kernel/xlsx-export.ts';
import {
  ApplicationPage,
  ApplicationQuery,
  ApplicationView,
  CampaignView,
  CreateCampaignBody,
  QuotaUse,
  SubmitApplicationBody,
  UpdateCampaignBody,
} from '../contract/campaign.schema.ts';
import { CampaignStats } from '../contract/outcome.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import * as campaigns from './campaign.service.ts';
import * as applications from './application.service.ts';
import { campaignStats, exportWinners } from './stats.service.ts';

const tags = ['campaigns'];

export function registerCampaignRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: routeAccess.permission(CampaignPermissions.manage) };

  app.get(
    '/api/campaigns',
    {
      schema: { tags, summary: '评选活动：本人组织、审核或可参加的', response: { 200: Type.Array(CampaignView) } },
      config: { access: routeAccess.session },
    },
    (req) => campaigns.listCampaigns(req.ctx),
  );

  app.post(
    '/api/campaigns',
    {
      schema: { tags, summary: '按预设新建评选活动（草稿）', body: CreateCampaignBody, response: { 201: CampaignView } },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await campaigns.createCampaign(req.ctx, req.body)),
  );

  app.get(
    '/api/campaigns/:id',
    {
      schema: { tags, summary: '评选活动详情', params: IdParams, response: { 200: CampaignView } },
      config: { access: routeAccess.session },
    },
    (req) => campaigns.getCampaign(req.ctx, req.params.id),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: '修改评选活动（规则仅草稿可改）',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: CampaignView },
      },
      config: manage,
    },
    (req) => campaigns.updateCampaign(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/campaigns/:id/open',
    {
      schema: { tags, summary: '开始申报', params: IdParams, response: { 200: CampaignView } },
      config: manage,
    },
    (req) => campaigns.advanceCampaign(req.ctx, req.params.id, 'open'),
  );

  app.post(
    '/api/campaigns/:id/close',
    {
      schema: { tags, summary: '截止申报，进入评审', params: IdParams, response: { 200: CampaignView } },
      config: manage,
    },
    (req) => campaigns.advanceCampaign(req.ctx, req.params.id, 'reviewing'),
  );

  app.get(
    '/api/campaigns/:id/applications',
    {
      schema: {
        tags,
        summary: '活动的申报（本人可见范围内）',
        params: IdParams,
        querystring: ApplicationQuery,
        response: { 200: ApplicationPage },
      },
      config: { access: routeAccess.session },
    },
    (req) => applications.listApplications(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/campaigns/:id/applications',
    {
      schema: { tags, summary: '申报（晒课）', params: IdParams, body: SubmitApplicationBody, response: { 201: ApplicationView } },
      config: { access: routeAccess.permission(CampaignPermissions.apply) },
    },
    async (req, reply) => reply.code(201).send(await applications.submitApplication(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/campaigns/:id/quotas',
    {
      schema: { tags, summary: '本级推荐名额：收到、已推荐、可推荐', params: IdParams, response: { 200: Type.Array(QuotaUse) } },
      config: { access: routeAccess.permission(CampaignPermissions.recommend) },
    },
    (req) => applications.quotaUse(req.ctx, req.params.id),
  );

  app.get(
    '/api/campaigns/:id/stats',
    {
      schema: { tags, summary: '按省份、类别统计申报、推荐、入选数', params: IdParams, response: { 200: CampaignStats } },
      config: { access: routeAccess.session },
    },
    (req) => campaignStats(req.ctx, req.params.id),
  );

  app.get(
    '/api/campaigns/:id/winners',
    {
      schema: { tags, summary: '导出入选名单（XLSX）', params: IdParams, querystring: ExportLanguageQuery, response: XlsxResponse },
      exposeHeadRoute: false,
      config: manage,
    },
    async (req, reply) => sendXlsx(reply, await exportWinners(req.ctx, req.params.id, req.query.lang === 'en' ? 'en' : 'zh')),
  );

  app.get(
    '/api/campaigns/applications/mine',
    {
      schema: { tags, summary: '本人的申报', response: { 200: Type.Array(ApplicationView) } },
      config: { access: routeAccess.session },
    },
    (req) => applications.myApplications(req.ctx),
  );

  app.get(
    '/api/campaigns/applications/:id',
    {
      schema: { tags, summary: '申报详情', params: IdParams, response: { 200: ApplicationView } },
      config: { access: routeAccess.session },
    },
    (req) => applications.getApplication(req.ctx, req.params.id),
  );
}
