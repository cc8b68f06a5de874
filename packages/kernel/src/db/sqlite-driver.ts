import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

// No one better-sqlite3 runs on every Node.js we support (docs/adr/0013-node-runtimes.md):
// 13 (Node-API, prebuilt in its package) crashes Node 20 as it loads; 12 (compiled against the
// running Node's V8 headers) aborts Node 24.19+ when a collected statement is destroyed.
// package.json installs both: 13 as `better-sqlite3`, 12 as `better-sqlite3-node20`. The choice
// must come before loading either, since the wrong one kills the process instead of throwing.
const nodeMajor = Number(process.versions.node.split('.')[0]);

/** The package this Node.js loads: `better-sqlite3` (13) on Node 22+, 12 on Node 20. */
export const sqlitePackage = nodeMajor >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';

/** better-sqlite3's Database constructor; both versions share the API that @types describes. */
export const SQLite = createRequire(import.meta.url)(sqlitePackage) as typeof BetterSqlite3;

export type SqliteConnection = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;
