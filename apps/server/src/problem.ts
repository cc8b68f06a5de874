import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorKind } from '#kernel';
import { messageFor } from './messages.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, locked: 423, too_many: 429,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  params?: Record<string, unknown>;
  instance?: string;
}

function problem(status: number, code: string, params?: Record<string, unknown>, instance?: string): Problem {
  return {
    type: `urn:educloud:problem:${code}`,
    title: messageFor(code, params, 'en'),
    status,
    code,
    detail: messageFor(code, params, 'zh-CN'),
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
    ...(instance ? { instance } : {}),
  };
}

/**
 * Every error leaves as RFC 9457 problem+json with a stable code. Domain errors keep their
 * code and params; validation errors list the failing fields; anything unexpected is logged
 * and answered with a bare 500 that reveals nothing.
 */
export function registerProblemHandlers(app: FastifyInstance, consoleHtml: (() => string) | null = null): void {
  app.setErrorHandler((error: FastifyError | DomainError, req, reply) => {
    let body: Problem;
    if (error instanceof DomainError) {
      body = problem(STATUS[error.kind], error.code, error.params, req.url);
    } else if ((error as FastifyError).validation) {
      const fields = (error as FastifyError).validation!.map((v) => ({
        field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String((v.params as { missingProperty?: string })?.missingProperty ?? ''),
        rule: v.keyword,
        message: v.message ?? '',
      }));
      body = problem(400, 'request.invalid', { fields, in: (error as FastifyError).validationContext }, req.url);
    } else if ((error as FastifyError).statusCode === 429) {
      body = problem(429, 'request.rate_limited', {}, req.url);
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      const e = error as FastifyError;
      const code = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request.body_too_large'
        : e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'request.unsupported_media_type'
        : e.code?.startsWith('FST_ERR_CTP') ? 'request.malformed_body' : 'request.invalid';
      body = problem(e.statusCode!, code, {}, req.url);
    } else {
      req.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'internal', {}, req.url);
    }
    return reply.code(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    // Console paths (/users, /orgs/…) are client-side routes: the console's index.html answers them.
    if (consoleHtml && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consoleHtml());
    }
    reply.code(404).type('application/problem+json').send(problem(404, 'request.route_not_found', { method: req.method }, req.url));
  });
}
