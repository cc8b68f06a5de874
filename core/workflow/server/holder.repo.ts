import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { likeContains, pathIds } from '#kernel';

/*
 * Who may act on a step. A task at an org goes to the holders of its permission by a grant on
 * that org itself: a city reviewer's grant covers the counties below, but the county's step is
 * the county's to take (escalation moves it up when the county does not).
 */

/** Grants of `userId` carrying `permission` on one of `orgIds` (active orgs only). */
const grantsOn = (db: Kysely<any>, permission: string) =>
  db.selectFrom('core_grants as g')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .where('rp.permission', '=', permission).where('o.is_active', '=', 1);

export async function holdsOn(db: Kysely<any>, userId: string, orgId: string, permission: string): Promise<boolean> {
  const row = await grantsOn(db, permission).select('g.id').where('g.user_id', '=', userId).where('g.org_id', '=', orgId).limit(1).executeTakeFirst();
  return !!row;
}

/** Active users holding `permission` by a grant on the org itself. */
export async function holdersOn(db: Kysely<any>, orgId: string, permission: string): Promise<string[]> {
  const rows = await grantsOn(db, permission).innerJoin('core_users as u', 'u.id', 'g.user_id')
    .select('g.user_id').distinct().where('g.org_id', '=', orgId).where('u.status', '=', 'active')
    .orderBy('g.user_id').execute() as Array<{ user_id: string }>;
  return rows.map((r) => r.user_id);
}

/** True when the user holds `permission` on the org at `orgPath` or above (the access model's own rule). */
export async function holdsCovering(db: Kysely<any>, userId: string, orgPath: string, permission: string): Promise<boolean> {
  const row = await grantsOn(db, permission).innerJoin('core_users as u', 'u.id', 'g.user_id')
    .select('g.id').where('g.user_id', '=', userId).where('g.org_id', 'in', pathIds(orgPath)).where('u.status', '=', 'active')
    .limit(1).executeTakeFirst();
  return !!row;
}

/** People who may be added as signers or handed a task: active holders of `permission` on the org or above. */
export async function candidatesCovering(db: Kysely<any>, orgPath: string, permission: string, q: string | undefined, limit = 50) {
  let query = grantsOn(db, permission).innerJoin('core_users as u', 'u.id', 'g.user_id').innerJoin('core_orgs as uo', 'uo.id', 'u.org_id')
    .select(['u.id as id', 'u.account as account', 'u.display_name as name', 'uo.name as org_name']).distinct()
    .where('g.org_id', 'in', pathIds(orgPath)).where('u.status', '=', 'active');
  if (q?.trim()) {
    const pattern = likeContains(q.trim());
    query = query.where((eb) => eb.or([
      eb('u.display_name', 'like', sql<string>`${pattern} escape '\\'`),
      eb('u.account', 'like', sql<string>`${pattern} escape '\\'`),
    ]));
  }
  return query.orderBy('name').orderBy('id').limit(limit).execute() as Promise<Array<{ id: string; account: string; name: string; org_name: string }>>;
}

/**
 * A where-clause for "task `t` is the user's to act on": assigned to them by name, or an org
 * task whose permission they hold by a grant on its org. Written as membership in the user's
 * (org, permission) pairs so that the database starts from their few grants and the tasks'
 * org index, not from every open task (100,000 open tasks: 260 ms as an EXISTS per task).
 */
export function isActionableBy(eb: ExpressionBuilder<any, any>, userId: string) {
  const held = eb.selectFrom('core_grants as g')
    .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
    .innerJoin('core_orgs as o', 'o.id', 'g.org_id')
    .select(['g.org_id', 'rp.permission'])
    .where('g.user_id', '=', userId).where('o.is_active', '=', 1)
    .$asTuple('org_id', 'permission');
  return eb.or([
    eb('t.user_id', '=', userId),
    eb.and([eb('t.kind', '=', 'org'), eb(eb.refTuple('t.org_id', 't.permission'), 'in', held)]),
  ]);
}
