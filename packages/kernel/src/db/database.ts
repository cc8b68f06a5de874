import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { SQLite, type SqliteConnection, type SqliteStatement } from './sqlite-driver.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<any>;
  engine: Engine;
  url: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), bigint columns) and numeric as strings; SQLite returns
// numbers. Parsing them here, once, keeps every repo free of engine checks. Our bigints are
// counts and epoch milliseconds, far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** Opens SQLite (a file path or `sqlite:` URL, WAL mode) or PostgreSQL (`postgres://`). */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection that the server ends (a restart, an administrator's command) is
    // dropped by the pool and replaced on the next query; without a listener the pool's
    // 'error' event would end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', url, close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { db, engine: 'sqlite', url, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running the small
 * queries every request makes (docs/benchmarks.md). Statements are kept by their SQL text; one
 * still busy (an open iterator) is never handed out twice.
 */
function withStatementCache(connection: SqliteConnection) {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => connection.close(),
    prepare(sqlText: string) {
      const cached = statements.get(sqlText);
      if (cached && !cached.busy) return cached;
      const statement = connection.prepare(sqlText);
      if (statements.size >= 2000) statements.clear();
      statements.set(sqlText, statement);
      return statement;
    },
  };
}

export async function engineOf(db: Kysely<any>): Promise<Engine> {
  try {
    await sql`select sqlite_version()`.execute(db);
    return 'sqlite';
  } catch {
    return 'postgres';
  }
}
