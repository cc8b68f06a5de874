/**
 * The authenticated, subtree-filtered user list (one province, page of 50, 1,000,000 users)
 * against a bare Fastify route returning the same JSON, measured with wrk in the same run.
 *
 *   node --import tsx bench/seed-users.ts            # once
 *   node --import tsx bench/users-list.bench.ts      # SQLite; BENCH_DATABASE_URL=… for PostgreSQL
 *
 * Targets, interleaved round by round (wrk -t2 -c64 -d10s --latency, Cookie header on all but health):
 *   bare    bare Fastify 5, no plugins: GET /api/users?pageSize=50 returns the captured body (as
 *           an object, so it is serialised per request like the real one)
 *   health  the real app, GET /api/health without a cookie: helmet, cookie plugin, hooks, one tiny query
 *   healthCookie  the same with the session cookie: + session, user and grants look-ups in the auth hook
 *   user    the real app, GET /api/users/<caller id>: + permission check, two point look-ups, one user
 *   list    the real app, GET /api/users?pageSize=50: + the page query and count(*) over the province
 * Then, with no HTTP load: the exact SQL of every per-request query timed through Kysely in a
 * loop, with its plan; then (BENCH_PROFILE=0 to skip) a CPU profile of one list run.
 *
 * One Node process hosts both servers. Only one target is loaded at a time, and the idle server
 * costs nothing, so the two share the same Node binary, flags, JIT and machine state without
 * competing; wrk is a separate process in either design. A second Node process for the bare
 * app would add a resident process to a 2-core VM and buy no isolation a sequential run lacks.
 *
 * Environment: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
 * BENCH_TARGETS (bare,health,healthCookie,user,list), BENCH_PROFILE (1), BENCH_PROFILE_TARGET (list),
 * plus --users/--schools as for the seed.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { createCtxFactory, fullAccess, type AuditSink } from '#kernel';
import { SQLite, type SqliteConnection } from '#kernel/db/sqlite-driver.ts';
import { resolveSession } from '#core/auth/server/auth.service.ts';
import { resolveAccess } from '#core/access/server/access.resolve.ts';
import { listUsers } from '#core/users/server/user.service.ts';
import { countUsers } from '#core/users/server/user.repo.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { openPlatform, preparePlatform } from '../apps/server/src/platform.ts';
import { benchConfig, benchOptions, CALLER, RESULTS_DIR } from './bench-env.ts';

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 64);
const THREADS = Number(env.BENCH_THREADS ?? 2);
const TARGETS = (env.BENCH_TARGETS ?? 'bare,health,healthCookie,user,list')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const PROFILE = env.BENCH_PROFILE !== '0';
const PROFILE_TARGET = env.BENCH_PROFILE_TARGET ?? 'list';
const LIST_QUERY = '/api/users?pageSize=50';
const HOST = '127.0.0.1';

const log = (line = '') => console.log(line);

// ---------------------------------------------------------------- wrk

interface WrkResult {
  rps: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  transferPerSec: string;
  /** CPU time this (server) process used per request during the run, in ms: less noisy than req/s. */
  cpuMsPerRequest?: number;
  /** 1-minute load average when the run started (the VM is shared). */
  load?: number;
  wrkCpuMs?: number;
  /** Share of the machine's CPU (all cores) used by other processes during the run, and stolen by the hypervisor. */
  othersCpuPercent?: number;
  stealPercent?: number;
}

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit];

export function parseWrk(out: string): WrkResult {
  const pct = (p: number) => {
    const m = out.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
    if (!m) throw new Error(`wrk output has no ${p}% latency:\n${out}`);
    return toMs(m[1], m[2]);
  };
  const rps = out.match(/Requests\/sec:\s+([\d.]+)/);
  if (!rps) throw new Error(`wrk output has no Requests/sec:\n${out}`);
  const sock = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    rps: Number(rps[1]),
    p50: pct(50),
    p75: pct(75),
    p90: pct(90),
    p99: pct(99),
    requests: Number(out.match(/(\d+) requests in/)?.[1] ?? 0),
    non2xx: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    socketErrors: sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    transferPerSec: out.match(/Transfer\/sec:\s+(\S+)/)?.[1] ?? '',
  };
}

const loadNow = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Jiffies of all CPUs from /proc/stat: busy (not idle/iowait) and stolen by the hypervisor. */
function cpuTicks(): { busy: number; steal: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: user + nice + system + irq + softirq, steal, total };
}
const TICK_MS = 10; // USER_HZ = 100 on Linux

/**
 * Runs wrk once against a 127.0.0.1 URL (cookie: null sends none). Besides wrk's figures it
 * records the CPU this server process used per request, and how much of the machine's CPU
 * went to other processes (neither this one nor wrk) during the run: the VM is shared.
 */
async function wrk(url: string, cookie: string | null, seconds: number): Promise<WrkResult> {
  const load = loadNow();
  const before = process.cpuUsage();
  const ticks = cpuTicks();
  const r = await runWrk(url, cookie, seconds);
  const used = process.cpuUsage(before);
  const after = cpuTicks();
  const ownMs = (used.user + used.system) / 1000;
  const wallCpuMs = (after.total - ticks.total) * TICK_MS; // all cores
  const busyMs = (after.busy - ticks.busy) * TICK_MS;
  const othersMs = Math.max(0, busyMs - ownMs - (r.wrkCpuMs ?? 0));
  return {
    ...r,
    load,
    cpuMsPerRequest: r.requests ? ownMs / r.requests : undefined,
    othersCpuPercent: wallCpuMs ? +((100 * othersMs) / wallCpuMs).toFixed(1) : undefined,
    stealPercent: wallCpuMs ? +((100 * (after.steal - ticks.steal) * TICK_MS) / wallCpuMs).toFixed(1) : undefined,
  };
}

function runWrk(url: string, cookie: string | null, seconds: number): Promise<WrkResult> {
  if (!url.startsWith(`http://${HOST}:`)) throw new Error(`refusing to load ${url}`);
  const args = [
    '-t',
    String(THREADS),
    '-c',
    String(CONNECTIONS),
    '-d',
    `${seconds}s`,
    '--timeout',
    '5s',
    '--latency',
    ...(cookie ? ['-H', `Cookie: ${cookie}`] : []),
    url,
  ];
  // bash's `time` reports wrk's own CPU (user, system) on stderr.
  const script = 'TIMEFORMAT="WRKCPU %U %S"; time wrk "$@"';
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 20) * 1000);
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(new Error(`cannot run wrk (apt-get install -y wrk): ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(guard);
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${err}${out}`));
      try {
        const cpu = err.match(/WRKCPU ([\d.]+) ([\d.]+)/);
        resolve({ ...parseWrk(out), wrkCpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined });
      } catch (e) {
        reject(e);
      }
    });
  });
}

// ---------------------------------------------------------------- statistics

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const pad = (s: string | number, n: number) => String(s).padStart(n);

// ---------------------------------------------------------------- machine

function machine(sqliteVersion: string | null, pgVersion: string | null) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? cpus()[0]?.model;
  let wrkVersion = '';
  try {
    wrkVersion = execFileSync('wrk', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    wrkVersion = String((e as { stdout?: string }).stdout ?? '');
  }
  return {
    nproc: cpus().length,
    cpu,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    sqlite: sqliteVersion,
    postgres: pgVersion,
    wrk: wrkVersion.split('\n')[0].trim(),
    loadavg: readFileSync('/proc/loadavg', 'utf8').trim(),
  };
}

// ---------------------------------------------------------------- database baseline

interface Captured {
  label: string;
  query: CompiledQuery;
}
interface Timing {
  label: string;
  sql: string;
  iterations: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  rows: number;
  /** CPU per iteration of this process (Node + better-sqlite3), and of the PostgreSQL backend serving it. */
  cpuMs?: number;
  pgCpuMs?: number;
}

/** Set to the PostgreSQL backend's pid when the logging pool (one connection) is on PostgreSQL. */
let pgBackendPid: number | null = null;
const procTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in 10 ms ticks
};

interface Loop {
  times: number[];
  cpuMs: number;
  pgCpuMs?: number;
}

async function timeLoop(fn: () => Promise<unknown>, maxMs = 2500, maxIterations = 5000): Promise<Loop> {
  for (let i = 0; i < 30; i++) await fn();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const pg0 = pgBackendPid ? procTicks(pgBackendPid) : 0;
  const end = performance.now() + maxMs;
  while (times.length < maxIterations && performance.now() < end) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return {
    times: times.sort((a, b) => a - b),
    cpuMs: (used.user + used.system) / 1000 / times.length,
    pgCpuMs: pgBackendPid ? ((procTicks(pgBackendPid) - pg0) * 10) / times.length : undefined,
  };
}

const summarise = (label: string, sqlText: string, loop: Loop, rows: number): Timing => ({
  label,
  sql: sqlText,
  iterations: loop.times.length,
  meanMs: loop.times.reduce((a, b) => a + b, 0) / loop.times.length,
  p50Ms: percentile(loop.times, 50),
  p99Ms: percentile(loop.times, 99),
  rows,
  cpuMs: loop.cpuMs,
  pgCpuMs: loop.pgCpuMs,
});

/** A second Kysely on the same database with a query log, to capture the SQL a request runs. */
function loggingDb(
  engine: 'sqlite' | 'postgres',
  url: string,
  sink: (e: LogEvent) => void,
): { db: Kysely<any>; raw?: SqliteConnection; close(): Promise<void> } {
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: sink });
    return { db, close: () => db.destroy() };
  }
  const connection = new SQLite(url.replace(/^sqlite:(\/\/)?/, ''));
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: connection }), log: sink });
  return { db, raw: connection, close: () => db.destroy() };
}

async function databaseBaseline(
  engine: 'sqlite' | 'postgres',
  url: string,
  token: string,
  settings: { idleMinutes: number; absoluteHours: number },
) {
  let captured: CompiledQuery[] = [];
  let capturing = true;
  const { db, raw, close } = loggingDb(engine, url, (e) => {
    if (capturing && e.level === 'query') captured.push(e.query);
  });
  try {
    if (engine === 'postgres') pgBackendPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0].pid;
    captured = [];
    const noAudit: AuditSink = { append: async () => undefined };
    const makeCtx = createCtxFactory({ db, engine, auditSink: noAudit });
    const base = makeCtx({ actor: { kind: 'system', id: null, name: 'bench' }, access: fullAccess });
    const queries: Captured[] = [];
    const take = (labels: string[]) => {
      const selects = captured.filter((q) => /^\s*select/i.test(q.sql));
      for (const [i, q] of selects.entries()) queries.push({ label: labels[i] ?? `extra ${i}`, query: q });
      captured = [];
    };
    // What the onRequest hook runs, then what GET /api/users?pageSize=50 runs, in that order.
    const found = await resolveSession(base, token, settings);
    if (!found) throw new Error('the bench session did not resolve');
    take(['session by token hash', 'user by id']);
    const access = await resolveAccess(db, found.user.id);
    take(['grants × role permissions']);
    const ctx = makeCtx({ actor: { kind: 'user', id: found.user.id, name: found.user.account }, access });
    const page = await listUsers(ctx, { pageSize: 50 });
    const listQueries = captured.filter((q) => /^\s*select/i.test(q.sql));
    captured = [];
    for (const q of listQueries)
      queries.push({ label: /count\(\*\)/i.test(q.sql) ? 'list: count(*) of the province' : 'list: page of 50 (+ org name)', query: q });
    capturing = false;

    const timings: Timing[] = [];
    for (const { label, query } of queries) {
      const rows = (await db.executeQuery(query)).rows.length;
      timings.push(summarise(label, query.sql, await timeLoop(() => db.executeQuery(query)), rows));
    }
    const pageQ = queries.find((q) => q.label.startsWith('list: page'))!.query;
    const countQ = queries.find((q) => q.label.startsWith('list: count'))!.query;
    timings.push(
      summarise(
        'list: page + count as the repo runs them (Promise.all)',
        '',
        await timeLoop(() => Promise.all([db.executeQuery(pageQ), db.executeQuery(countQ)])),
        0,
      ),
    );
    timings.push(
      summarise(
        'service listUsers() incl. Kysely query building + toUser',
        '',
        await timeLoop(() => listUsers(ctx, { pageSize: 50 })),
        page.items.length,
      ),
    );
    timings.push(
      summarise(
        'all 5 per-request queries in sequence',
        '',
        await timeLoop(async () => {
          for (const { query } of queries) await db.executeQuery(query);
        }),
        0,
      ),
    );

    // What-if experiments, on this benchmark connection only (not what the app runs).
    const experiments: Timing[] = [];
    const ph = (i: number) => (engine === 'sqlite' ? '?' : `$${i}`);
    const [lower, upper] = countQ.parameters;
    const capped = CompiledQuery.raw(
      `select count(*) as n from (select 1 from "core_users" as "u" where "u"."org_path" >= ${ph(1)} and "u"."org_path" < ${ph(2)} limit 10001) as t`,
      [lower, upper],
    );
    experiments.push(
      summarise('what-if: count capped at 10,001 rows ("10,000+")', capped.sql, await timeLoop(() => db.executeQuery(capped)), 1),
    );
    // The same count for a ministry-level caller, whose subtree is every user.
    const national = CompiledQuery.raw(countQ.sql, ['/', '0', ...countQ.parameters.slice(2)]);
    experiments.push(
      summarise(
        'what-if: the same count(*) for a ministry-level caller (all users)',
        countQ.sql,
        await timeLoop(() => db.executeQuery(national), 4000, 50),
        1,
      ),
    );
    if (engine === 'sqlite' && raw) {
      // Kysely's SQLite driver calls db.prepare(sql) for every query; better-sqlite3 can keep statements.
      const prepared = queries.map(({ query }) => ({ stmt: raw.prepare(query.sql), params: [...query.parameters] }));
      experiments.push(
        summarise(
          'what-if: the 5 queries on statements prepared once (better-sqlite3, no Kysely)',
          '',
          await timeLoop(async () => {
            for (const { stmt, params } of prepared) stmt.all(...params);
          }),
          0,
        ),
      );
      const small = prepared.filter((_, i) => !queries[i].label.startsWith('list'));
      const smallQueries = queries.filter((q) => !q.label.startsWith('list')).map((q) => q.query);
      experiments.push(
        summarise(
          '  the 3 auth queries through Kysely (prepare per call)',
          '',
          await timeLoop(async () => {
            for (const q of smallQueries) await db.executeQuery(q);
          }),
          0,
        ),
      );
      experiments.push(
        summarise(
          '  the 3 auth queries on statements prepared once',
          '',
          await timeLoop(async () => {
            for (const { stmt, params } of small) stmt.all(...params);
          }),
          0,
        ),
      );
      const pageSize = (await sql<{ page_size: number }>`pragma page_size`.execute(db)).rows[0].page_size;
      const cacheKiB = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0].cache_size;
      await sql`pragma cache_size = -131072`.execute(db);
      experiments.push(
        summarise(
          `what-if: count(*) with a 128 MiB page cache (default cache_size ${cacheKiB}, page ${pageSize} B)`,
          countQ.sql,
          await timeLoop(() => db.executeQuery(countQ)),
          1,
        ),
      );
      experiments.push(
        summarise('what-if: page of 50 with a 128 MiB page cache', pageQ.sql, await timeLoop(() => db.executeQuery(pageQ)), 50),
      );
      await sql`pragma cache_size = ${sql.raw(String(cacheKiB))}`.execute(db);
      const idx = (
        await sql<{ n: number }>`select count(*) as n from dbstat where name = 'core_users_org_path'`
          .execute(db)
          .catch(() => ({ rows: [{ n: -1 }] }))
      ).rows[0].n;
      const share = page.total / (await countUsers(db));
      if (idx > 0)
        experiments.push({
          label: `(core_users_org_path index: ${idx} pages = ${((idx * pageSize) / 2 ** 20).toFixed(0)} MiB in all, ≈ ${((share * idx * pageSize) / 2 ** 20).toFixed(1)} MiB read per count of this province)`,
          sql: '',
          iterations: 0,
          meanMs: NaN,
          p50Ms: NaN,
          p99Ms: NaN,
          rows: 0,
        });
    }

    const plans: Array<{ label: string; plan: string }> = [];
    for (const { label, query } of queries) {
      const explain = engine === 'sqlite' ? `explain query plan ${query.sql}` : `explain (analyze, buffers) ${query.sql}`;
      const rows = (await db.executeQuery(CompiledQuery.raw(explain, [...query.parameters]))).rows as Array<Record<string, unknown>>;
      const plan =
        engine === 'sqlite'
          ? rows.map((r) => `${r.id}/${r.parent}: ${r.detail}`).join('\n')
          : rows.map((r) => String(r['QUERY PLAN'])).join('\n');
      plans.push({ label, plan });
    }
    // What the planner does without statistics: the app never runs ANALYZE on SQLite.
    let unanalysedPlans: Array<{ label: string; plan: string }> = [];
    if (engine === 'sqlite') {
      const stat = (await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db)).rows[0].n;
      if (stat) {
        const mem = new SQLite(':memory:');
        try {
          mem.exec(`attach database '${url.replace(/^sqlite:(\/\/)?/, '').replaceAll("'", "''")}' as f`);
          // Plans under the schema without stats: copy the schema of the tables involved.
          for (const t of ['core_users', 'core_orgs', 'core_sessions', 'core_grants', 'core_role_permissions', 'core_roles']) {
            for (const r of mem
              .prepare(`select sql from f.sqlite_master where tbl_name = ? and sql is not null order by type desc`)
              .all(t) as Array<{ sql: string }>)
              mem.exec(r.sql);
          }
          unanalysedPlans = queries.map(({ label, query }) => ({
            label,
            plan: (
              mem.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
                id: number;
                parent: number;
                detail: string;
              }>
            )
              .map((r) => `${r.id}/${r.parent}: ${r.detail}`)
              .join('\n'),
          }));
        } finally {
          mem.close();
        }
      }
    }
    return { timings, experiments, plans, unanalysedPlans, total: page.total, scopes: access.scopes('users.user.read') };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------- CPU profile

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn || 'anonymous'}`;
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = url.match(/\/(core\/[^/]+|packages\/kernel|apps\/server|bench)\//);
  return own ? own[1] : url;
}

function summariseProfile(profile: { nodes: ProfileNode[]; startTime: number; endTime: number }) {
  const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byBucket = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const short = url.replace(/^file:\/\/.*?\/(node_modules|core|packages|apps|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const bucket = bucketOf(url, functionName);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ name: k, percent: +((100 * v) / total).toFixed(1) }));
  return { samples: total, topFunctions: top(byFunction, 20), byPackage: top(byBucket, 15) };
}

// ---------------------------------------------------------------- main

async function main() {
  const options = benchOptions();
  const config = benchConfig(options);
  const platform = openPlatform(config);
  const { db } = platform.database;
  const users = await countUsers(db).catch(() => 0);
  // Migrations added since the seed ran (idempotent, as at every start of the server).
  if (users >= options.users) await preparePlatform(platform);
  if (users < options.users)
    throw new Error(`${options.label} holds ${users} users, fewer than ${options.users}: run node --import tsx bench/seed-users.ts first`);
  const sqliteVersion = options.engine === 'sqlite' ? (await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v : null;
  const pgVersion = options.engine === 'postgres' ? (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v : null;
  const host = machine(sqliteVersion, pgVersion);
  log(`EduCloud users-list benchmark, ${new Date().toISOString()}`);
  log(
    `machine: ${host.nproc} cores ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}, ${host.sqlite ? `SQLite ${host.sqlite}` : host.postgres}, ${host.wrk}; load ${host.loadavg}`,
  );
  log(`database: ${options.label}, ${users.toLocaleString('en')} users`);

  const app = await buildApp(platform, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const realBase = `http://${HOST}:${(app.server.address() as { port: number }).port}`;

  const login = await fetch(`${realBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: CALLER.account, password: CALLER.password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in failed: ${login.status} ${await login.text()} (did the seed create ${CALLER.account}?)`);
  const setCookie = login.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const loginInfo = (await login.json()) as { mfa: string; user: { id: string } };
  if (loginInfo.mfa !== 'none') throw new Error(`the bench caller must not need a second factor, got mfa=${loginInfo.mfa}`);

  const captured = await fetch(`${realBase}${LIST_QUERY}`, { headers: { cookie } });
  const realBody = await captured.text();
  if (captured.status !== 200) throw new Error(`GET ${LIST_QUERY}: ${captured.status} ${realBody}`);
  const payload = JSON.parse(realBody) as { items: unknown[]; total: number };
  log(
    `captured GET ${LIST_QUERY}: ${payload.items.length} items of total ${payload.total.toLocaleString('en')}, ${Buffer.byteLength(realBody)} bytes`,
  );

  const bare: FastifyInstance = Fastify({ logger: false });
  bare.get('/api/users', async () => payload);
  await bare.listen({ host: HOST, port: 0 });
  const bareBase = `http://${HOST}:${(bare.server.address() as { port: number }).port}`;
  const bareBody = await (await fetch(`${bareBase}${LIST_QUERY}`)).text();
  log(`bare route body: ${Buffer.byteLength(bareBody)} bytes, ${bareBody === realBody ? 'identical to' : 'DIFFERENT from'} the real one`);

  // The cookie goes where a signed-in browser would send it; /api/health is probed without one,
  // so that it shows the framework's own cost (helmet, hooks, one tiny query) and no session work.
  const urls: Record<string, string> = {
    bare: `${bareBase}${LIST_QUERY}`,
    health: `${realBase}/api/health`,
    healthCookie: `${realBase}/api/health`,
    user: `${realBase}/api/users/${loginInfo.user.id}`,
    list: `${realBase}${LIST_QUERY}`,
  };
  const cookieFor = (t: string) => (t === 'health' ? null : cookie);
  for (const t of TARGETS) if (!urls[t]) throw new Error(`unknown target ${t}`);
  for (const t of TARGETS) {
    const c = cookieFor(t);
    const res = await fetch(urls[t], { headers: c ? { cookie: c } : {} });
    if (res.status !== 200) throw new Error(`${t}: ${urls[t]} answered ${res.status}`);
    await res.arrayBuffer();
  }

  log(
    `\nwarm-up: 3 s per target; then ${ROUNDS} rounds × ${TARGETS.join(', ')}; wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s --latency`,
  );
  for (const t of TARGETS) await wrk(urls[t], cookieFor(t), 3);
  const runs: Record<string, WrkResult[]> = Object.fromEntries(TARGETS.map((t) => [t, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of TARGETS) {
      const r = await wrk(urls[t], cookieFor(t), SECONDS);
      runs[t].push(r);
      log(
        `round ${round} ${t.padEnd(12)} ${pad(fmt(r.rps, 0), 7)} req/s  p50 ${pad(fmt(r.p50), 7)} ms  p99 ${pad(fmt(r.p99), 7)} ms  server CPU ${fmt(r.cpuMsPerRequest ?? NaN, 3)} ms/req  others ${r.othersCpuPercent} %  steal ${r.stealPercent} %${r.non2xx ? `  NON-2XX ${r.non2xx}` : ''}${r.socketErrors ? `  socket errors ${r.socketErrors}` : ''}`,
      );
    }
  }

  const bareRuns = runs.bare;
  const rows = TARGETS.map((t) => {
    const rs = runs[t];
    const perRound = bareRuns ? rs.map((r, i) => r.rps / bareRuns[i].rps) : [];
    return {
      target: t,
      url: urls[t].replace(/^http:\/\/[^/]+/, ''),
      rpsMedian: median(rs.map((r) => r.rps)),
      rpsMin: Math.min(...rs.map((r) => r.rps)),
      rpsMax: Math.max(...rs.map((r) => r.rps)),
      p50Median: median(rs.map((r) => r.p50)),
      p99Median: median(rs.map((r) => r.p99)),
      p99Max: Math.max(...rs.map((r) => r.p99)),
      ratioOfMedians: bareRuns ? median(rs.map((r) => r.rps)) / median(bareRuns.map((r) => r.rps)) : null,
      ratioPerRoundMedian: perRound.length ? median(perRound) : null,
      cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest ?? NaN)),
      othersCpuPercent: median(rs.map((r) => r.othersCpuPercent ?? NaN)),
      errors: rs.reduce((a, r) => a + r.non2xx + r.socketErrors, 0),
    };
  });
  log(
    "\n| target | route | cookie | req/s median (min–max) | p50 ms | p99 ms median (max) | vs bare: ratio of medians (median per-round ratio) | server CPU ms/req | other processes' CPU % | errors |",
  );
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    log(
      `| ${r.target} | \`${r.url.replace(loginInfo.user.id, ':id')}\` | ${cookieFor(r.target) ? 'yes' : 'no'} | ${fmt(r.rpsMedian, 0)} (${fmt(r.rpsMin, 0)}–${fmt(r.rpsMax, 0)}) | ${fmt(r.p50Median)} | ${fmt(r.p99Median)} (${fmt(r.p99Max)}) | ${r.ratioOfMedians === null ? '–' : `${(100 * r.ratioOfMedians).toFixed(0)} % (${(100 * r.ratioPerRoundMedian!).toFixed(0)} %)`} | ${fmt(r.cpuMsPerRequest, 3)} | ${fmt(r.othersCpuPercent, 0)} | ${r.errors} |`,
    );
  }
  const list = rows.find((r) => r.target === 'list');
  if (list && list.ratioOfMedians !== null) {
    const ok = list.ratioOfMedians >= 0.5 && list.p99Median < 20;
    log(
      `\ngoal (list ≥ 50 % of bare req/s, p99 < 20 ms at ${CONNECTIONS} connections): ${ok ? 'MET' : 'NOT MET'} — ${(100 * list.ratioOfMedians).toFixed(0)} % of bare, p99 ${fmt(list.p99Median)} ms`,
    );
  }

  log('\ndatabase baseline (no HTTP load; exact SQL of each per-request query through Kysely, serial loop):');
  const baseline = await databaseBaseline(options.engine, options.databaseUrl, token, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  log(`caller scopes for users.user.read: ${baseline.scopes.join(', ')}; total ${baseline.total.toLocaleString('en')}`);
  const pgCol = options.engine === 'postgres';
  log(
    `| query | rows | iterations | mean ms | p50 ms | p99 ms | serial/s | Node CPU ms/iter |${pgCol ? ' PostgreSQL backend CPU ms/iter |' : ''}`,
  );
  log(`|---|---|---|---|---|---|---|---|${pgCol ? '---|' : ''}`);
  const line = (t: Timing) =>
    t.iterations
      ? `| ${t.label} | ${t.rows || ''} | ${t.iterations} | ${fmt(t.meanMs, 3)} | ${fmt(t.p50Ms, 3)} | ${fmt(t.p99Ms, 3)} | ${fmt(1000 / t.meanMs, 0)} | ${fmt(t.cpuMs ?? NaN, 3)} |${pgCol ? ` ${fmt(t.pgCpuMs ?? NaN, 3)} |` : ''}`
      : `| ${t.label} | | | | | | | |${pgCol ? ' |' : ''}`;
  for (const t of baseline.timings) log(line(t));
  for (const t of baseline.experiments) log(line(t));
  const allQueries = baseline.timings.find((t) => t.label.startsWith('all 5'))!;
  if (list) {
    const perRequestMs = list.cpuMsPerRequest;
    log(
      `\nunder load the server process used ${fmt(perRequestMs, 3)} ms of CPU per list request (${fmt(1000 / list.rpsMedian, 3)} ms of wall time per request at ${fmt(list.rpsMedian, 0)} req/s);`,
    );
    log(
      options.engine === 'postgres'
        ? `the 5 queries alone, serially with no load, cost ${fmt(allQueries.cpuMs ?? NaN, 3)} ms of Node CPU and ${fmt(allQueries.pgCpuMs ?? NaN, 3)} ms of PostgreSQL backend CPU (same 2 cores) per request`
        : `the 5 queries alone, serially with no load, cost ${fmt(allQueries.cpuMs ?? NaN, 3)} ms of CPU (${((100 * (allQueries.cpuMs ?? NaN)) / perRequestMs).toFixed(0)} % of that; better-sqlite3 runs them on the event-loop thread)`,
    );
  }
  log('\nplans:');
  for (const p of baseline.plans) log(`-- ${p.label}\n${p.plan}`);
  if (baseline.unanalysedPlans.length) {
    log('\nplans without ANALYZE statistics (what an install that never ran ANALYZE gets):');
    for (const p of baseline.unanalysedPlans) log(`-- ${p.label}\n${p.plan}`);
  }
  log('\nSQL:');
  for (const t of baseline.timings.filter((x) => x.sql)) log(`-- ${t.label}\n${t.sql}`);

  let profile: ReturnType<typeof summariseProfile> | null = null;
  if (PROFILE && urls[PROFILE_TARGET]) {
    log(`\nCPU profile of the server process during one ${SECONDS} s ${PROFILE_TARGET} run (sampling; its req/s is not in the table):`);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    const r = await wrk(urls[PROFILE_TARGET], cookieFor(PROFILE_TARGET), SECONDS);
    const { profile: raw } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `users-list-${options.engine}-${PROFILE_TARGET}.cpuprofile`);
    writeFileSync(file, JSON.stringify(raw));
    profile = summariseProfile(raw as unknown as { nodes: ProfileNode[]; startTime: number; endTime: number });
    log(`(${fmt(r.rps, 0)} req/s while profiling; ${profile.samples} samples; full profile in ${file.slice(RESULTS_DIR.length - 13)})`);
    log('self time by package:');
    for (const b of profile.byPackage) log(`  ${pad(fmt(b.percent, 1), 5)} %  ${b.name}`);
    log('top functions by self time:');
    for (const f of profile.topFunctions) log(`  ${pad(fmt(f.percent, 1), 5)} %  ${f.name}`);
  }

  const out = join(RESULTS_DIR, `users-list-${options.engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        machine: host,
        options: { ...options, rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, threads: THREADS, targets: TARGETS },
        bodyBytes: Buffer.byteLength(realBody),
        total: payload.total,
        runs,
        rows,
        baseline,
        profile,
      },
      null,
      2,
    ),
  );
  log(`\nresults: ${out}`);

  await bare.close();
  await app.close();
  await platform.close();
}

await main();
