import type { Ctx } from '#kernel';
import { WorkflowErrors } from '../contract/errors.ts';
import type { ApproveBody, InstanceDetail, RejectBody } from '../contract/workflow.schema.ts';
import { stepOf } from './definition-registry.ts';
import { stepOutcome, type Vote } from './countersign.ts';
import { announce, enterStep, finish, record, requireTask, requireUser, stepIndex, takeInstance } from './engine.ts';
import { buildDetail } from './instance.view.ts';
import { nextRouted } from './routing.ts';
import * as repo from './workflow.repo.ts';

/**
 * Records the caller's decision on the current step; when the step is thereby decided (at once
 * for a single reviewer, by the rule for 会签 and added signers) the instance moves to the next
 * acting step, finishes approved, or ends rejected.
 */
async function decide(ctx: Ctx, id: string, body: ApproveBody, decision: 'approve' | 'reject'): Promise<InstanceDetail> {
  return ctx.transaction(async (tx) => {
    const me = requireUser(tx);
    if (decision === 'reject' && !body.comment?.trim()) throw WorkflowErrors.commentRequired({ field: 'comment' });
    const loaded = await takeInstance(tx, id, body.version);
    const task = await requireTask(tx, loaded, me);
    await repo.closeTask(tx.db, task.id, { status: 'done', decision, decided_by: me, decided_at: tx.now().toISOString() });
    const from = loaded.inst.step_id;
    const step = stepOf(loaded.def, from)!;
    const votes = (await repo.tasksOfRound(tx.db, loaded.inst.id, Number(loaded.inst.round)))
      .filter((t) => t.status !== 'cancelled')
      .map((t) => t.decision as Vote);
    const outcome = stepOutcome(step.countersign?.rule ?? 'all', votes);
    let to: string | null = null;
    if (outcome === 'approved') {
      const next = nextRouted(loaded.route, stepIndex(loaded.route, from));
      await repo.cancelOpenTasks(tx.db, loaded.inst.id);
      if (next >= 0) {
        await enterStep(tx, loaded, next);
        to = loaded.inst.step_id;
      } else {
        await finish(tx, loaded, 'approved');
      }
    } else if (outcome === 'rejected') {
      await finish(tx, loaded, 'rejected');
    }
    // A vote that leaves the step undecided moves nothing; from → to (null: finished) otherwise.
    const move = outcome === 'pending' ? {} : { fromStep: from, toStep: to };
    await record(tx, loaded, { operation: decision, ...move, comment: body.comment, fileIds: body.fileIds });
    if (outcome !== 'pending') await announce(tx, loaded, decision, from, to);
    return buildDetail(tx, loaded.inst);
  });
}

/** 通过: the caller approves the current step. */
export const approve = (ctx: Ctx, id: string, body: ApproveBody) => decide(ctx, id, body, 'approve');

/** 不通过: the caller rejects, with a reason; a single reviewer's rejection ends the review. */
export const reject = (ctx: Ctx, id: string, body: RejectBody) => decide(ctx, id, body, 'reject');
