import type { Kysely } from 'kysely';
import { inSubtrees, subtreeRange } from '#kernel';

// This module reads core_orgs (id, path, name, short_name, type): the org tree is the
// platform's shared reference data. It never writes there.

export interface PlanRow {
  id: string;
  org_id: string;
  org_path: string;
  title: string;
  year: number | null;
  issuer: string | null;
  approach: string;
  source_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface MappingRow {
  id: string;
  scope_org_id: string;
  name: string;
  kind: string;
  org_id: string | null;
  org_types: string | null;
  updated_by: string | null;
  updated_at: string;
}

export const findOrg = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_orgs').select(['id', 'path', 'name', 'type', 'depth']).where('id', '=', id).executeTakeFirst() as Promise<
    { id: string; path: string; name: string; type: string; depth: number } | undefined
  >;

/** Orgs in the issuer's subtree whose short or full name is exactly `name`, shallowest first. */
export async function findOrgsNamed(db: Kysely<any>, scopePath: string, name: string) {
  const [lower, upper] = subtreeRange(scopePath);
  return db
    .selectFrom('core_orgs')
    .select(['id', 'name', 'depth'])
    .where('path', '>=', lower)
    .where('path', '<', upper)
    .where('is_active', '=', 1)
    .where((eb) => eb.or([eb('short_name', '=', name), eb('name', '=', name)]))
    .orderBy('depth')
    .limit(5)
    .execute() as Promise<Array<{ id: string; name: string; depth: number }>>;
}

export const findOrgIdByCode = async (db: Kysely<any>, code: string) =>
  ((await db.selectFrom('core_orgs').select('id').where('code', '=', code).executeTakeFirst()) as { id: string } | undefined)?.id;

export const findRootOrgId = async (db: Kysely<any>) =>
  ((await db.selectFrom('core_orgs').select('id').where('parent_id', 'is', null).executeTakeFirst()) as { id: string } | undefined)?.id;

export const countPlans = async (db: Kysely<any>) =>
  Number(
    (
      await db
        .selectFrom('wp_plans')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertRows = async (db: Kysely<any>, table: string, rows: Record<string, unknown>[]) => {
  for (let i = 0; i < rows.length; i += 200)
    if (rows.length)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 200))
        .execute();
};

export const findPlan = (db: Kysely<any>, id: string) =>
  db.selectFrom('wp_plans').selectAll().where('id', '=', id).executeTakeFirst() as Promise<PlanRow | undefined>;

export async function listPlans(db: Kysely<any>, scopes: string[]) {
  return db
    .selectFrom('wp_plans as p')
    .innerJoin('core_orgs as o', 'o.id', 'p.org_id')
    .where((eb) => inSubtrees(eb, 'p.org_path', scopes))
    .select(['p.id', 'p.title', 'p.year', 'p.issuer', 'p.org_id', 'p.created_at', 'o.name as org_name'])
    .select((eb) => [
      eb
        .selectFrom('wp_tasks as t')
        .whereRef('t.plan_id', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('task_count'),
      eb
        .selectFrom('wp_targets as g')
        .innerJoin('wp_tasks as t2', 't2.id', 'g.task_id')
        .whereRef('t2.plan_id', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('target_count'),
    ])
    .orderBy('p.year', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute() as Promise<
    Array<{
      id: string;
      title: string;
      year: number | null;
      issuer: string | null;
      org_id: string;
      created_at: string;
      org_name: string;
      task_count: number;
      target_count: number;
    }>
  >;
}

export async function loadPlanTree(db: Kysely<any>, planId: string) {
  const [goals, areas, tasks, paragraphs, units, targets] = await Promise.all([
    db.selectFrom('wp_goals').selectAll().where('plan_id', '=', planId).orderBy('ordinal').execute(),
    db.selectFrom('wp_areas').selectAll().where('plan_id', '=', planId).orderBy('ordinal').execute(),
    db.selectFrom('wp_tasks').selectAll().where('plan_id', '=', planId).orderBy('number').execute(),
    db
      .selectFrom('wp_paragraphs as p')
      .innerJoin('wp_tasks as t', 't.id', 'p.task_id')
      .where('t.plan_id', '=', planId)
      .selectAll('p')
      .orderBy('p.ordinal')
      .execute(),
    db
      .selectFrom('wp_paragraph_units as u')
      .innerJoin('wp_paragraphs as p', 'p.id', 'u.paragraph_id')
      .innerJoin('wp_tasks as t', 't.id', 'p.task_id')
      .where('t.plan_id', '=', planId)
      .select(['u.paragraph_id', 'u.ordinal', 'u.name'])
      .orderBy('u.ordinal')
      .execute(),
    db
      .selectFrom('wp_targets as g')
      .innerJoin('wp_tasks as t', 't.id', 'g.task_id')
      .where('t.plan_id', '=', planId)
      .selectAll('g')
      .orderBy('g.ordinal')
      .execute(),
  ]);
  return { goals, areas, tasks, paragraphs, units, targets } as Record<string, Array<Record<string, any>>>;
}

export const mappingsOf = (db: Kysely<any>, scopeOrgId: string) =>
  db
    .selectFrom('wp_unit_mappings as m')
    .leftJoin('core_orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select('o.name as org_name')
    .where('m.scope_org_id', '=', scopeOrgId)
    .execute() as Promise<Array<MappingRow & { org_name: string | null }>>;

export const findMapping = (db: Kysely<any>, scopeOrgId: string, name: string) =>
  db
    .selectFrom('wp_unit_mappings')
    .selectAll()
    .where('scope_org_id', '=', scopeOrgId)
    .where('name', '=', name)
    .executeTakeFirst() as Promise<MappingRow | undefined>;

export const updateMapping = (db: Kysely<any>, id: string, patch: Partial<MappingRow>) =>
  db.updateTable('wp_unit_mappings').set(patch).where('id', '=', id).execute();
