import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestErrors } from './request-errors.ts';

/** Where in a request a text was refused, and the dotted path of the field that held it. */
export interface UncleanText {
  in: 'body' | 'querystring' | 'params';
  field: string;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

// NUL cannot be stored in a PostgreSQL text column (and SQLite would keep it, so the engines
// would disagree); a lone surrogate has no UTF-8 encoding at all. With the u flag a surrogate
// matches only when it is not half of a pair (String.isWellFormed is not in TypeScript's lib here).
const LONE_SURROGATE = /\p{Surrogate}/u;
const isCleanText = (text: string): boolean => !text.includes('\0') && !LONE_SURROGATE.test(text);

/**
 * The first string (value or key) in a parsed value that is not clean text, by its dotted path.
 * Iterative: a JSON body of nested arrays as deep as the body limit allows must not blow the stack.
 */
export function findUncleanText(value: unknown): string | null {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isCleanText(current)) return path;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isCleanText(key)) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return null;
}

// Runs of percent-escapes in a raw query string. The query parser leaves an escape that is not
// UTF-8 (%FF, a cut-off sequence, an encoded surrogate) as it was, so the check reads the raw text.
const ESCAPE_RUNS = /(?:%[0-9A-Fa-f]{2})+/g;

function firstUndecodableQueryField(rawUrl: string): string | null {
  const query = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
  for (const pair of query.split('&')) {
    for (const run of pair.match(ESCAPE_RUNS) ?? []) {
      try {
        decodeURIComponent(run);
      } catch {
        return pair.split('=')[0];
      }
    }
  }
  return null;
}

function uncleanTextIn(req: FastifyRequest): UncleanText | null {
  const badQuery = firstUndecodableQueryField(req.raw.url ?? '');
  if (badQuery !== null) return { in: 'querystring', field: badQuery };
  for (const where of ['params', 'querystring', 'body'] as const) {
    const field = findUncleanText(where === 'querystring' ? req.query : req[where]);
    if (field !== null) return { in: where, field };
  }
  return null;
}

const invalidText = (where: UncleanText) => RequestErrors.invalidText({ ...where });

/**
 * Rules every request and every API answer follow, whatever the route: text in bodies, query
 * strings and path parameters is well-formed UTF-8 without NUL (refused with 400 before any
 * route or database sees it), and no answer under /api/ may be stored by a browser or proxy.
 */
export function registerRequestHygiene(app: FastifyInstance): void {
  // Fastify's own text parsers decode with replacement characters, so invalid UTF-8 would be
  // stored as U+FFFD without a word: the body is read as bytes and decoded strictly instead.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const strictly =
    (next: (req: FastifyRequest, text: string, done: (err: Error | null, body?: unknown) => void) => void) =>
    (req: FastifyRequest, bytes: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      let text: string;
      try {
        text = STRICT_UTF8.decode(bytes);
      } catch {
        return done(invalidText({ in: 'body', field: '' }));
      }
      next(req, text, done);
    };
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictly(parseJson));
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'buffer' },
    strictly((_req, text, done) => done(null, text)),
  );

  app.addHook('preValidation', async (req) => {
    const unclean = uncleanTextIn(req);
    if (unclean) throw invalidText(unclean);
  });

  // Answers under /api/ are personal or scoped to the caller; none is meant to be cached, so
  // the header is set for all of them here rather than remembered route by route.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
