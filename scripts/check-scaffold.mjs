#!/usr/bin/env node
// Proves that `npm run new-module` writes a module that passes untouched: copies the working tree
// (tracked and untracked files, without node_modules and build output) to a temporary folder,
// scaffolds a module there, and runs on it what `npm test` would: both type checks, biome, the
// module's own tests (on PostgreSQL too when EDUCLOUD_TEST_DATABASE_URL is set), and the
// authorization matrix, the route fuzzer and the messages check, which every new route and code
// must satisfy. Exits non-zero on the first failure. `npm test` runs it as the `scaffold` stage in CI.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'scaffold-probe';
const SKIP = new Set(['node_modules', '.git', '.cache', 'test-results', 'data', 'dist']);

function run(label, cmd, args, env = process.env) {
  process.stdout.write(`[scaffold] ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: work, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`[scaffold] FAILED: ${label}\n`);
    cleanup();
    process.exit(1);
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'educloud-scaffold-'));
const cleanup = () => rmSync(work, { recursive: true, force: true });

cpSync(ROOT, work, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== ROOT });
symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
// biome honours .gitignore only inside a repository.
execFileSync('git', ['init', '-q'], { cwd: work });

const node = process.execPath;
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const sqliteOnly = { ...process.env };
delete sqliteOnly.EDUCLOUD_TEST_DATABASE_URL;

run(`npm run new-module -- ${NAME}`, node, ['scripts/new-module.mjs', NAME, '--zh', '脚手架探针']);
run('tsc (server)', node, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
run('tsc (web)', node, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'apps/web/tsconfig.json']);
run('biome ci', bin('biome'), ['ci', '--error-on-warnings', '--max-diagnostics=20', '.']);
run(`the module's tests`, bin('vitest'), ['run', '--project', 'server', `modules/${NAME}`]);
run(
  'authorization matrix, route fuzzer, messages (SQLite)',
  bin('vitest'),
  [
    'run',
    '--project',
    'server',
    'apps/server/src/authorization-matrix.int.test.ts',
    'apps/server/src/route-fuzz.int.test.ts',
    'apps/server/src/messages.test.ts',
  ],
  sqliteOnly,
);
cleanup();
process.stdout.write('[scaffold] the scaffolded module passes\n');
