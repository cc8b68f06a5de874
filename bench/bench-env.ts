/**
 * What the seed and the benchmark agree on: where the benchmark database is, how big it is,
 * and who the bench caller is. Both scripts take the same options:
 *
 *   --users N      users to create (default 1,000,000; env BENCH_USERS)
 *   --schools N    schools to spread them over (default 20,000, e.g. 500000; env BENCH_SCHOOLS)
 *
 * SQLite by default, in bench/results/ (git-ignored), one file per size so that both sizes can
 * coexist; PostgreSQL when BENCH_DATABASE_URL is set (e.g.
 * postgres://postgres@127.0.0.1:5432/educloud_bench — the seed creates that database).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, type Config } from '../apps/server/src/config.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = join(BENCH_DIR, 'results');

/** The caller whose list is measured: a custom, non-administrative role on one province. */
export const CALLER = {
  account: 'bench.hebei',
  password: 'Bench-Reader-2026!',
  realName: '基准测试员',
  provinceCode: 'GB130000', // 河北省教育厅
  roleCode: 'bench_reader',
  roleName: '基准测试只读',
  permissions: ['users.user.read', 'orgs.org.read'],
} as const;

/** Benchmark users have accounts bu0000001…; the prefix lets the seed count and resume them. */
export const USER_PREFIX = 'bu';
export const SCHOOL_PREFIX = 'BS';

// A fixed master key: the fixture's ID numbers and phones are fake, and PostgreSQL requires a key.
const BENCH_FIELD_KEY = '62656e63682d6b65792d6e6f742d612d7365637265742d626e63682d6b65792d';

export interface BenchOptions {
  users: number;
  schools: number;
  databaseUrl: string;
  engine: 'sqlite' | 'postgres';
  /** What the report calls this database. */
  label: string;
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function benchOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const { values } = parseArgs({ args: argv, options: { users: { type: 'string' }, schools: { type: 'string' } }, strict: true });
  const users = positive('users', values.users ?? env.BENCH_USERS, 1_000_000);
  const schools = positive('schools', values.schools ?? env.BENCH_SCHOOLS, 20_000);
  const pgUrl = env.BENCH_DATABASE_URL;
  if (pgUrl) {
    if (!/^postgres(ql)?:\/\//.test(pgUrl) || !['127.0.0.1', 'localhost'].includes(new URL(pgUrl).hostname))
      throw new Error('BENCH_DATABASE_URL must be postgres://…@127.0.0.1…');
    return { users, schools, databaseUrl: pgUrl, engine: 'postgres', label: `PostgreSQL ${new URL(pgUrl).pathname.slice(1)}` };
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `users-${users}-schools-${schools}.db`);
  return { users, schools, databaseUrl: `sqlite:${file}`, engine: 'sqlite', label: `SQLite ${file.slice(BENCH_DIR.length - 5)}` };
}

export function benchConfig(options: BenchOptions): Config {
  return loadConfig({
    DATABASE_URL: options.databaseUrl,
    EDUCLOUD_DATA_DIR: join(RESULTS_DIR, 'data'),
    EDUCLOUD_FIELD_KEY: BENCH_FIELD_KEY,
    EDUCLOUD_LOG_LEVEL: 'silent',
    EDUCLOUD_LOGIN_RATE_LIMIT: '1000',
    EDUCLOUD_HOST: '127.0.0.1',
  });
}

/** A small deterministic generator (mulberry32), so a resumed seed makes the same rows. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates the PostgreSQL database named in `url` when it does not exist yet (never drops one);
 * true when it was created. Connects to the server's `postgres` database to do so.
 */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount) return false;
    await client.query(`create database ${name}`);
    return true;
  } finally {
    await client.end();
  }
}
