import { sql, type Kysely } from 'kysely';
import { likeContains, pathIds } from '#kernel';

/*
 * Who may act on a step. A task at an org goes to the holders of its permission by a grant on
 * that org itself: a city reviewer's grant covers the counties below, but the county's step is
 * the county's to take (escalation moves it up when the county does not).
 */

/** Grants of `userId` carrying `permission` on one of `orgIds` (active orgs only). */
const grantsOn = (db: Kysely<any>, permission: string) =>
  db
    .selectFrom('core_grants as g')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .where('rp.permission', '=', permission)
    .where('o.is_active', '=', 1);

export async function holdsOn(db: Kysely<any>, userId: string, orgId: string, permission: string): Promise<boolean> {
  const row = await grantsOn(db, permission)
    .select('g.id')
    .where('g.user_id', '=', userId)
    .where('g.org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Active users holding `permission` by a grant on the org itself. */
export async function holdersOn(db: Kysely<any>, orgId: string, permission: string): Promise<string[]> {
  const rows = (await grantsOn(db, permission)
    .innerJoin('core_users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .distinct()
    .where('g.org_id', '=', orgId)
    .where('u.status', '=', 'active')
    .orderBy('g.user_id')
    .execute()) as Array<{ user_id: string }>;
  return rows.map((r) => r.user_id);
}

/** True when the user holds `permission` on the org at `orgPath` or above (the access model's own rule). */
export async function holdsCovering(db: Kysely<any>, userId: string, orgPath: string, permission: string): Promise<boolean> {
  const row = await grantsOn(db, permission)
    .innerJoin('core_users as u', 'u.id', 'g.user_id')
    .select('g.id')
    .where('g.user_id', '=', userId)
    .where('g.org_id', 'in', pathIds(orgPath))
    .where('u.status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** People who may be added as signers or handed a task: active holders of `permission` on the org or above. */
export async function candidatesCovering(db: Kysely<any>, orgPath: string, permission: string, q: string | undefined, limit = 50) {
  let query = grantsOn(db, permission)
    .innerJoin('core_users as u', 'u.id', 'g.user_id')
    .innerJoin('core_orgs as uo', 'uo.id', 'u.org_id')
    .select(['u.id as id', 'u.account as account', 'u.display_name as name', 'uo.name as org_name'])
    .distinct()
    .where('g.org_id', 'in', pathIds(orgPath))
    .where('u.status', '=', 'active');
  if (q?.trim()) {
    const pattern = likeContains(q.trim());
    query = query.where((eb) =>
      eb.or([
        eb('u.display_name', 'like', sql<string>`${pattern} escape '\\'`),
        eb('u.account', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  return query.orderBy('name').orderBy('id').limit(limit).execute() as Promise<
    Array<{ id: string; account: string; name: string; org_name: string }>
  >;
}

const TASK_COLUMNS = ['t.id', 't.instance_id', 't.kind', 't.origin', 't.created_at'] as const;

/**
 * The open tasks the user may act on now: assigned to them by name (会签, 加签, 转办, resubmitting),
 * or org tasks whose (org, permission) they hold by a grant on that org. Two queries joined by a
 * UNION rather than one with an OR: each half then starts from an index (tasks by user, tasks by
 * org), where an OR made PostgreSQL read every task in the country for every caller
 * (bench/workflow-todo.bench.ts, 100,000 open tasks: a county reviewer's 待办 107 ms → 3.4 ms).
 * UNION, not UNION ALL: two roles granting the same permission on the same org match a task twice.
 */
export function openTasksOf(db: Kysely<any>, userId: string) {
  // Only the task columns a to-do row shows.
  const held = db
    .selectFrom('core_grants as g')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .select(['g.org_id as org_id', 'rp.permission as permission'])
    .where('g.user_id', '=', userId)
    .where('o.is_active', '=', 1);
  const byName = db
    .selectFrom('core_workflow_tasks as t')
    .select(TASK_COLUMNS)
    .where('t.user_id', '=', userId)
    .where('t.status', '=', 'open');
  const byGrant = db
    .selectFrom('core_workflow_tasks as t')
    .innerJoin(held.as('h'), (join) => join.onRef('h.org_id', '=', 't.org_id').onRef('h.permission', '=', 't.permission'))
    .select(TASK_COLUMNS)
    .where('t.kind', '=', 'org')
    .where('t.status', '=', 'open');
  return byName.union(byGrant);
}
