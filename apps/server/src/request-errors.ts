import { defineErrors } from '#kernel';

/**
 * The codes the HTTP layer itself answers with (problem.ts, request-hygiene.ts): refusals of a
 * request's form before any module sees it. Their words are in core/auth/locales, which the
 * console always loads. `internal` (an unexpected failure) is the one code without a prefix.
 */
export const RequestErrors = defineErrors('request', {
  invalid: { code: 'request.invalid', kind: 'invalid', params: ['fields?', 'in?'] },
  routeNotFound: { code: 'request.route_not_found', kind: 'not_found', params: ['method'] },
  rateLimited: { code: 'request.rate_limited', kind: 'too_many' },
  bodyTooLarge: { code: 'request.body_too_large', kind: 'invalid' },
  unsupportedMediaType: { code: 'request.unsupported_media_type', kind: 'invalid' },
  malformedBody: { code: 'request.malformed_body', kind: 'invalid' },
  malformedUrl: { code: 'request.malformed_url', kind: 'invalid' },
  urlTooLong: { code: 'request.url_too_long', kind: 'invalid' },
  malformedRequest: { code: 'request.malformed_request', kind: 'invalid' },
  headersTooLarge: { code: 'request.headers_too_large', kind: 'invalid' },
  timeout: { code: 'request.timeout', kind: 'invalid' },
  invalidText: { code: 'request.invalid_text', kind: 'invalid', params: ['in', 'field'] },
  malformedMultipart: { code: 'request.malformed_multipart', kind: 'invalid' },
  duplicate: { code: 'request.duplicate', kind: 'conflict' },
});

export const INTERNAL_ERROR = 'internal';
