import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.ts';
import { cappedCount, COUNT_CAP, pageWindow } from './paging.ts';

describe('paging', () => {
  const database = openDatabase(':memory:');
  afterAll(() => database.close());

  it('counts exactly up to the cap and says so past it', async () => {
    const { db } = database;
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('k', 'text')
      .execute();
    const rows = Array.from({ length: COUNT_CAP + 50 }, (_, i) => ({ id: i + 1, k: i < 7 ? 'few' : 'many' }));
    for (let i = 0; i < rows.length; i += 400)
      await db
        .insertInto('t')
        .values(rows.slice(i, i + 400))
        .execute();
    expect(await cappedCount(db, db.selectFrom('t').where('k', '=', 'few'))).toEqual({ total: 7, totalCapped: false });
    expect(await cappedCount(db, db.selectFrom('t'))).toEqual({ total: COUNT_CAP, totalCapped: true });
    expect(await cappedCount(db, db.selectFrom('t').where('id', '<=', COUNT_CAP))).toEqual({ total: COUNT_CAP, totalCapped: false });
  });

  it('turns page and size into an offset', () => {
    expect(pageWindow({ page: 3, pageSize: 50 })).toEqual({ page: 3, pageSize: 50, offset: 100 });
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 20, offset: 0 });
  });
});
