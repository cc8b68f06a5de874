import { fromJson, type Ctx, type Label, type WorkflowDefinition } from '#kernel';
import type { HistoryEntry, InstanceActions, InstanceDetail, InstanceSummary, StepView, TaskView } from '../contract/workflow.schema.ts';
import { findDefinition, stepOf } from './definition-registry.ts';
import { isOverdue } from './deadlines.ts';
import { actionableTask, routeOf, stepIndex, userIdOf } from './engine.ts';
import { earlierRouted } from './routing.ts';
import * as repo from './workflow.repo.ts';
import type { InstanceRow } from './workflow.repo.ts';

/** A definition no enabled module declares any more still shows its ids. */
const labelOf = (def: WorkflowDefinition | undefined, id: string): Label => def?.label ?? { zh: id, en: id };

export async function summaries(ctx: Ctx, rows: InstanceRow[]): Promise<InstanceSummary[]> {
  const orgs = await repo.orgsByIds(
    ctx.db,
    rows.flatMap((r) => [r.org_id, r.acting_org_id ?? r.org_id]),
  );
  const now = ctx.now();
  return rows.map((r) => {
    const def = findDefinition(ctx, r.definition_id);
    const step = def ? stepOf(def, r.step_id) : undefined;
    return {
      id: r.id,
      version: Number(r.version),
      definitionId: r.definition_id,
      definitionLabel: labelOf(def, r.definition_id),
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      title: r.title,
      link: r.link,
      orgId: r.org_id,
      orgName: orgs.get(r.org_id)?.name ?? '',
      applicantId: r.applicant_id,
      applicantName: r.applicant_name,
      state: r.state as InstanceSummary['state'],
      stepId: r.step_id,
      stepLabel: step?.label ?? (r.step_id ? { zh: r.step_id, en: r.step_id } : null),
      actingOrgId: r.acting_org_id,
      actingOrgName: r.acting_org_id ? (orgs.get(r.acting_org_id)?.name ?? null) : null,
      dueAt: r.due_at,
      isOverdue: r.state === 'in_progress' && isOverdue(r.due_at, now),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      finishedAt: r.finished_at,
    };
  });
}

function stepStatus(inst: InstanceRow, index: number, current: number, skipped: boolean): StepView['status'] {
  if (skipped) return 'skipped';
  if (inst.state === 'approved' || index < current) return 'done';
  if (index > current) return 'pending';
  return inst.state === 'in_progress'
    ? 'current'
    : inst.state === 'returned'
      ? 'returned'
      : inst.state === 'rejected'
        ? 'rejected'
        : 'pending';
}

async function actionsFor(ctx: Ctx, inst: InstanceRow, roundTasks: repo.TaskRow[]): Promise<InstanceActions> {
  const me = userIdOf(ctx);
  const task = me ? await actionableTask(ctx, inst, me) : undefined;
  const isApplicant = me !== null && me === inst.applicant_id;
  // 撤回 only while nobody has touched the current step (a decision, a signer added, a hand-over).
  const untouched = !roundTasks.some((t) => t.status === 'done' || t.origin === 'added' || t.origin === 'transferred');
  const route = routeOf(inst);
  return {
    approve: !!task,
    reject: !!task,
    return: !!task,
    addSigner: !!task,
    transfer: !!task,
    withdraw: isApplicant && (inst.state === 'returned' || (inst.state === 'in_progress' && untouched)),
    resubmit: isApplicant && inst.state === 'returned',
    returnTargets: task ? [...earlierRouted(route, stepIndex(route, inst.step_id)).map((i) => route[i].stepId), 'applicant'] : [],
  };
}

/** The instance page: steps with their orgs, the current round's assignees, history, the caller's actions. */
export async function buildDetail(ctx: Ctx, inst: InstanceRow): Promise<InstanceDetail> {
  const def = findDefinition(ctx, inst.definition_id);
  const route = routeOf(inst);
  const current = stepIndex(route, inst.step_id);
  const [roundTasks, history] = await Promise.all([
    repo.tasksOfRound(ctx.db, inst.id, Number(inst.round)),
    repo.historyOf(ctx.db, inst.id),
  ]);
  const fileIds = history.flatMap((h) => fromJson<string[]>(h.file_ids, []));
  const [orgs, users, files] = await Promise.all([
    repo.orgsByIds(
      ctx.db,
      [...route.map((r) => r.orgId), inst.acting_org_id, ...roundTasks.map((t) => t.org_id), ...history.map((h) => h.target_org_id)].filter(
        (x): x is string => !!x,
      ),
    ),
    repo.usersByIds(
      ctx.db,
      [...roundTasks.flatMap((t) => [t.user_id, t.decided_by]), ...history.map((h) => h.target_user_id)].filter((x): x is string => !!x),
    ),
    repo.fileNames(ctx.db, fileIds),
  ]);
  const steps: StepView[] = route.map((r, i) => {
    const step = def ? stepOf(def, r.stepId) : undefined;
    // After escalation the current step acts one level up.
    const orgId = i === current && inst.acting_org_id ? inst.acting_org_id : r.orgId;
    return {
      id: r.stepId,
      label: step?.label ?? { zh: r.stepId, en: r.stepId },
      level: step?.level ?? '',
      orgId,
      orgName: orgId ? (orgs.get(orgId)?.name ?? null) : null,
      countersignRule: step?.countersign?.rule ?? null,
      deadlineHours: step?.deadlineHours ?? null,
      dueWorkingDays: step?.dueWorkingDays ?? null,
      status: stepStatus(inst, i, current, r.orgId === null),
    };
  });
  const tasks: TaskView[] = roundTasks.map((t) => ({
    id: t.id,
    kind: t.kind,
    origin: t.origin,
    orgName: t.org_id ? (orgs.get(t.org_id)?.name ?? null) : null,
    userName: t.user_id ? (users.get(t.user_id)?.display_name ?? null) : null,
    status: t.status,
    decision: t.decision,
    decidedByName: t.decided_by ? (users.get(t.decided_by)?.display_name ?? null) : null,
  }));
  const entries: HistoryEntry[] = history.map((h) => ({
    seq: Number(h.seq),
    operation: h.operation as HistoryEntry['operation'],
    stepId: h.step_id,
    fromStep: h.from_step,
    toStep: h.to_step,
    actorName: h.actor_name,
    at: h.at,
    comment: h.comment,
    files: fromJson<string[]>(h.file_ids, []).map((id) => ({ id, name: files.get(id) ?? id })),
    targetUserName: h.target_user_id ? (users.get(h.target_user_id)?.display_name ?? null) : null,
    targetOrgName: h.target_org_id ? (orgs.get(h.target_org_id)?.name ?? null) : null,
  }));
  const [instance] = await summaries(ctx, [inst]);
  return { instance, steps, tasks, history: entries, actions: await actionsFor(ctx, inst, roundTasks) };
}
