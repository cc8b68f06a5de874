#!/usr/bin/env node
// A longer route-fuzzing run than CI's (apps/server/src/route-fuzz.int.test.ts): the same harness,
// more cases per route, several seeds, one engine or both.
//
//   node scripts/fuzz-routes.mjs [--runs 200] [--seed 12345|random] [--rounds 3] [--pg postgres://postgres@127.0.0.1:5432/postgres]
//
//   --runs    cases per route per round (CI uses 24); ~110 routes × runs requests per round and engine
//   --seed    first seed (default random); round i uses seed + i, printed so a finding can be replayed with
//             EDUCLOUD_FUZZ_SEED=<seed> EDUCLOUD_FUZZ_RUNS=<runs> npx vitest run apps/server/src/route-fuzz.int.test.ts
//   --rounds  how many seeds to try (default 1)
//   --pg      an admin URL of a PostgreSQL server (a database is created and dropped per round); without it, SQLite only
//
// Each round's findings (all of them, the temporary known ones included) go to
// bench/results/route-fuzz-<seed>-<engine>.json; the script prints one line per (kind, class, route)
// and exits 1 when a round found anything outside KNOWN_FINDINGS_UNTIL_MERGE.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = Object.fromEntries(argv.flatMap((a, i) => (a.startsWith('--') ? [[a.slice(2), argv[i + 1]]] : [])));
const runs = Number(args.runs ?? 200);
const rounds = Number(args.rounds ?? 1);
const first = !args.seed || args.seed === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(args.seed);
const results = path.join(ROOT, 'bench/results');
mkdirSync(results, { recursive: true });

let failed = false;
for (let round = 0; round < rounds; round++) {
  const seed = first + round;
  const env = {
    ...process.env,
    EDUCLOUD_FUZZ_SEED: String(seed),
    EDUCLOUD_FUZZ_RUNS: String(runs),
    EDUCLOUD_FUZZ_REPORT: path.join(results, `route-fuzz-${seed}-{engine}.json`),
  };
  if (args.pg) env.EDUCLOUD_TEST_DATABASE_URL = args.pg;
  else delete env.EDUCLOUD_TEST_DATABASE_URL;
  console.log(`\n== round ${round + 1}/${rounds}: seed ${seed}, ${runs} cases per route, ${args.pg ? 'SQLite and PostgreSQL' : 'SQLite'}`);
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot', 'apps/server/src/route-fuzz.int.test.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  console.log(`vitest exit ${run.status} after ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) failed = true;
  for (const engine of ['sqlite', 'postgres']) {
    const file = path.join(results, `route-fuzz-${seed}-${engine}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    console.log(
      `-- ${engine}: statuses ${JSON.stringify(report.statuses)}; ${report.failures.length} new, ${report.known.length} known findings (${file})`,
    );
    const byClass = new Map();
    for (const f of report.known) byClass.set(`${f.kind} ${f.class}`, new Set([...(byClass.get(`${f.kind} ${f.class}`) ?? []), f.route]));
    for (const [key, routes] of byClass)
      console.log(`known ${key}: ${routes.size} routes (${[...routes].slice(0, 6).join(', ')}${routes.size > 6 ? ', …' : ''})`);
    const groups = new Map();
    for (const f of report.failures)
      groups.set(`${f.kind} ${f.class} ${f.route}`, [...(groups.get(`${f.kind} ${f.class} ${f.route}`) ?? []), f]);
    for (const [key, list] of groups)
      console.log(
        `NEW ${key} ×${list.length}; e.g. as ${list[0].role} → ${list[0].status} (${list[0].label}) ${list[0].request.slice(0, 200).replace(/\s+/g, ' ')} :: ${list[0].detail.slice(0, 200)}`,
      );
  }
}
process.exit(failed ? 1 : 0);
