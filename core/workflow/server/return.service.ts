import type { Ctx } from '#kernel';
import { WorkflowErrors } from '../contract/errors.ts';
import type { InstanceDetail, ResubmitBody, ReturnBody, WithdrawBody } from '../contract/workflow.schema.ts';
import {
  announce,
  enterStep,
  finish,
  newTask,
  notifyApplicant,
  record,
  requireTask,
  requireUser,
  stepIndex,
  takeInstance,
  type Loaded,
} from './engine.ts';
import { buildDetail } from './instance.view.ts';
import { earlierRouted, nextRouted } from './routing.ts';
import * as repo from './workflow.repo.ts';

/** Where 退回 sends the instance: an earlier acting step's index, or -1 for the applicant. */
function returnTarget(loaded: Loaded, to: string): number {
  const earlier = earlierRouted(loaded.route, stepIndex(loaded.route, loaded.inst.step_id));
  if (to === 'applicant') return -1;
  if (to === 'previous') return earlier[0] ?? -1;
  const index = loaded.route.findIndex((r) => r.stepId === to);
  if (!earlier.includes(index)) throw WorkflowErrors.badReturnTarget({ field: 'to', to });
  return index;
}

/** Hands the instance back to its applicant, who may resubmit it or withdraw. */
async function sendToApplicant(tx: Ctx, loaded: Loaded, comment: string): Promise<void> {
  const patch = { state: 'returned', acting_org_id: null, due_at: null, remind_at: null, round: Number(loaded.inst.round) + 1 };
  await repo.updateInstance(tx.db, loaded.inst.id, patch);
  loaded.inst = { ...loaded.inst, ...patch };
  await repo.insertTasks(tx.db, [
    newTask(tx, loaded.inst, {
      kind: 'applicant',
      origin: 'returned',
      step_id: null,
      org_id: loaded.inst.org_id,
      user_id: loaded.inst.applicant_id,
    }),
  ]);
  await notifyApplicant(tx, loaded, 'workflow.returned', { comment });
}

/** 退回: the caller sends the instance back to the previous step, a chosen earlier step, or the applicant, with a reason. */
export async function returnInstance(ctx: Ctx, id: string, body: ReturnBody): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    if (!body.comment.trim()) throw WorkflowErrors.commentRequired({ field: 'comment' });
    const loaded = await takeInstance(tx, id, body.version);
    const task = await requireTask(tx, loaded, me);
    const target = returnTarget(loaded, body.to);
    const from = loaded.inst.step_id;
    await repo.closeTask(tx.db, task.id, { status: 'done', decision: 'return', decided_by: me, decided_at: tx.now().toISOString() });
    await repo.cancelOpenTasks(tx.db, loaded.inst.id);
    if (target < 0) await sendToApplicant(tx, loaded, body.comment.trim());
    else await enterStep(tx, loaded, target, 'returned');
    const to = target < 0 ? null : loaded.inst.step_id;
    await record(tx, loaded, {
      operation: 'return',
      fromStep: from,
      toStep: to,
      comment: body.comment,
      fileIds: body.fileIds,
      targetUserId: target < 0 ? loaded.inst.applicant_id : null,
    });
    await announce(tx, loaded, 'return', from, to);
    return buildDetail(tx, loaded.inst);
  });
}

/**
 * 撤回: the applicant withdraws the review, ending it, while nobody has acted on the current
 * step yet (or while it is back with them). The owning module may submit the record again.
 */
export async function withdraw(ctx: Ctx, id: string, body: WithdrawBody): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    const loaded = await takeInstance(tx, id, body.version);
    if (loaded.inst.applicant_id !== me) throw WorkflowErrors.notApplicant();
    if (!repo.ACTIVE_STATES.includes(loaded.inst.state)) throw WorkflowErrors.notInProgress({ state: loaded.inst.state });
    if (loaded.inst.state === 'in_progress') {
      const round = await repo.tasksOfRound(tx.db, loaded.inst.id, Number(loaded.inst.round));
      if (round.some((t) => t.status === 'done' || t.origin === 'added' || t.origin === 'transferred'))
        throw WorkflowErrors.alreadyActedOn();
    }
    const from = loaded.inst.step_id;
    await finish(tx, loaded, 'withdrawn');
    await record(tx, loaded, { operation: 'withdraw', fromStep: from, toStep: null, comment: body.comment });
    await announce(tx, loaded, 'withdraw', from, null);
    return buildDetail(tx, loaded.inst);
  });
}

/** The applicant resubmits a returned instance; it starts again at the first acting step. */
export async function resubmit(ctx: Ctx, id: string, body: ResubmitBody): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    const loaded = await takeInstance(tx, id, body.version);
    if (loaded.inst.applicant_id !== me) throw WorkflowErrors.notApplicant();
    if (loaded.inst.state !== 'returned') throw WorkflowErrors.notReturned({ state: loaded.inst.state });
    for (const t of await repo.tasksOfRound(tx.db, loaded.inst.id, Number(loaded.inst.round))) {
      await repo.closeTask(tx.db, t.id, { status: 'done', decision: 'resubmit', decided_by: me, decided_at: tx.now().toISOString() });
    }
    await enterStep(tx, loaded, nextRouted(loaded.route, -1));
    const to = loaded.inst.step_id;
    await record(tx, loaded, { operation: 'resubmit', fromStep: null, toStep: to, comment: body.comment, fileIds: body.fileIds });
    await announce(tx, loaded, 'resubmit', null, to);
    return buildDetail(tx, loaded.inst);
  });
}
