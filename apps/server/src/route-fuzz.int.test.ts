import { writeFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { reviewFixtureModule } from '#core/workflow/testing/review-fixture.ts';
import type { RouteEntry } from './app.ts';
import { describeOnEngines } from './testing/test-app.ts';
import { buildFuzzWorld, errorProbeModule, PROBE_ROUTES, type FuzzWorld } from './testing/fuzz-world.ts';
import { fuzzedRoutes, fuzzRoute, groupFindings, makeSnapshotter, routeKey, routeSeed, type Finding, type FindingClass } from './testing/route-fuzz.ts';

/*
 * Fuzzes every /api route from its schema (#9 "beyond the list"): valid and broken params,
 * queries and bodies, sent as a caller of every built-in role and as nobody, on each engine.
 * Zero 5xx, every error problem+json with a code, and nothing stored by a refused request.
 *
 * Budget: EDUCLOUD_FUZZ_RUNS cases per route (default 24); EDUCLOUD_FUZZ_SEED fixes the cases
 * (default fixed, so CI is repeatable; a failure prints the seed). Longer runs: bench/route-fuzz.ts.
 */

const SEED = process.env.EDUCLOUD_FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.EDUCLOUD_FUZZ_SEED ?? 20260901);
const RUNS = Number(process.env.EDUCLOUD_FUZZ_RUNS ?? 24);

/**
 * TEMPORARY: findings in classes that other #9 work is fixing (text hygiene, unique violations,
 * multipart, framework error format, unbounded numbers). The lead deletes this list once those
 * branches are merged; then every finding fails the test. A finding of class 'other' never goes here.
 */
const KNOWN_FINDINGS_UNTIL_MERGE: Array<{ route: string; class: Exclude<FindingClass, 'other'>; seen: string }> = [
  // Fastify answers a param it cannot decode (%FF, %ED%A0%80, %00) or longer than 100 characters
  // with its own {"error":"Bad Request","code":"FST_ERR_BAD_URL" | "FST_ERR_MAX_PARAM_LENGTH"} (400/414): every route with a param.
  { route: '*', class: 'error_format', seen: 'FST_ERR_BAD_URL 400 and FST_ERR_MAX_PARAM_LENGTH 414, not problem+json' },
  // PostgreSQL refuses NUL in text (22021) and the query fails with 500; SQLite stores it. Any route that puts text into SQL.
  { route: '*', class: 'text_hygiene', seen: 'PostgreSQL 500 on "\\u0000" in params, queries and bodies' },
  // A truncated multipart body throws "Unexpected end of multipart data" → 500.
  { route: 'POST /api/files', class: 'multipart', seen: 'truncated multipart → 500' },
];

const isKnown = (f: Finding) => f.class !== 'other' && KNOWN_FINDINGS_UNTIL_MERGE.some((k) => (k.route === '*' || k.route === f.route) && k.class === f.class);

describeOnEngines('route fuzzing', (harness) => {
  let world: FuzzWorld;
  let snapshot: () => Promise<Map<string, string>>;
  const known: Finding[] = [];

  beforeAll(async () => {
    world = await buildFuzzWorld(harness());
    snapshot = await makeSnapshotter(harness());
  });

  it('sees a 5xx and a refused request that stored a row (the probe module misbehaves on purpose)', async () => {
    const probes = harness().app.routeCatalog.filter((r) => PROBE_ROUTES.includes(routeKey(r)));
    expect(probes).toHaveLength(2);
    const kinds = new Set<string>();
    for (const route of probes) for (const f of (await fuzzRoute(world, route, snapshot, { seed: SEED, runs: 30 })).findings) kinds.add(`${f.kind} ${f.class} ${f.route}`);
    expect([...kinds]).toEqual(expect.arrayContaining(['5xx other GET /api/fuzz-probe/crash', 'stored_on_refusal other POST /api/fuzz-probe/leak']));
  });

  it('fuzzes every route with valid and broken requests from each role: no 5xx, problem+json errors, nothing stored on refusal', async () => {
    const routes: RouteEntry[] = fuzzedRoutes(harness());
    expect(routes.length).toBeGreaterThan(100);
    const failures: Finding[] = [];
    const statuses: Record<string, number> = {};
    for (const route of routes) {
      const run = await fuzzRoute(world, route, snapshot, { seed: routeSeed(SEED, routeKey(route)), runs: RUNS });
      for (const [s, n] of Object.entries(run.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
      for (const f of run.findings) (isKnown(f) ? known : failures).push(f);
    }
    if (known.length) console.warn(`route fuzzing [${harness().engine}]: ${known.length} known findings (KNOWN_FINDINGS_UNTIL_MERGE)`);
    if (process.env.EDUCLOUD_FUZZ_REPORT) writeFileSync(process.env.EDUCLOUD_FUZZ_REPORT.replace('{engine}', harness().engine), JSON.stringify({ seed: SEED, runs: RUNS, statuses, failures, known }, null, 1));
    const summary = groupFindings(failures);
    expect(summary, `replay with EDUCLOUD_FUZZ_SEED=${SEED} EDUCLOUD_FUZZ_RUNS=${RUNS}; statuses ${JSON.stringify(statuses)}`).toEqual([]);
    // Not an artefact of refusing everything: valid requests from the right callers get through (about 1 in 6 with the defaults).
    const total = Object.values(statuses).reduce((a, n) => a + n, 0);
    const served = Object.entries(statuses).filter(([s]) => Number(s) < 300).reduce((a, [, n]) => a + n, 0);
    expect(served).toBeGreaterThan(total * 0.08);
  }, Math.max(600_000, RUNS * 120 * 400));
}, { extraModules: [reviewFixtureModule, errorProbeModule] });
