import { writeFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { reviewFixtureModule } from '#core/workflow/testing/review-fixture.ts';
import type { RouteEntry } from './app.ts';
import { describeOnEngines } from './testing/test-app.ts';
import { buildFuzzWorld, errorProbeModule, type FuzzWorld } from './testing/fuzz-world.ts';
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
const KNOWN_FINDINGS_UNTIL_MERGE: Array<{ route: string; class: Exclude<FindingClass, 'other'> }> = [];

const isKnown = (f: Finding) => f.class !== 'other' && KNOWN_FINDINGS_UNTIL_MERGE.some((k) => (k.route === '*' || k.route === f.route) && k.class === f.class);

describeOnEngines('route fuzzing', (harness) => {
  let world: FuzzWorld;
  let snapshot: () => Promise<Map<string, string>>;
  const known: Finding[] = [];

  beforeAll(async () => {
    world = await buildFuzzWorld(harness());
    snapshot = await makeSnapshotter(harness());
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
    // Not an artefact of refusing everything: some requests get through.
    expect(Object.entries(statuses).filter(([s]) => Number(s) < 300).reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(routes.length);
  }, 600_000);
}, { extraModules: [reviewFixtureModule, errorProbeModule] });
