import type { Ctx } from '#kernel';
import { WorkflowErrors } from '../contract/errors.ts';
import type { AssignBody, InstanceDetail } from '../contract/workflow.schema.ts';
import { stepOf } from './definition-registry.ts';
import { newTask, notifyTasks, record, requireTask, requireUser, takeInstance, type Loaded } from './engine.ts';
import { holdsCovering } from './holder.repo.ts';
import { buildDetail } from './instance.view.ts';
import * as repo from './workflow.repo.ts';

/** The person a task goes to must hold the step's permission on its org or above, and not already sign this round. */
async function checkAssignee(tx: Ctx, loaded: Loaded, userId: string): Promise<void> {
  const user = (await repo.usersByIds(tx.db, [userId])).get(userId);
  if (user?.status !== 'active') throw WorkflowErrors.userNotFound({ id: userId });
  if (userId === loaded.inst.applicant_id) throw WorkflowErrors.userCannotAct({ field: 'userId', name: user.display_name });
  const step = stepOf(loaded.def, loaded.inst.step_id)!;
  const org = await repo.findOrg(tx.db, loaded.inst.acting_org_id!);
  if (!org || !(await holdsCovering(tx.db, userId, org.path, step.permission)))
    throw WorkflowErrors.userCannotAct({ field: 'userId', name: user.display_name });
  const round = await repo.tasksOfRound(tx.db, loaded.inst.id, Number(loaded.inst.round));
  if (round.some((t) => t.user_id === userId && t.status !== 'cancelled')) throw WorkflowErrors.alreadySigner({ name: user.display_name });
}

/** 加签: the caller adds someone whose approval the current step then also needs. */
export async function addSigner(ctx: Ctx, id: string, body: AssignBody): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    const loaded = await takeInstance(tx, id, body.version);
    await requireTask(tx, loaded, me);
    if (body.userId === me) throw WorkflowErrors.alreadySigner();
    await checkAssignee(tx, loaded, body.userId);
    const task = newTask(tx, loaded.inst, {
      kind: 'user',
      origin: 'added',
      user_id: body.userId,
      permission: stepOf(loaded.def, loaded.inst.step_id)!.permission,
    });
    await repo.insertTasks(tx.db, [task]);
    await record(tx, loaded, { operation: 'add_signer', comment: body.comment, targetUserId: body.userId });
    await notifyTasks(tx, loaded, [task], 'workflow.task_assigned');
    return buildDetail(tx, loaded.inst);
  });
}

/** 转办: the caller hands their task on the current step to someone else, who then decides in their place. */
export async function transfer(ctx: Ctx, id: string, body: AssignBody): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    if (body.userId === me) throw WorkflowErrors.transferToSelf({ field: 'userId' });
    const loaded = await takeInstance(tx, id, body.version);
    const mine = await requireTask(tx, loaded, me);
    await checkAssignee(tx, loaded, body.userId);
    await repo.closeTask(tx.db, mine.id, { status: 'cancelled', decision: 'transfer', decided_by: me, decided_at: tx.now().toISOString() });
    const task = newTask(tx, loaded.inst, { kind: 'user', origin: 'transferred', user_id: body.userId, permission: mine.permission });
    await repo.insertTasks(tx.db, [task]);
    await record(tx, loaded, { operation: 'transfer', comment: body.comment, targetUserId: body.userId });
    await notifyTasks(tx, loaded, [task], 'workflow.task_assigned');
    return buildDetail(tx, loaded.inst);
  });
}
