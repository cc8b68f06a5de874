import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '#kernel';
import { INTERNAL_ERROR, RequestErrors } from './request-errors.ts';
import { messageFor } from './messages.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_many: 429,
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
 * Refusals by the database that a request caused, not the server: a unique or primary key
 * violation is a duplicate that slipped past a service's own check (two creates at once on
 * PostgreSQL); a text PostgreSQL cannot store is caught at the door already, this is the net.
 */
const DATABASE_REFUSALS = new Map<string, { status: number; code: string }>([
  ['23505', { status: 409, code: RequestErrors.duplicate.code }],
  ['SQLITE_CONSTRAINT_UNIQUE', { status: 409, code: RequestErrors.duplicate.code }],
  ['SQLITE_CONSTRAINT_PRIMARYKEY', { status: 409, code: RequestErrors.duplicate.code }],
  ['22021', { status: 400, code: RequestErrors.invalidText.code }],
  ['22P05', { status: 400, code: RequestErrors.invalidText.code }],
]);

/**
 * An error raised by the multipart parser itself (no boundary, a part cut short, the closing
 * delimiter never sent) while it read an upload: the client's framing, not the server, is at
 * fault. @fastify/multipart's own errors carry a status; busboy's are plain Errors, known by
 * where they were made. A TypeError there would be our misconfiguration and stays a 500.
 */
function isMultipartFramingError(error: Error, req: FastifyRequest): boolean {
  if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return false;
  if ((error as FastifyError).code === 'FST_MP_PREMATURE_CLOSE') return true;
  return !(error instanceof TypeError) && !(error as FastifyError).statusCode && /[\\/]@fastify[\\/]busboy[\\/]/.test(error.stack ?? '');
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
        field:
          (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
          String((v.params as { missingProperty?: string })?.missingProperty ?? ''),
        rule: v.keyword,
        message: v.message ?? '',
      }));
      body = problem(400, RequestErrors.invalid.code, { fields, in: (error as FastifyError).validationContext }, req.url);
    } else if ((error as FastifyError).statusCode === 429) {
      body = problem(429, RequestErrors.rateLimited.code, {}, req.url);
    } else if (isMultipartFramingError(error, req)) {
      body = problem(400, RequestErrors.malformedMultipart.code, {}, req.url);
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      const e = error as FastifyError;
      const code =
        e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? RequestErrors.bodyTooLarge.code
          : e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? RequestErrors.unsupportedMediaType.code
            : e.code?.startsWith('FST_ERR_CTP')
              ? RequestErrors.malformedBody.code
              : RequestErrors.invalid.code;
      body = problem(e.statusCode!, code, {}, req.url);
    } else if (DATABASE_REFUSALS.has((error as { code?: string }).code ?? '')) {
      const refusal = DATABASE_REFUSALS.get((error as { code: string }).code)!;
      // The driver's message and detail name the row's values; the code and constraint are enough.
      req.log.warn(
        { dbCode: (error as { code: string }).code, constraint: (error as { constraint?: string }).constraint },
        'database refused a write',
      );
      body = problem(refusal.status, refusal.code, {}, req.url);
    } else {
      req.log.error({ err: error }, 'unhandled error');
      body = problem(500, INTERNAL_ERROR, {}, req.url);
    }
    // A refusal that says how long to wait (a sign-in delay) tells HTTP clients too (RFC 9110 §10.2.3).
    const retryAfter = body.params?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) void reply.header('retry-after', String(Math.ceil(retryAfter)));
    return reply.code(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    // Console paths (/users, /orgs/…) are client-side routes: the console's index.html answers them.
    if (consoleHtml && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consoleHtml());
    }
    reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, RequestErrors.routeNotFound.code, { method: req.method }, req.url));
  });
}

// Errors Fastify raises before a route is found; everything else reaches the error handler.
const FRAMEWORK_ERRORS = new Map<string, { status: number; code: string }>([
  ['FST_ERR_BAD_URL', { status: 400, code: RequestErrors.malformedUrl.code }],
  ['FST_ERR_MAX_PARAM_LENGTH', { status: 414, code: RequestErrors.urlTooLong.code }],
]);

/** Fastify's `frameworkErrors` option: a malformed URL answers problem+json like every other error. */
export function answerFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const known = FRAMEWORK_ERRORS.get(error.code);
  if (!known) req.log.error({ err: error }, 'framework error');
  const body = problem(known?.status ?? 500, known?.code ?? INTERNAL_ERROR, {}, req.url);
  // Sent before any route's hooks run, so the no-store rule is applied here by hand.
  void reply.code(body.status).type('application/problem+json').header('cache-control', 'no-store').send(body);
}

// Errors Node's HTTP parser raises before Fastify sees a request (raw bytes in the request line, a broken head).
const CLIENT_ERRORS = new Map<string, { status: number; code: string }>([
  ['HPE_INVALID_URL', { status: 400, code: RequestErrors.malformedUrl.code }],
  ['HPE_HEADER_OVERFLOW', { status: 431, code: RequestErrors.headersTooLarge.code }],
  ['ERR_HTTP_REQUEST_TIMEOUT', { status: 408, code: RequestErrors.timeout.code }],
]);

/**
 * Fastify's `clientErrorHandler` option: writes the problem straight to the socket, as Node would
 * its bare 400. Logs only the parser's code: the error's rawPacket holds the request as sent,
 * query string (an ID number searched for) included.
 */
export function answerClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS.get(error.code ?? '') ?? { status: 400, code: RequestErrors.malformedRequest.code };
  this.log.debug({ parserCode: error.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(problem(known.status, known.code));
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
