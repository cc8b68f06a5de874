import { afterAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase } from '#kernel/db/database.ts';
import { ForeignTableError } from '#kernel/db/own-tables.ts';
import { authDb } from './auth.tables.ts';

describe('core/auth sees only its own tables, typed and camelCase', () => {
  const database = openDatabase('sqlite::memory:');
  const db = authDb(database.db);
  afterAll(() => database.close());

  it('makes a misspelt column or a foreign table a compile error (tsc checks the @ts-expect-error lines)', () => {
    const typo = () =>
      db
        .selectFrom('core_sessions')
        // @ts-expect-error: the column is lastSeenAt (last_seen_at in SQL)
        .select('last_seen_at');
    const wrongSet = () =>
      db
        .updateTable('core_api_tokens')
        // @ts-expect-error: there is no column revokedOn
        .set({ revokedOn: 'x' });
    const wrongTable = () =>
      db
        // @ts-expect-error: core_users belongs to core/users
        .selectFrom('core_users');
    expect([typo, wrongSet, wrongTable]).toHaveLength(3);
  });

  it("maps camelCase to snake_case in SQL and refuses another piece's table when the query is built", () => {
    expect(db.selectFrom('core_sessions').select(['userId', 'lastSeenAt']).compile().sql).toBe(
      'select "user_id", "last_seen_at" from "core_sessions"',
    );
    const foreign = db as unknown as Kysely<Record<string, Record<string, string>>>;
    expect(() => foreign.selectFrom('core_api_tokens as t').innerJoin('core_orgs as o', 'o.id', 't.org_id').selectAll().compile()).toThrow(
      ForeignTableError,
    );
  });
});
