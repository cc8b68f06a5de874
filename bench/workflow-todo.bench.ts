/**
 * 我的待办 at national scale: `GET /api/workflow/todo` (first page) for a county reviewer while
 * N reviews wait at the county authorities of the whole country (and for a ministry reviewer
 * while M more wait at 部级评审), next to a bare Fastify route returning the same JSON, measured
 * in the same run; then the to-do query's SQL with no HTTP, with its plan.
 *
 *   node --import tsx bench/workflow-todo.bench.ts [--instances 100000] [--ministry 10000]   # SQLite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/educloud_bench_workflow node --import tsx bench/workflow-todo.bench.ts
 *
 * The first run seeds the database (bench/workflow-todo-seed.ts, ~10 s for 100,000 on SQLite).
 * Targets, interleaved round by round (wrk -t2 -c64 -d10s --latency; a fetch loop without wrk):
 *   bare          bare Fastify 5, no plugins: the county reviewer's captured body, serialised per request
 *   healthCookie  the real app's GET /api/health with the session cookie (framework + session)
 *   todo          the real app's GET /api/workflow/todo, county reviewer (N / ~3,000 open tasks)
 *   todoMinistry  the same for the ministry reviewer (M open tasks at one org)
 *
 * Environment: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_THREADS (2),
 * BENCH_TARGETS (bare,healthCookie,todo,todoMinistry), BENCH_INSTANCES / BENCH_MINISTRY (or
 * --instances, default 100,000 / --ministry, default a tenth of that).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createCtxFactory, type AuditSink } from '#kernel';
import { SQLite } from '#kernel/db/sqlite-driver.ts';
import { resolveAccess } from '#core/access/server/access.resolve.ts';
import { findUserByAccount } from '#core/users/server/user.repo.ts';
import { listTodo } from '#core/workflow/server/todo.service.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { RESULTS_DIR } from './bench-env.ts';
import { CALLERS, openTodoPlatform, seedTodoBench, todoBenchOptions } from './workflow-todo-seed.ts';

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 64);
const THREADS = Number(env.BENCH_THREADS ?? 2);
const TARGETS = (env.BENCH_TARGETS ?? 'bare,healthCookie,todo,todoMinistry')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const HOST = '127.0.0.1';
const TODO = '/api/workflow/todo';

const log = (line = '') => console.log(line);
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------- load generators

interface Run {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  errors: number;
  load: string;
  serverCpuMsPerRequest: number;
  othersCpuPercent: number;
}
type Load = Omit<Run, 'load' | 'serverCpuMsPerRequest' | 'othersCpuPercent'> & { generatorCpuMs: number };

const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status === 1;
  }
})();

/** wrk's summary: req/s and the latency distribution (same format as bench/users-list.bench.ts reads). */
function parseWrk(out: string): Omit<Load, 'generatorCpuMs'> {
  const unit: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
  const pct = (p: number) => {
    const m = out.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
    if (!m) throw new Error(`wrk output has no ${p}% latency:\n${out}`);
    return Number(m[1]) * unit[m[2]];
  };
  const sock = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    requests: Number(out.match(/(\d+) requests in/)?.[1] ?? 0),
    errors: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) + (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  };
}

function runWrk(url: string, cookie: string | null, seconds: number): Promise<Load> {
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
  return new Promise((resolve, reject) => {
    // bash's `time` reports wrk's own CPU, so that it is not counted as another tenant's.
    const child = spawn('bash', ['-c', 'TIMEFORMAT="WRKCPU %U %S"; time wrk "$@"', 'bash', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 20) * 1000);
    child.on('close', (code) => {
      clearTimeout(guard);
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${err}${out}`));
      const cpu = err.match(/WRKCPU ([\d.]+) ([\d.]+)/);
      try {
        resolve({ ...parseWrk(out), generatorCpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : 0 });
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** Without wrk: CONNECTIONS fetch loops in this process for `seconds` (they share its CPU with the server). */
async function runFetch(url: string, cookie: string | null, seconds: number): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(url, { headers: cookie ? { cookie } : {} }).catch(() => null);
      if (res) await res.arrayBuffer();
      if (res?.status === 200) times.push(performance.now() - t);
      else errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  times.sort((a, b) => a - b);
  return {
    rps: times.length / ((performance.now() - started) / 1000),
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
    requests: times.length,
    errors,
    generatorCpuMs: 0,
  };
}

/** Busy and total jiffies of all CPUs (/proc/stat), to tell how much other processes used meanwhile. */
function cpuTicks(): { busy: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user + nice + system + irq + softirq, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

/**
 * Waits (at most 120 s) until the server is idle: when wrk stops, the real app still works
 * through the requests it had accepted (64 × 90 ms for the ministry's list), which would land on
 * the next target's run. Idle: this process used < 10 % of a core over 200 ms and, on
 * PostgreSQL, no other backend is running a query on the bench database.
 */
async function settle(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const end = performance.now() + 120_000;
  while (performance.now() < end) {
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const used = process.cpuUsage(cpu);
    const busyBackends =
      engine === 'postgres'
        ? Number(
            (
              await sql<{
                n: string;
              }>`select count(*) as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`.execute(
                db,
              )
            ).rows[0].n,
          )
        : 0;
    if ((used.user + used.system) / 1000 < 20 && busyBackends === 0) return;
  }
}

async function measure(url: string, cookie: string | null, seconds: number, idle: () => Promise<void>): Promise<Run> {
  await idle();
  const load = loadavg();
  const cpu0 = process.cpuUsage();
  const ticks0 = cpuTicks();
  const r = await (hasWrk ? runWrk : runFetch)(url, cookie, seconds);
  const used = process.cpuUsage(cpu0);
  const ticks1 = cpuTicks();
  const ownMs = (used.user + used.system) / 1000;
  const othersMs = Math.max(0, (ticks1.busy - ticks0.busy) * 10 - ownMs - r.generatorCpuMs);
  return {
    rps: r.rps,
    p50: r.p50,
    p90: r.p90,
    p99: r.p99,
    requests: r.requests,
    errors: r.errors,
    load,
    serverCpuMsPerRequest: r.requests ? ownMs / r.requests : NaN,
    othersCpuPercent: +((100 * othersMs) / ((ticks1.total - ticks0.total) * 10)).toFixed(0),
  };
}

// ---------------------------------------------------------------- the to-do query without HTTP

interface Timing {
  label: string;
  iterations: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  cpuMs: number;
  rows: number;
}

async function timeLoop(label: string, fn: () => Promise<number>, maxMs = 2000, maxIterations = 5000): Promise<Timing> {
  let rows = 0;
  for (let i = 0; i < 30; i++) rows = await fn();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const end = performance.now() + maxMs;
  while (times.length < maxIterations && performance.now() < end) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    label,
    iterations: times.length,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    cpuMs: (used.user + used.system) / 1000 / times.length,
    rows,
  };
}

/** A second Kysely on the same database that records the SQL the service runs. */
function capturingDb(engine: 'sqlite' | 'postgres', url: string, sink: CompiledQuery[]) {
  const logQuery = (e: { level: string; query: CompiledQuery }) => {
    if (e.level === 'query') sink.push(e.query);
  };
  if (engine === 'postgres')
    return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }), log: logQuery });
  return new Kysely<any>({
    dialect: new SqliteDialect({ database: new SQLite(url.replace(/^sqlite:(\/\/)?/, ''), { readonly: true }) }),
    log: logQuery,
  });
}

async function explain(db: Kysely<any>, engine: 'sqlite' | 'postgres', q: CompiledQuery): Promise<string> {
  const rows = (
    await db.executeQuery(
      CompiledQuery.raw(`${engine === 'sqlite' ? 'explain query plan' : 'explain (analyze, buffers)'} ${q.sql}`, [...q.parameters]),
    )
  ).rows as Array<Record<string, unknown>>;
  return rows.map((r) => (engine === 'sqlite' ? `${r.id}/${r.parent}: ${r.detail}` : String(r['QUERY PLAN']))).join('\n');
}

/**
 * The queries `listTodo` runs (page, capped count, org names), captured from the service, then
 * timed one by one through the app's own Kysely (`db`: SQLite with its statement cache, or the
 * PostgreSQL pool), and the service call itself; with each query's plan.
 */
async function databaseBaseline(
  platform: Awaited<ReturnType<typeof openTodoPlatform>>,
  engine: 'sqlite' | 'postgres',
  url: string,
  account: string,
) {
  const { db } = platform.database;
  const userId = (await findUserByAccount(db, account))!.id;
  const access = await resolveAccess(db, userId);
  const actor = { kind: 'user' as const, id: userId, name: account };
  const captured: CompiledQuery[] = [];
  const logging = capturingDb(engine, url, captured);
  const noAudit: AuditSink = { append: async () => undefined };
  await listTodo(createCtxFactory({ db: logging, engine, auditSink: noAudit })({ actor, access }), {});
  await logging.destroy();
  const labels = ['to-do page (first 20, newest first)', 'capped count (≤ 10,001)', 'org names of the page'];
  const queries = captured.filter((q) => /^\s*select/i.test(q.sql)).map((query, i) => ({ label: labels[i] ?? `query ${i + 1}`, query }));
  const timings: Timing[] = [];
  for (const { label, query } of queries) timings.push(await timeLoop(label, async () => (await db.executeQuery(query)).rows.length));
  const ctx = platform.makeCtx({ actor, access });
  timings.push(await timeLoop('service listTodo() (all three + building the items)', async () => (await listTodo(ctx, {})).items.length));
  const plans = [];
  for (const { label, query } of queries.slice(0, 2)) plans.push({ label, plan: await explain(db, engine, query) });
  // The platform never runs ANALYZE on SQLite; what would statistics change? (rolled back)
  if (engine === 'sqlite') {
    await sql`begin`.execute(db);
    try {
      await sql`analyze`.execute(db);
      for (const { label, query } of queries.slice(0, 2))
        plans.push({ label: `${label}, with ANALYZE statistics`, plan: await explain(db, engine, query) });
      timings.push(
        await timeLoop(
          'to-do page, with ANALYZE statistics (rolled back)',
          async () => (await db.executeQuery(queries[0].query)).rows.length,
        ),
      );
    } finally {
      await sql`rollback`.execute(db);
    }
  }
  return { account, queries: queries.map((q) => ({ label: q.label, sql: q.query.sql })), timings, plans };
}

// ---------------------------------------------------------------- main

async function main() {
  const options = todoBenchOptions();
  log(`EduCloud 我的待办 benchmark, ${new Date().toISOString()}; load average before: ${loadavg()}`);
  const t0 = performance.now();
  const platform = await openTodoPlatform(options);
  const seed = await seedTodoBench(platform, options);
  const { db } = platform.database;
  const version =
    options.engine === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0].v}`
      : String((await sql<{ v: string }>`select version() as v`.execute(db)).rows[0].v).split(' on ')[0];
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? '';
  log(
    `machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} CPUs (${cpuModel}), Node ${process.version}, ${version}, load generator ${hasWrk ? execFileSync('bash', ['-c', 'wrk --version 2>&1 | head -1'], { encoding: 'utf8' }).trim() : 'fetch loops (wrk not installed)'}`,
  );
  log(
    `database: ${options.label}: ${options.instances.toLocaleString('en')} open reviews at ${seed.counties.toLocaleString('en')} county authorities + ${options.ministry.toLocaleString('en')} at the ministry (${seed.seeded ? 'seeded now' : 'already seeded'}, ${fmt((performance.now() - t0) / 1000, 1)} s)`,
  );

  const app = await buildApp(platform, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const realBase = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const cookies: Record<string, string> = {};
  const bodies: Record<string, string> = {};
  for (const [who, caller] of Object.entries(CALLERS)) {
    const login = await fetch(`${realBase}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: caller.account, password: caller.password }),
    });
    if (login.status !== 200) throw new Error(`sign-in of ${caller.account} failed: ${login.status} ${await login.text()}`);
    const { mfa } = (await login.json()) as { mfa: string };
    if (mfa !== 'none') throw new Error(`${caller.account} must not need a second factor, got mfa=${mfa}`);
    cookies[who] = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await fetch(`${realBase}${TODO}`, { headers: { cookie: cookies[who] } });
    bodies[who] = await res.text();
    if (res.status !== 200) throw new Error(`GET ${TODO} as ${caller.account}: ${res.status} ${bodies[who]}`);
    const page = JSON.parse(bodies[who]) as { items: unknown[]; total: number; totalCapped: boolean };
    log(
      `${caller.account} (${caller.role} at ${caller.orgCode}): GET ${TODO} → ${page.items.length} items of ${page.totalCapped ? 'more than ' : ''}${page.total.toLocaleString('en')}, ${Buffer.byteLength(bodies[who]).toLocaleString('en')} bytes`,
    );
  }

  const bare = Fastify({ logger: false });
  const payload = JSON.parse(bodies.county) as unknown;
  bare.get(TODO, async () => payload); // an object, so it is serialised per request like the real one
  await bare.listen({ host: HOST, port: 0 });
  const bareBase = `http://${HOST}:${(bare.server.address() as { port: number }).port}`;
  const bareBody = await (await fetch(`${bareBase}${TODO}`)).text();
  log(`bare route: the county reviewer's body, ${bareBody === bodies.county ? 'identical' : 'DIFFERENT'}`);

  const urls: Record<string, string> = {
    bare: `${bareBase}${TODO}`,
    healthCookie: `${realBase}/api/health`,
    todo: `${realBase}${TODO}`,
    todoMinistry: `${realBase}${TODO}`,
  };
  const idle = () => settle(db, options.engine);
  const cookieFor = (t: string) => (t === 'todoMinistry' ? cookies.ministry : cookies.county);
  for (const t of TARGETS) if (!urls[t]) throw new Error(`unknown target ${t}`);
  log(
    `\nwarm-up 3 s per target; ${ROUNDS} rounds × ${TARGETS.join(', ')}; ${hasWrk ? `wrk -t${THREADS}` : 'fetch'} -c${CONNECTIONS} -d${SECONDS}s`,
  );
  for (const t of TARGETS) await measure(urls[t], cookieFor(t), 3, idle);
  const runs: Record<string, Run[]> = Object.fromEntries(TARGETS.map((t) => [t, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of TARGETS) {
      const r = await measure(urls[t], cookieFor(t), SECONDS, idle);
      runs[t].push(r);
      log(
        `round ${round} ${t.padEnd(12)} ${fmt(r.rps, 0).padStart(6)} req/s  p50 ${fmt(r.p50).padStart(7)} ms  p99 ${fmt(r.p99).padStart(7)} ms  server CPU ${fmt(r.serverCpuMsPerRequest, 3)} ms/req  others ${r.othersCpuPercent} %  load ${r.load}${r.errors ? `  ERRORS ${r.errors}` : ''}`,
      );
    }
  }

  const rows = TARGETS.map((t) => {
    const rs = runs[t];
    const perRound = runs.bare ? rs.map((r, i) => r.rps / runs.bare[i].rps) : [];
    return {
      target: t,
      rps: median(rs.map((r) => r.rps)),
      rpsMin: Math.min(...rs.map((r) => r.rps)),
      rpsMax: Math.max(...rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p90: median(rs.map((r) => r.p90)),
      p99: median(rs.map((r) => r.p99)),
      vsBare: perRound.length ? median(perRound) : NaN,
      cpuMs: median(rs.map((r) => r.serverCpuMsPerRequest)),
      others: median(rs.map((r) => r.othersCpuPercent)),
      errors: rs.reduce((a, r) => a + r.errors, 0),
    };
  });
  log(
    "\n| target | req/s median (min–max) | p50 ms | p90 ms | p99 ms | vs bare (median of per-round ratios) | server CPU ms/req | others' CPU % | errors |",
  );
  log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    log(
      `| ${r.target} | ${fmt(r.rps, 0)} (${fmt(r.rpsMin, 0)}–${fmt(r.rpsMax, 0)}) | ${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${fmt(100 * r.vsBare, 0)} % | ${fmt(r.cpuMs, 3)} | ${fmt(r.others, 0)} | ${r.errors} |`,
    );

  await idle();
  const baselines = [];
  for (const caller of Object.values(CALLERS)) {
    log(`\nthe to-do query of ${caller.account} without HTTP (serial loop through the app's Kysely):`);
    const baseline = await databaseBaseline(platform, options.engine, options.databaseUrl, caller.account);
    baselines.push(baseline);
    log('| query | rows | iterations | mean ms | p50 ms | p99 ms | Node CPU ms |');
    log('|---|---|---|---|---|---|---|');
    for (const t of baseline.timings)
      log(
        `| ${t.label} | ${t.rows} | ${t.iterations} | ${fmt(t.meanMs, 3)} | ${fmt(t.p50Ms, 3)} | ${fmt(t.p99Ms, 3)} | ${fmt(t.cpuMs, 3)} |`,
      );
    log('\nplans:');
    for (const p of baseline.plans) log(`-- ${p.label}\n${p.plan}`);
  }
  log('\nSQL:');
  for (const q of baselines[0].queries) log(`-- ${q.label}\n${q.sql}`);

  const file = join(
    RESULTS_DIR,
    `workflow-todo-${options.engine}-${options.instances}-moe-${options.ministry}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        options,
        seed,
        version,
        node: process.version,
        loadBefore: loadavg(),
        bodyBytes: Object.fromEntries(Object.entries(bodies).map(([k, b]) => [k, Buffer.byteLength(b)])),
        runs,
        rows,
        baselines,
      },
      null,
      2,
    ),
  );
  log(`\nresults: ${file.slice(RESULTS_DIR.length - 13)}; load average after: ${loadavg()}`);
  await bare.close();
  await app.close();
  await platform.close();
}

await main();
