import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { ForeignTableError, type PlatformDb } from '#kernel/db/own-tables.ts';
import { orgsDb } from './orgs.tables.ts';

// A database object that compiles queries and never connects.
const db = new Kysely<Record<never, never>>({
  dialect: new SqliteDialect({
    database: async () => {
      throw new Error('not connected');
    },
  }),
}) as PlatformDb;

describe('orgsDb', () => {
  it('types core_orgs camelCase and maps it to snake_case SQL', () => {
    const { sql } = orgsDb(db).selectFrom('core_orgs').select(['parentId', 'isActive']).where('divisionCode', '=', '130102').compile();
    expect(sql).toBe('select "parent_id", "is_active" from "core_orgs" where "division_code" = ?');
  });

  it('makes a misspelt column or a foreign table a compile error', () => {
    const orgs = orgsDb(db);
    // @ts-expect-error: the column is parentId; parent_id is the SQL name, not the TypeScript one.
    orgs.selectFrom('core_orgs').select('parent_id');
    // @ts-expect-error: no such column.
    orgs.selectFrom('core_orgs').selectAll().where('isActiv', '=', 1);
    // @ts-expect-error: a string is not a 0/1 integer.
    orgs.updateTable('core_orgs').set({ isActive: 'yes' });
    // @ts-expect-error: core_users is not core/orgs' table.
    expect(() => orgs.selectFrom('core_users').selectAll().compile()).toThrow(ForeignTableError);
  });
});
