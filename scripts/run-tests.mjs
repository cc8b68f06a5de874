#!/usr/bin/env node
// `npm test`: runs every test stage, then prints one closing line that CI reads:
//
//   N passed, N failed[, N skipped]
//
// Each stage runs its tool with output streamed to the terminal, then reads the
// tool's JSON report to count tests (a type check, which has none, counts as one
// test passed or failed). Counts of all stages are summed. The run
// fails (exit 1) when any stage's tool failed, any test failed, a report is
// missing or unreadable, or no test was executed at all.
//
// Extra CLI arguments are passed to every stage (e.g. `npm test -- packages/kernel`).
// To add a stage, append one entry to STAGES below. A stage may have `skip()` (a reason
// to skip it on purpose, printed) and `preflight()` (why it cannot run: the stage then
// fails, counted as one failed test, without starting its tool).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');

/**
 * A stage: `command(extraArgs)` gives [cmd, ...args] to run in ROOT; `report`
 * is the JSON file it writes; `count(json, extraArgs)` turns that report into
 * { passed, failed, skipped, notes: string[] }. A stage without `report` counts
 * as one test, passed when its tool exits 0. `env()` adds variables for its tool.
 */
const STAGES = [
  typecheckStage('typecheck-server', 'tsconfig.json', 'server, core, modules, kernel, bench, e2e, scripts'),
  typecheckStage('typecheck-web', 'apps/web/tsconfig.json', 'the console as vite builds it: apps/web, packages/ui, */web'),
  {
    name: 'lint',
    description: 'biome ci: lint rules and format check over every source file (biome.json), warnings count as failures',
    skip: (extraArgs) => (extraArgs.length > 0 ? 'a test filter was given (npx biome ci . checks alone)' : null),
    command: () => [path.join(ROOT, 'node_modules', '.bin', 'biome'), 'ci', '--error-on-warnings', '--max-diagnostics=50', '.'],
  },
  {
    name: 'server',
    description: 'vitest: unit and integration tests (vitest.config.ts)',
    report: 'test-results/vitest.json',
    command: (extraArgs) => [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/vitest.json',
      // `npm test -- e2e/sign-in` filters every stage; here it may match no test file.
      '--passWithNoTests',
      ...extraArgs,
    ],
    count: (json, extraArgs) => requireTestsUnfiltered(countJestStyleReport(json), extraArgs, 'server'),
  },
  {
    name: 'scaffold',
    description:
      'a module written by `npm run new-module` passes type checks, lint, its tests and the matrix untouched (scripts/check-scaffold.mjs)',
    skip: (extraArgs) =>
      extraArgs.length > 0
        ? 'a test filter was given'
        : process.env.CI || process.env.EDUCLOUD_SCAFFOLD_CHECK === '1'
          ? null
          : 'runs in CI (or with EDUCLOUD_SCAFFOLD_CHECK=1)',
    command: () => [process.execPath, path.join(ROOT, 'scripts', 'check-scaffold.mjs')],
  },
  secondNodeStage(),
  {
    name: 'browser',
    description: "vitest: browser journeys in Debian's Chromium against a real server (e2e/vitest.e2e.config.ts)",
    report: 'test-results/e2e.json',
    // EDUCLOUD_SKIP_E2E=1 skips the stage on purpose (printed); a missing Chromium fails it.
    skip: () => (process.env.EDUCLOUD_SKIP_E2E === '1' ? 'EDUCLOUD_SKIP_E2E=1 is set' : null),
    preflight: chromiumProblem,
    command: (extraArgs) => [
      'npx',
      'vitest',
      'run',
      '--config=e2e/vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/e2e.json',
      // `npm test -- packages/kernel` filters every stage; here it may match no journey.
      '--passWithNoTests',
      ...extraArgs,
    ],
    count: (json, extraArgs) => requireTestsUnfiltered(countJestStyleReport(json), extraArgs, 'browser'),
  },
];

/**
 * `tsc --noEmit` over one tsconfig; tsc prints its errors. Incremental: the build info lives in
 * .cache/tsc (gitignored), so a second run checks only what changed. A filtered run
 * (`npm test -- packages/kernel`) skips it: the filter picks tests, and tsc has none to pick.
 */
function typecheckStage(name, project, what) {
  return {
    name,
    description: `tsc --noEmit -p ${project} (${what})`,
    skip: (extraArgs) => (extraArgs.length > 0 ? 'a test filter was given (npm run typecheck checks types alone)' : null),
    command: () => [
      process.execPath,
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--noEmit',
      '--pretty',
      'false',
      '--incremental',
      '--tsBuildInfoFile',
      `.cache/tsc/${name}.tsbuildinfo`,
      '-p',
      project,
    ],
  };
}

/**
 * The server tests again on a second Node.js, the binary named by EDUCLOUD_SECOND_NODE
 * (bash .ci/run brings Node 24 from the npm registry; docs/adr/0013-node-runtimes.md). Only the
 * server project: the console tests run in jsdom and do not depend on the server's Node.
 */
function secondNodeStage() {
  const bin = process.env.EDUCLOUD_SECOND_NODE;
  let version = null;
  if (bin && existsSync(bin)) {
    try {
      version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      version = null;
    }
  }
  const name = version ? `server-node${version.slice(1).split('.')[0]}` : 'server-second-node';
  return {
    name,
    description: `vitest --project server on ${bin ?? 'a second Node.js'}${version ? ` (${version})` : ''}`,
    report: `test-results/vitest-${name}.json`,
    skip: () => (bin ? null : 'EDUCLOUD_SECOND_NODE is not set (bash .ci/run sets it to a Node 24)'),
    preflight: () => (version ? null : `EDUCLOUD_SECOND_NODE=${bin} is not a Node.js binary that runs`),
    // Tests that start `node` (the CLI, a server) start this one too. SQLite only: what differs
    // between Node versions is the runtime (the native SQLite module, crypto, the HTTP parser);
    // PostgreSQL queries are the same on both and run in the first server stage, and running
    // them twice would push CI past its 30-minute budget (docs/adr/0013-node-runtimes.md).
    env: () => ({ PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`, EDUCLOUD_TEST_DATABASE_URL: '' }),
    command: (extraArgs) => [
      bin,
      path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--project=server',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=test-results/vitest-${name}.json`,
      '--passWithNoTests',
      ...extraArgs,
    ],
    count: (json, extraArgs) => requireTestsUnfiltered(countJestStyleReport(json), extraArgs, name),
  };
}

/** Without a filter, a stage that ran no test is broken, not green: one failure. */
function requireTestsUnfiltered(counts, extraArgs, stageName) {
  if (extraArgs.length === 0 && counts.passed + counts.failed === 0) {
    counts.failed += 1;
    counts.notes.push(`no ${stageName} test was executed (counted as 1 failure): check the stage's include patterns`);
  }
  return counts;
}

/** Why browser tests cannot run here (no Chromium), or null. */
function chromiumProblem() {
  const chromium = process.env.EDUCLOUD_CHROMIUM || '/usr/bin/chromium';
  if (existsSync(chromium)) return null;
  return (
    `Chromium not found at ${chromium}. Browser tests need the Debian packages chromium and ` +
    'fonts-wqy-microhei (bash .ci/run installs them; locally: apt-get install chromium fonts-wqy-microhei). ' +
    'Set EDUCLOUD_CHROMIUM to use another binary, or EDUCLOUD_SKIP_E2E=1 to skip the browser stage on purpose.'
  );
}

/** Counts a Jest-compatible JSON report (what vitest's `json` reporter writes). */
function countJestStyleReport(json) {
  const num = (v) => (Number.isFinite(v) ? v : 0);
  const passed = num(json.numPassedTests);
  let failed = num(json.numFailedTests);
  const skipped = num(json.numPendingTests) + num(json.numTodoTests);
  const notes = [];
  // A test file that fails to load (syntax/import error, failing beforeAll...)
  // has no test results of its own; count each such file as one failure so it
  // cannot hide behind a green line.
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  if (brokenFiles.length > 0) {
    failed += brokenFiles.length;
    for (const file of brokenFiles) {
      const rel = path.relative(ROOT, file.name ?? '?');
      const why = String(file.message ?? '')
        .split('\n')[0]
        .slice(0, 200);
      notes.push(`test file failed outside its tests (counted as 1 failure): ${rel}${why ? ` — ${why}` : ''}`);
    }
  }
  return { passed, failed, skipped, notes };
}

function run(argv, extraEnv = {}) {
  const [cmd, ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`run-tests: cannot start ${cmd}: ${err.message}`);
      resolve({ code: 127, signal: null });
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    });
  });
}

function describeDatabases() {
  const url = process.env.EDUCLOUD_TEST_DATABASE_URL;
  if (!url) return 'SQLite only (set EDUCLOUD_TEST_DATABASE_URL to add PostgreSQL)';
  let shown = url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    shown = u.toString();
  } catch {
    shown = '(unparsable URL)';
  }
  return `SQLite + PostgreSQL (${shown})`;
}

async function main() {
  const extraArgs = process.argv.slice(2);
  mkdirSync(RESULTS_DIR, { recursive: true });
  console.log(`run-tests: integration test databases: ${describeDatabases()}`);

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];

  for (const stage of STAGES) {
    const reportPath = stage.report ? path.join(ROOT, stage.report) : null;
    if (reportPath) rmSync(reportPath, { force: true }); // never read a stale report
    console.log(`\nrun-tests: stage '${stage.name}': ${stage.description}`);
    const skipReason = stage.skip?.(extraArgs);
    if (skipReason) {
      console.log(`run-tests: stage '${stage.name}' SKIPPED: ${skipReason}`);
      continue;
    }
    const unrunnable = stage.preflight?.();
    if (unrunnable) {
      console.error(`run-tests: stage '${stage.name}' cannot run: ${unrunnable}`);
      problems.push(`stage '${stage.name}' cannot run: ${unrunnable}`);
      totals.failed += 1;
      continue;
    }
    const started = Date.now();
    const { code, signal } = await run(stage.command(extraArgs), stage.env?.());
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    if (signal || code !== 0) {
      problems.push(`stage '${stage.name}' exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
    }
    if (!reportPath) {
      const ok = !signal && code === 0;
      console.log(`run-tests: stage '${stage.name}' finished in ${seconds}s: ${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
      totals[ok ? 'passed' : 'failed'] += 1;
      continue;
    }
    if (!existsSync(reportPath)) {
      problems.push(`stage '${stage.name}' wrote no JSON report (${stage.report} is missing)`);
      console.log(`run-tests: stage '${stage.name}' finished in ${seconds}s without a report`);
      continue;
    }
    let counts;
    try {
      counts = stage.count(JSON.parse(readFileSync(reportPath, 'utf8')), extraArgs);
    } catch (err) {
      problems.push(`stage '${stage.name}': cannot read ${stage.report}: ${err.message}`);
      continue;
    }
    for (const note of counts.notes) console.log(`run-tests: ${stage.name}: ${note}`);
    console.log(
      `run-tests: stage '${stage.name}' finished in ${seconds}s: ` +
        `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }

  const reportsMissing = problems.some((p) => p.includes('no JSON report') || p.includes('cannot read'));
  if (totals.failed > 0) problems.push(`${totals.failed} test(s) failed`);
  if (!reportsMissing && totals.passed + totals.failed === 0) problems.push('no test was executed');

  console.log('');
  for (const problem of problems) console.error(`run-tests: FAILED: ${problem}`);
  // The closing line. Without every report the counts are unknown: print none
  // rather than a partial one (the exit code then tells).
  if (!reportsMissing) {
    const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
    console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  }
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`run-tests: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
