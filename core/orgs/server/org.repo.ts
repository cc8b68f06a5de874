import { sql, type Kysely } from 'kysely';
import { cappedCount, inSubtrees, likeContains, subtreeRange } from '#kernel';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import { orgsDb, type OrgRow, type OrgsDb } from './orgs.tables.ts';

export type { OrgRow };

export const findOrgById = (db: PlatformDb, id: string) =>
  orgsDb(db).selectFrom('core_orgs').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCode = (db: PlatformDb, code: string) =>
  orgsDb(db).selectFrom('core_orgs').selectAll().where('code', '=', code).executeTakeFirst();

export async function findOrgsByCodes(db: PlatformDb, codes: readonly string[]): Promise<OrgRow[]> {
  const orgs = orgsDb(db);
  const out: OrgRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    out.push(
      ...(await orgs
        .selectFrom('core_orgs')
        .selectAll()
        .where('code', 'in', codes.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function findOrgsByIds(db: PlatformDb, ids: readonly string[]): Promise<OrgRow[]> {
  const orgs = orgsDb(db);
  const out: OrgRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await orgs
        .selectFrom('core_orgs')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export const findRoot = (db: PlatformDb) =>
  orgsDb(db).selectFrom('core_orgs').selectAll().where('parentId', 'is', null).orderBy('createdAt').executeTakeFirst();

export const insertOrgs = async (db: PlatformDb, rows: OrgRow[]) => {
  const orgs = orgsDb(db);
  for (let i = 0; i < rows.length; i += 400)
    await orgs
      .insertInto('core_orgs')
      .values(rows.slice(i, i + 400))
      .execute();
};

export const updateOrg = (db: PlatformDb, id: string, patch: Partial<Omit<OrgRow, 'id'>>) =>
  orgsDb(db).updateTable('core_orgs').set(patch).where('id', '=', id).execute();

export interface OrgSearch {
  scopes: string[];
  q?: string;
  type?: string;
  includeInactive?: boolean;
  parentId?: string;
}

function searched(orgs: OrgsDb, s: OrgSearch) {
  let q = orgs.selectFrom('core_orgs as o').where((eb) => inSubtrees(eb, 'o.path', s.scopes));
  if (s.parentId) q = q.where('o.parentId', '=', s.parentId);
  if (!s.includeInactive) q = q.where('o.isActive', '=', 1);
  if (s.type) q = q.where('o.type', '=', s.type);
  if (s.q) {
    const text = s.q.trim();
    q = q.where((eb) =>
      eb.or([
        eb('o.name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
        eb('o.shortName', 'like', sql<string>`${likeContains(text)} escape '\\'`),
        eb.and([eb('o.code', '>=', text), eb('o.code', '<', `${text}\uffff`)]),
      ]),
    );
  }
  return q;
}

export async function searchOrgs(db: PlatformDb, s: OrgSearch, offset: number, limit: number) {
  const orgs = orgsDb(db);
  const [items, count] = await Promise.all([
    searched(orgs, s)
      .selectAll('o')
      .select((eb) =>
        eb
          .selectFrom('core_orgs as c')
          .whereRef('c.parentId', '=', 'o.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('childCount'),
      )
      .orderBy('o.depth')
      .orderBy('o.code')
      .offset(offset)
      .limit(limit)
      .execute(),
    cappedCount(orgs, searched(orgs, s)),
  ]);
  return { items, ...count };
}

export async function countSubtree(db: PlatformDb, path: string, onlyActive = false): Promise<number> {
  const [lower, upper] = subtreeRange(path);
  let q = orgsDb(db).selectFrom('core_orgs').where('path', '>=', lower).where('path', '<', upper);
  if (onlyActive) q = q.where('isActive', '=', 1);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The orgs whose path is one of `paths` (the ancestors of an org, say). */
export async function findOrgsByPaths(db: PlatformDb, paths: readonly string[]): Promise<OrgRow[]> {
  if (paths.length === 0) return [];
  return orgsDb(db)
    .selectFrom('core_orgs')
    .selectAll()
    .where('path', 'in', [...paths])
    .execute();
}

/** Rewrites the path prefix of every org in a subtree, in one statement. */
export async function replaceOrgPathPrefix(db: PlatformDb, oldPath: string, newPath: string): Promise<void> {
  const [lower, upper] = subtreeRange(oldPath);
  await orgsDb(db)
    .updateTable('core_orgs')
    .set({ path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', '>=', lower)
    .where('path', '<', upper)
    .execute();
}

/** Any table, any text column: the shape of another piece's table holding a copy of org paths. */
type CopiedPathTables = Record<string, Record<string, string>>;

/**
 * Rewrites the path prefix of a column another piece registered as holding copies of org paths
 * (module.orgPathColumns), so a move keeps them in step in the same transaction. The one place
 * core/orgs writes a table it does not own: the owner asked for it by registering the column.
 * Goes through the untyped connection, not orgsDb, since the table is not core/orgs'.
 */
export async function replaceCopiedPathPrefix(
  db: PlatformDb,
  table: string,
  column: string,
  oldPath: string,
  newPath: string,
): Promise<void> {
  const [lower, upper] = subtreeRange(oldPath);
  const copies = db as unknown as Kysely<CopiedPathTables>;
  await copies
    .updateTable(table)
    .set({ [column]: sql<string>`${newPath} || substr(${sql.ref(column)}, ${oldPath.length + 1})` })
    .where(column, '>=', lower)
    .where(column, '<', upper)
    .execute();
}

export async function shiftDepth(db: PlatformDb, path: string, delta: number) {
  if (delta === 0) return;
  const [lower, upper] = subtreeRange(path);
  await orgsDb(db)
    .updateTable('core_orgs')
    .set((eb) => ({ depth: eb('depth', '+', delta) }))
    .where('path', '>=', lower)
    .where('path', '<', upper)
    .execute();
}

export async function setSubtreeActive(db: PlatformDb, path: string, active: boolean, at: string): Promise<void> {
  const [lower, upper] = subtreeRange(path);
  await orgsDb(db)
    .updateTable('core_orgs')
    .set({ isActive: active ? 1 : 0, updatedAt: at })
    .where('path', '>=', lower)
    .where('path', '<', upper)
    .execute();
}

export const countOrgs = async (db: PlatformDb) =>
  Number(
    (
      await orgsDb(db)
        .selectFrom('core_orgs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
