import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';

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
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, engine: 'sqlite', url, close: () => db.destroy() };
}

export async function engineOf(db: Kysely<any>): Promise<Engine> {
  try {
    await sql`select sqlite_version()`.execute(db);
    return 'sqlite';
  } catch {
    return 'postgres';
  }
}
