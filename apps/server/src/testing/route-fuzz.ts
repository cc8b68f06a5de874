import fc from 'fast-check';
import { sql } from 'kysely';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '../app.ts';
import { flattenSchema, HYGIENE_STRINGS, inputFeatures, invalidValue, ODD_STRINGS, validValue, type Schema } from './schema-arbitrary.ts';
import { FUZZ_ROLES, idSource, serverErrors, type FuzzWorld } from './fuzz-world.ts';
import type { TestApp } from './test-app.ts';

/*
 * Sends schema-generated requests (valid and broken) to one route as callers of every built-in
 * role and checks three things of each answer: no 5xx; an error is problem+json with a code;
 * a refused request (≥ 400) changed no table (row counts, last update, audit chain), apart from
 * the writes a refusal is meant to make (REFUSAL_WRITES).
 */

export type FindingClass = 'text_hygiene' | 'unique_violation' | 'multipart' | 'error_format' | 'unbounded_number' | 'other';

export interface Finding {
  route: string;
  kind: '5xx' | 'not_problem' | 'stored_on_refusal';
  class: FindingClass;
  status: number;
  role: string;
  label: string;
  request: string;
  detail: string;
}

interface FuzzCase {
  method: InjectOptions['method'];
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  label: string;
  features: string[];
}

/**
 * Writes a refused request is meant to make, with the reason. Audit rows are checked by action:
 * a refusal may append only these to the chain (and so move the chain's head).
 */
export const REFUSAL_AUDIT_ACTIONS: Record<string, string> = {
  'auth.login.failed': 'failed sign-ins are audited (MLPS: security events), known account or not',
  'auth.account.locked': 'the failure that locks an account is audited',
  'auth.totp.failed': 'wrong second-factor codes are audited and counted per account (#9 item 6)',
  'users.id_number.conflict': 'an ID number held by someone else is audited as a possible probe (#9 item 7)',
  'users.id_number.probe_alerted': 'reaching the probe limit is audited (#9 item 7)',
};

export const REFUSAL_WRITES: Array<{ table: string; route?: RegExp; reason: string }> = [
  { table: 'core_audit_events', reason: 'audited refusals, checked by action (REFUSAL_AUDIT_ACTIONS)' },
  { table: 'core_audit_head', reason: 'moves with each audited refusal' },
  {
    table: 'core_users',
    route: /^POST \/api\/(auth\/login|auth\/totp|me\/password|me\/totp\/remove)$/,
    reason: 'failed password and TOTP attempts are counted on the account (lockout, #9 items 5, 6)',
  },
  {
    table: 'core_login_failures',
    route: /^POST \/api\/auth\/(login|totp)$/,
    reason: 'failed sign-ins are counted per account and address; the fifth wrong code counts one (#9 items 5, 6)',
  },
  {
    table: 'core_login_delays',
    route: /^POST \/api\/auth\/(login|totp)$/,
    reason: 'failed sign-ins grow the account-wide delay (#9 item 5)',
  },
  { table: 'core_totp_failures', route: /^POST \/api\/auth\/totp$/, reason: 'wrong codes are counted per account (#9 item 6)' },
  { table: 'core_sessions', route: /^POST \/api\/auth\/totp$/, reason: 'the fifth wrong code ends the waiting session (#9 item 6)' },
  {
    table: 'core_notifications',
    route: /^(POST|PATCH) \/api\/users(\/:id)?$/,
    reason: 'passing the ID-number probe limit alerts the security officers (#9 item 7)',
  },
  {
    table: 'core_notification_deliveries',
    route: /^(POST|PATCH) \/api\/users(\/:id)?$/,
    reason: "the alert's e-mail deliveries are queued with it (#9 item 7)",
  },
];

export function routeKey(route: Pick<RouteEntry, 'method' | 'url'>): string {
  return `${route.method} ${route.url}`;
}

/** Percent-encodes text; a lone surrogate is written as its three raw bytes (WTF-8), as a hostile client would. */
export function encodePart(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

function queryString(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `q=${encodePart(JSON.stringify(value))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = item === null ? '' : typeof item === 'object' ? JSON.stringify(item) : String(item);
      parts.push(`${encodePart(k)}=${encodePart(text)}`);
    }
  }
  return parts.join('&');
}

const RAW_ATTACKS = [
  'malformed_json',
  'text_plain',
  'invalid_utf8_body',
  'invalid_utf8_param',
  'raw_utf8_query',
  'bad_percent',
  'proto_query',
  'deep_json',
] as const;

/** Requests for one route: about half valid, half broken in one part (params, query, body or raw bytes). */
export function caseArbitrary(route: RouteEntry, world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const schema = (route.schema ?? {}) as Record<string, Schema | undefined>;
  const paramsSchema = flattenSchema(schema.params);
  const querySchema = flattenSchema(schema.querystring);
  const bodySchema = flattenSchema(schema.body);
  const multipart = Array.isArray((schema as any).consumes) && (schema as any).consumes.includes('multipart/form-data');
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const segments = route.url.split('/');
  const resourceOf = (name: string) => segments[segments.indexOf(`:${name}`) - 1];
  const paramArb = fc.record(
    Object.fromEntries(
      names.map((name) => [
        name,
        validValue(paramsSchema?.properties?.[name] ?? { type: 'string' }, idSource(world, resourceOf(name)), name).map(String),
      ]),
    ),
  );
  const queryArb = querySchema ? validValue(querySchema, idSource(world)) : fc.constant(undefined);
  const bodyArb = bodySchema ? validValue(bodySchema, idSource(world)) : fc.constant(undefined);
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  const targets = [...(names.length ? ['params'] : []), ...(querySchema ? ['query'] : []), ...(bodySchema ? ['body'] : []), 'raw'];

  return fc
    .tuple(
      paramArb,
      queryArb,
      bodyArb,
      fc.boolean(),
      fc.constantFrom(...targets),
      invalidValue(paramsSchema ?? { type: 'object', properties: {} }, idSource(world)),
      invalidValue(querySchema ?? { type: 'object', properties: {} }, idSource(world)),
      invalidValue(bodySchema ?? { type: 'object', properties: {} }, idSource(world)),
      fc.constantFrom(...RAW_ATTACKS),
      fc.constantFrom(...ODD_STRINGS, ...HYGIENE_STRINGS),
      fc.nat(),
    )
    .map(([params, query, body, valid, target, badParams, badQuery, badBody, raw, odd, pick]): FuzzCase => {
      const features = new Set<string>();
      const label: string[] = [];
      let paramValues: Record<string, string> = params;
      let queryValue: unknown = query;
      let bodyValue: unknown = body;
      let payload: string | Buffer | undefined;
      const headers: Record<string, string> = {};
      let rawQuery = '';
      if (valid) label.push('valid');
      else if (target === 'params') {
        const name = names[pick % names.length];
        const v = typeof badParams.value === 'string' ? badParams.value : pick % 3 === 0 ? 'x'.repeat(41 + (pick % 2000)) : odd;
        paramValues = { ...params, [name]: v };
        label.push(`params.${name}=${JSON.stringify(v).slice(0, 60)}`);
      } else if (target === 'query') {
        queryValue = badQuery.value;
        label.push(`query ${badQuery.mutation} at ${badQuery.at}`);
      } else if (target === 'body') {
        bodyValue = badBody.value;
        label.push(`body ${badBody.mutation} at ${badBody.at}`);
      } else {
        label.push(`raw ${raw}`);
        if (raw === 'raw_utf8_query') {
          rawQuery = `q=教育${odd.replace(/[&#\s]/g, '')}`;
          features.add('raw_utf8_query');
        }
        if (raw === 'bad_percent') {
          rawQuery = ['q=%zz', 'q=%', 'q=%FF%FE', 'q=%C0%AF', 'q=%ED%A0%80'][pick % 5];
          features.add('invalid_utf8');
        }
        if (raw === 'proto_query')
          rawQuery = [
            '__proto__[polluted]=1',
            'constructor[prototype][polluted]=1',
            '__proto__=x&__proto__=y',
            'page=1&page=2&pageSize=1&pageSize=500',
          ][pick % 4];
        if (raw === 'invalid_utf8_param' && names.length) {
          paramValues = { ...params, [names[0]]: '\u0000' };
          features.add('invalid_utf8');
        }
      }
      for (const v of [paramValues, queryValue, bodyValue]) inputFeatures(v, features);

      let url = route.url;
      for (const name of names) {
        const v = paramValues[name];
        url = url.replace(`:${name}`, v === '\u0000' ? '%FF%FE' : encodePart(v));
      }
      const qs = [queryValue === undefined ? '' : queryString(queryValue), rawQuery].filter(Boolean).join('&');
      if (qs) url += `?${qs}`;

      if (multipart) {
        const made = multipartBody(
          valid || target !== 'raw'
            ? 'valid'
            : (['truncated', 'no_boundary', 'empty', 'two_files', 'odd_filename', 'json'] as const)[pick % 6],
          odd,
        );
        payload = made.body;
        Object.assign(headers, made.headers);
        if (made.kind !== 'valid') {
          features.add('multipart');
          label.push(`multipart ${made.kind}`);
        }
      } else if (hasBody) {
        if (!valid && target === 'raw' && raw === 'malformed_json') {
          payload = ['{"a":', '{', '[1,2', '{"a":1}}', 'nul', '{"a":1,}', '\ufeff{}'][pick % 7];
          headers['content-type'] = 'application/json';
        } else if (!valid && target === 'raw' && raw === 'text_plain') {
          payload = JSON.stringify(bodyValue ?? {});
          headers['content-type'] = 'text/plain';
        } else if (!valid && target === 'raw' && raw === 'invalid_utf8_body') {
          payload = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
          headers['content-type'] = 'application/json';
          features.add('invalid_utf8');
        } else if (!valid && target === 'raw' && raw === 'deep_json') {
          payload = '['.repeat(5000) + ']'.repeat(5000);
          headers['content-type'] = 'application/json';
        } else if (bodyValue !== undefined) {
          payload = JSON.stringify(bodyValue);
          headers['content-type'] = 'application/json';
        }
      }
      return { method: route.method as InjectOptions['method'], url, payload, headers, label: label.join('; '), features: [...features] };
    });
}

function multipartBody(kind: 'valid' | 'truncated' | 'no_boundary' | 'empty' | 'two_files' | 'odd_filename' | 'json', odd: string) {
  const b = '----fuzz';
  const part = (name: string) =>
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n`,
    );
  const end = Buffer.from(`--${b}--\r\n`);
  const type = { 'content-type': `multipart/form-data; boundary=${b}` };
  switch (kind) {
    case 'truncated':
      return { kind, body: part('a.pdf').subarray(0, 60), headers: type };
    case 'no_boundary':
      return { kind, body: Buffer.concat([part('a.pdf'), end]), headers: { 'content-type': 'multipart/form-data' } };
    case 'empty':
      return { kind, body: Buffer.alloc(0), headers: type };
    case 'two_files':
      return { kind, body: Buffer.concat([part('a.pdf'), part('b.pdf'), end]), headers: type };
    case 'odd_filename':
      return { kind, body: Buffer.concat([part(odd.replace(/["\r\n]/g, '') || 'x'), end]), headers: type };
    case 'json':
      return { kind, body: Buffer.from('{"file":"x"}'), headers: { 'content-type': 'application/json' } };
    default:
      return { kind, body: Buffer.concat([part('报告.pdf'), end]), headers: type };
  }
}

/** Row count and latest update of every table, and the audit chain's head, in one query. */
export async function makeSnapshotter(h: TestApp): Promise<() => Promise<Map<string, string>>> {
  const db = h.platform.database.db;
  const tables = (await db.introspection.getTables()).filter((t) => !t.name.startsWith('core_migrations'));
  const parts = tables.map((t) => {
    const updated = t.columns.find((c) => c.name === 'updated_at')
      ? 'max(updated_at)'
      : t.columns.find((c) => c.name === 'version')
        ? 'sum(version)'
        : 'null';
    return `select '${t.name}' as t, count(*) as n, ${updated} as u from ${t.name}`;
  });
  const query = sql.raw(`${parts.join(' union all ')}`);
  return async () => {
    const rows = (await query.execute(db)).rows as Array<{ t: string; n: unknown; u: unknown }>;
    return new Map(rows.map((r) => [r.t, `${r.n}|${r.u ?? ''}`]));
  };
}

function classify(route: string, c: FuzzCase, kind: Finding['kind'], errors: string[]): FindingClass {
  const text = errors.join(' ');
  if (kind === 'not_problem') return 'error_format';
  if (/UNIQUE constraint failed|duplicate key value|23505/i.test(text)) return 'unique_violation';
  if (c.features.includes('multipart') || /multipart|FST_(INVALID_MULTIPART|PARTS|FILES|FIELDS)/i.test(text)) return 'multipart';
  if (
    c.features.some((f) => ['nul', 'lone_surrogate', 'invalid_utf8'].includes(f)) ||
    /invalid byte sequence|\\u0000|null character|22021|22P05|surrogate/i.test(text)
  )
    return 'text_hygiene';
  if (c.features.includes('huge_number') || /out of range|overflow|22003/i.test(text)) return 'unbounded_number';
  if (c.features.includes('raw_utf8_query')) return 'error_format';
  void route;
  return 'other';
}

export interface RouteRun {
  findings: Finding[];
  statuses: Record<string, number>;
}

/** Sends `runs` cases to one route, a random caller each (one of every built-in role, or none). */
export async function fuzzRoute(
  world: FuzzWorld,
  route: RouteEntry,
  snapshot: () => Promise<Map<string, string>>,
  options: { seed: number; runs: number },
): Promise<RouteRun> {
  const key = routeKey(route);
  const callers = [...FUZZ_ROLES, 'anonymous'];
  const cases = fc.sample(fc.tuple(fc.constantFrom(...callers), caseArbitrary(route, world)), {
    seed: options.seed,
    numRuns: options.runs,
  });
  const findings: Finding[] = [];
  const statuses: Record<string, number> = {};
  const db = world.h.platform.database.db;
  let before = await snapshot();
  for (const [role, c] of cases) {
    // Signing in again (after a logout) writes sessions and audit rows: not the request's doing.
    if (role !== 'anonymous' && !world.isSignedIn(role)) {
      await world.session(role);
      before = await snapshot();
    }
    const headSeq = Number((await db.selectFrom('core_audit_head').select('seq').executeTakeFirst())?.seq ?? 0);
    serverErrors.length = 0;
    const res = await send(world, role, c);
    const after = await snapshot();
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    const found = (kind: Finding['kind'], detail: string) =>
      findings.push({
        route: key,
        kind,
        class: classify(key, c, kind, serverErrors),
        status: res.statusCode,
        role,
        label: c.label,
        request: `${c.method} ${c.url.slice(0, 300)}${c.payload ? ` ${String(c.payload).slice(0, 300)}` : ''}`,
        detail,
      });
    if (res.statusCode >= 500) found('5xx', serverErrors.join(' | ').slice(0, 400) || res.body.slice(0, 200));
    if (res.statusCode >= 400) {
      const type = String(res.headers['content-type'] ?? '');
      let code: unknown;
      try {
        code = JSON.parse(res.body).code;
      } catch {
        code = undefined;
      }
      if (!type.startsWith('application/problem+json') || typeof code !== 'string')
        found('not_problem', `${type} ${res.body.slice(0, 200)}`);
      const changed = [...after].filter(([t, v]) => before.get(t) !== v).map(([t]) => t);
      const unexpected = changed.filter((t) => !REFUSAL_WRITES.some((w) => w.table === t && (!w.route || w.route.test(key))));
      const audited = changed.includes('core_audit_events')
        ? (await db.selectFrom('core_audit_events').select('action').where('seq', '>', headSeq).execute())
            .map((r) => r.action)
            .filter((a) => !REFUSAL_AUDIT_ACTIONS[a])
        : [];
      if (unexpected.length || audited.length)
        found(
          'stored_on_refusal',
          `${res.statusCode} ${res.body.slice(0, 120)}; changed ${[...unexpected, ...audited.map((a) => `audit:${a}`)].join(', ')}`,
        );
    }
    if (res.statusCode === 401 || (res.statusCode < 400 && /^POST \/api\/auth\/logout/.test(key))) world.forget(role);
    before = after;
  }
  return { findings, statuses };
}

async function send(world: FuzzWorld, role: string, c: FuzzCase): Promise<LightMyRequestResponse> {
  if (role === 'anonymous')
    return world.h.app.inject({
      method: c.method,
      url: c.url,
      headers: c.headers,
      ...(c.payload === undefined ? {} : { payload: c.payload }),
    });
  const s = await world.session(role);
  return s.request(c.method, c.url, c.payload, c.headers);
}

/** The routes to fuzz: every /api route but the API explorer's static pages and the harness's own probes. */
export function fuzzedRoutes(h: TestApp): RouteEntry[] {
  return h.app.routeCatalog.filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.url.startsWith('/api/fuzz-probe/'),
  );
}

/** A stable per-route seed, so one route's cases do not depend on which other routes ran. */
export function routeSeed(seed: number, key: string): number {
  let x = seed | 0;
  for (let i = 0; i < key.length; i++) x = Math.imul(x ^ key.charCodeAt(i), 16777619);
  return x >>> 0;
}

/** One line per (kind, class, route): how many cases, and the first one in full, for a readable failure. */
export function groupFindings(findings: Finding[]): string[] {
  const groups = new Map<string, { first: Finding; count: number }>();
  for (const f of findings) {
    const key = `${f.kind} ${f.class} ${f.route}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  return [...groups].map(
    ([key, { first: f, count }]) =>
      `${key} ×${count}; e.g. as ${f.role} → ${f.status} (${f.label}) ${f.request.slice(0, 160)} :: ${f.detail.slice(0, 200)}`,
  );
}
