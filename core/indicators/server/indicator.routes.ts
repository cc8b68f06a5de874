import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { routeAccess } from '#kernel';
import { IndicatorInfo, IndicatorValue, IndicatorValueQuery } from '../contract/indicator.schema.ts';
import { IndicatorPermissions } from '../contract/permissions.ts';
import * as service from './indicator.service.ts';

const tags = ['indicators'];

export function registerIndicatorRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/indicators',
    {
      schema: { tags, summary: '全部指标', response: { 200: Type.Array(IndicatorInfo) } },
      config: { access: routeAccess.permission(IndicatorPermissions.read) },
    },
    () => service.listIndicators(),
  );

  app.get(
    '/api/indicators/:id/value',
    {
      schema: {
        tags,
        summary: '某机构及其下级在某时段的指标值',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: IndicatorValueQuery,
        response: { 200: IndicatorValue },
      },
      config: { access: routeAccess.permission(IndicatorPermissions.read) },
    },
    (req) => service.computeIndicator(req.ctx, req.params.id, req.query),
  );
}
