import { sql, type Kysely } from 'kysely';
import { cappedCount, inSubtrees, likeContains, subtreeRange } from '#kernel';

export interface OrgRow {
  id: string; code: string; name: string; short_name: string | null; type: string; stage: string | null;
  division_code: string | null; parent_id: string | null; path: string; depth: number; is_active: number;
  is_sample: number; created_at: string; updated_at: string;
}

export const findOrgById = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_orgs').selectAll().where('id', '=', id).executeTakeFirst() as Promise<OrgRow | undefined>;

export const findOrgByCode = (db: Kysely<any>, code: string) =>
  db.selectFrom('core_orgs').selectAll().where('code', '=', code).executeTakeFirst() as Promise<OrgRow | undefined>;

export async function findOrgsByCodes(db: Kysely<any>, codes: string[]): Promise<OrgRow[]> {
  const out: OrgRow[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    out.push(...((await db.selectFrom('core_orgs').selectAll().where('code', 'in', codes.slice(i, i + 500)).execute()) as OrgRow[]));
  }
  return out;
}

export const findRoot = (db: Kysely<any>) =>
  db.selectFrom('core_orgs').selectAll().where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst() as Promise<OrgRow | undefined>;

export const insertOrgs = async (db: Kysely<any>, rows: OrgRow[]) => {
  for (let i = 0; i < rows.length; i += 400) await db.insertInto('core_orgs').values(rows.slice(i, i + 400)).execute();
};

export const updateOrg = (db: Kysely<any>, id: string, patch: Partial<OrgRow>) =>
  db.updateTable('core_orgs').set(patch).where('id', '=', id).execute();

export interface OrgSearch {
  scopes: string[];
  q?: string;
  type?: string;
  includeInactive?: boolean;
  parentId?: string;
}

function searched(db: Kysely<any>, s: OrgSearch) {
  let q = db.selectFrom('core_orgs as o').where((eb) => inSubtrees(eb, 'o.path', s.scopes));
  if (s.parentId) q = q.where('o.parent_id', '=', s.parentId);
  if (!s.includeInactive) q = q.where('o.is_active', '=', 1);
  if (s.type) q = q.where('o.type', '=', s.type);
  if (s.q) {
    const text = s.q.trim();
    q = q.where((eb) => eb.or([
      eb('o.name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
      eb('o.short_name', 'like', sql<string>`${likeContains(text)} escape '\\'`),
      eb.and([eb('o.code', '>=', text), eb('o.code', '<', `${text}\uffff`)]),
    ]));
  }
  return q;
}

export async function searchOrgs(db: Kysely<any>, s: OrgSearch, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    searched(db, s).selectAll('o')
      .select((eb) => eb.selectFrom('core_orgs as c').whereRef('c.parent_id', '=', 'o.id').select((e) => e.fn.countAll<number>().as('n')).as('child_count'))
      .orderBy('o.depth').orderBy('o.code').offset(offset).limit(limit).execute() as Promise<Array<OrgRow & { child_count: number }>>,
    cappedCount(db, searched(db, s)),
  ]);
  return { items, ...count };
}

export async function countSubtree(db: Kysely<any>, path: string, onlyActive = false): Promise<number> {
  const [lower, upper] = subtreeRange(path);
  let q = db.selectFrom('core_orgs').where('path', '>=', lower).where('path', '<', upper);
  if (onlyActive) q = q.where('is_active', '=', 1);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rewrites the path prefix of every row in a subtree, in one statement per table. */
export async function replacePathPrefix(db: Kysely<any>, table: string, column: string, oldPath: string, newPath: string, extra?: Record<string, unknown>) {
  const [lower, upper] = subtreeRange(oldPath);
  await db.updateTable(table)
    .set({ [column]: sql`${newPath} || substr(${sql.ref(column)}, ${oldPath.length + 1})`, ...extra })
    .where(column, '>=', lower).where(column, '<', upper)
    .execute();
}

export async function shiftDepth(db: Kysely<any>, path: string, delta: number) {
  if (delta === 0) return;
  const [lower, upper] = subtreeRange(path);
  await db.updateTable('core_orgs').set((eb) => ({ depth: eb('depth', '+', delta) }))
    .where('path', '>=', lower).where('path', '<', upper).execute();
}

export async function setSubtreeActive(db: Kysely<any>, path: string, active: boolean, at: string): Promise<void> {
  const [lower, upper] = subtreeRange(path);
  await db.updateTable('core_orgs').set({ is_active: active ? 1 : 0, updated_at: at })
    .where('path', '>=', lower).where('path', '<', upper).execute();
}

export const countOrgs = async (db: Kysely<any>) =>
  Number((await db.selectFrom('core_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
