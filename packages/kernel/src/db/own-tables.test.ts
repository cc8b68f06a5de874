import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.ts';
import { ForeignTableError, ownTables } from './own-tables.ts';

interface ShelfTables {
  lib_books: { id: string; shelfCode: string; pageCount: number };
  lib_shelves: { code: string; roomName: string };
}

describe('a piece sees only its own tables', async () => {
  const database = openDatabase('sqlite::memory:');
  await sql`create table lib_books (id text primary key, shelf_code text not null, page_count integer not null)`.execute(database.db);
  await sql`create table lib_shelves (code text primary key, room_name text not null)`.execute(database.db);
  await sql`create table core_users (id text primary key)`.execute(database.db);
  const db = ownTables<ShelfTables>(database.db, 'library', ['lib_books', 'lib_shelves']);
  afterAll(() => database.close());

  it('maps camelCase in TypeScript to snake_case in SQL, both ways', async () => {
    await db.insertInto('lib_shelves').values({ code: 'A1', roomName: '二楼阅览室' }).execute();
    await db.insertInto('lib_books').values({ id: 'b1', shelfCode: 'A1', pageCount: 320 }).execute();
    const row = await db
      .selectFrom('lib_books as b')
      .innerJoin('lib_shelves as s', 's.code', 'b.shelfCode')
      .select(['b.pageCount', 's.roomName'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ pageCount: 320, roomName: '二楼阅览室' });
    const raw = await sql<{ page_count: number }>`select page_count from lib_books`.execute(database.db);
    expect(raw.rows[0].page_count).toBe(320);
  });

  it('refuses a foreign table in FROM, JOIN, a subquery, INSERT, UPDATE and DELETE', () => {
    const foreign = db as unknown as import('kysely').Kysely<any>;
    const attempts = [
      () => foreign.selectFrom('core_users').selectAll().compile(),
      () => foreign.selectFrom('lib_books as b').innerJoin('core_users as u', 'u.id', 'b.id').selectAll().compile(),
      () =>
        foreign
          .selectFrom('lib_books')
          .where('id', 'in', (eb: any) => eb.selectFrom('core_users').select('id'))
          .selectAll()
          .compile(),
      () => foreign.insertInto('core_users').values({ id: 'x' }).compile(),
      () => foreign.updateTable('core_users').set({ id: 'y' }).compile(),
      () => foreign.deleteFrom('core_users').compile(),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(ForeignTableError);
  });

  it('makes a column typo a compile error (tsc checks the @ts-expect-error lines)', () => {
    const typo = () =>
      db
        .selectFrom('lib_books')
        // @ts-expect-error: there is no column pageCont
        .select('pageCont');
    const wrongTable = () =>
      db
        // @ts-expect-error: core_users is not one of this piece's tables
        .selectFrom('core_users');
    expect([typo, wrongTable]).toHaveLength(2);
  });

  it('lets a CTE named in the query be read', () => {
    const compiled = db
      .with('thick', (q) => q.selectFrom('lib_books').select('id').where('pageCount', '>', 300))
      .selectFrom('thick' as never)
      .selectAll()
      .compile();
    expect(compiled.sql).toContain('"thick"');
  });
});
