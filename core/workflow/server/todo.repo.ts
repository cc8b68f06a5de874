import type { ExpressionBuilder, Kysely } from 'kysely';
import { cappedCount } from '#kernel';
import { openTasksOf } from './holder.repo.ts';
import type { InstanceRow } from './workflow.repo.ts';

/** Operations that count as having handled an instance (已办); submitting one's own is 我发起的. */
export const HANDLING_OPERATIONS = ['approve', 'reject', 'return', 'add_signer', 'transfer'];

/** Instances of one definition only, when asked; `i` is the instances table. */
const ofDefinition = (definitionId: string | undefined) => (eb: ExpressionBuilder<any, any>) =>
  definitionId ? eb('i.definition_id', '=', definitionId) : eb(eb.val(1), '=', 1);

/** Open tasks the user may act on now, newest first, with their instances. */
export async function todoOf(db: Kysely<any>, userId: string, definitionId: string | undefined, offset: number, limit: number) {
  const base = () =>
    db
      .selectFrom(openTasksOf(db, userId).as('t'))
      .innerJoin('core_workflow_instances as i', 'i.id', 't.instance_id')
      .where(ofDefinition(definitionId))
      // Nobody reviews their own submission; their own 待办 there is only resubmitting it.
      .where((eb) => eb.or([eb('t.kind', '=', 'applicant'), eb('i.applicant_id', '!=', userId)]));
  const [items, count] = await Promise.all([
    base()
      .selectAll('i')
      .select(['t.id as task_id', 't.kind as task_kind', 't.origin as task_origin', 't.created_at as assigned_at'])
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .offset(offset)
      .limit(limit)
      .execute() as Promise<
      Array<InstanceRow & { task_id: string; task_kind: 'org' | 'user' | 'applicant'; task_origin: string; assigned_at: string }>
    >,
    cappedCount(db, base()),
  ]);
  return { items, ...count };
}

/** Instances the user handled, by their latest handling, newest first. */
export async function doneBy(db: Kysely<any>, userId: string, definitionId: string | undefined, offset: number, limit: number) {
  const acted = db
    .selectFrom('core_workflow_history')
    .select(['instance_id'])
    .select((eb) => eb.fn.max('at').as('last_at'))
    .where('actor_id', '=', userId)
    .where('operation', 'in', HANDLING_OPERATIONS)
    .groupBy('instance_id')
    .as('a');
  const base = () =>
    db.selectFrom(acted).innerJoin('core_workflow_instances as i', 'i.id', 'a.instance_id').where(ofDefinition(definitionId));
  const rows = (await base()
    .selectAll('i')
    .select('a.last_at')
    .select((eb) =>
      eb
        .selectFrom('core_workflow_history as h')
        .select('h.operation')
        .whereRef('h.instance_id', '=', 'i.id')
        .where('h.actor_id', '=', userId)
        .where('h.operation', 'in', HANDLING_OPERATIONS)
        .orderBy('h.seq', 'desc')
        .limit(1)
        .as('last_operation'),
    )
    .orderBy('a.last_at', 'desc')
    .orderBy('i.id')
    .offset(offset)
    .limit(limit)
    .execute()) as Array<InstanceRow & { last_at: string; last_operation: string }>;
  return { items: rows, ...(await cappedCount(db, base())) };
}

/** Instances the user submitted, newest first. */
export async function startedBy(db: Kysely<any>, userId: string, definitionId: string | undefined, offset: number, limit: number) {
  const base = () => db.selectFrom('core_workflow_instances as i').where('i.applicant_id', '=', userId).where(ofDefinition(definitionId));
  const [items, count] = await Promise.all([
    base().selectAll('i').orderBy('i.created_at', 'desc').orderBy('i.id').offset(offset).limit(limit).execute() as Promise<InstanceRow[]>,
    cappedCount(db, base()),
  ]);
  return { items, ...count };
}
