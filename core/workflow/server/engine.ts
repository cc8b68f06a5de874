import { fromJson, newId, toJson, type Ctx, type WorkflowDefinition, type WorkflowOperation, type WorkflowState } from '#kernel';
import { WorkflowErrors } from '../contract/errors.ts';
import { findDefinition, stepOf } from './definition-registry.ts';
import { stepDeadlines } from './deadlines.ts';
import { holdersOn, holdsOn } from './holder.repo.ts';
import { attachToHistory, notifyUsers } from './ports.ts';
import type { Route } from './routing.ts';
import * as repo from './workflow.repo.ts';
import type { InstanceRow, TaskRow } from './workflow.repo.ts';

/*
 * The pieces every operation is built from: take the instance (version check), find the
 * caller's task, enter a step (its tasks, deadline, notices), finish, record the history entry
 * with its audit record, and tell the owning module. Each operation composes them inside one
 * transaction, so a failure anywhere (the owner's hook included) leaves nothing behind.
 */

export interface Loaded {
  inst: InstanceRow;
  def: WorkflowDefinition;
  route: Route;
}

const PAST: Record<WorkflowOperation, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
  withdraw: 'withdrawn',
  resubmit: 'resubmitted',
  add_signer: 'signer_added',
  transfer: 'transferred',
  escalate: 'escalated',
  remind: 'reminded',
};

export const userIdOf = (ctx: Ctx): string | null => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** Review operations are people's: a system or CLI caller has no task to act on. */
export function requireUser(ctx: Ctx): string {
  const id = userIdOf(ctx);
  if (!id) throw WorkflowErrors.notYourTurn();
  return id;
}

export function definitionOf(ctx: Ctx, id: string): WorkflowDefinition {
  const def = findDefinition(ctx, id);
  if (!def) throw WorkflowErrors.definitionNotFound({ id });
  return def;
}

export const routeOf = (inst: Pick<InstanceRow, 'route'>): Route => fromJson<Route>(inst.route, []);

export const stepIndex = (route: Route, stepId: string | null): number => route.findIndex((r) => r.stepId === stepId);

/**
 * Who may see an instance: its applicant, anyone ever assigned to it or acting on it, and
 * holders of a step's permission on that step's org or above (the reviewers of the route and
 * their supervisors).
 */
export async function canRead(ctx: Ctx, inst: InstanceRow): Promise<boolean> {
  const me = userIdOf(ctx);
  if (me !== null && inst.applicant_id === me) return true;
  const def = findDefinition(ctx, inst.definition_id);
  if (def) {
    const route = routeOf(inst);
    const orgs = await repo.orgsByIds(
      ctx.db,
      route.map((r) => r.orgId).filter((id): id is string => id !== null),
    );
    for (const r of route) {
      const step = stepOf(def, r.stepId);
      const org = r.orgId ? orgs.get(r.orgId) : undefined;
      if (step && org && ctx.access.can(step.permission, org.path)) return true;
    }
  }
  return me !== null && repo.isParticipant(ctx.db, inst.id, me);
}

/** The instance if the caller may see it; not found otherwise, so its existence stays private. */
export async function readableInstance(ctx: Ctx, id: string): Promise<InstanceRow> {
  const inst = await repo.findInstance(ctx.db, id);
  if (!inst || !(await canRead(ctx, inst))) throw WorkflowErrors.instanceNotFound({ id });
  return inst;
}

/**
 * Takes the instance for one operation if it is still at the version the caller saw. Of two
 * operations racing on one instance exactly one gets it; the other is told it changed.
 */
export async function takeInstance(tx: Ctx, id: string, version: number): Promise<Loaded> {
  const inst = await readableInstance(tx, id);
  const def = definitionOf(tx, inst.definition_id);
  const seen = Number(inst.version);
  if (seen !== version || !(await repo.claimInstance(tx.db, inst.id, seen, tx.now().toISOString()))) {
    throw WorkflowErrors.instanceChanged({ id, version: seen });
  }
  return { inst: { ...inst, version: seen + 1 }, def, route: routeOf(inst) };
}

/**
 * The open task of the current step the user may act on: assigned to them, or an org task they
 * hold by a grant on its org. Nobody reviews their own submission (回避), whatever they hold.
 */
export async function actionableTask(ctx: Ctx, inst: InstanceRow, userId: string): Promise<TaskRow | undefined> {
  if (inst.state !== 'in_progress' || userId === inst.applicant_id) return undefined;
  const open = (await repo.tasksOfRound(ctx.db, inst.id, Number(inst.round))).filter((t) => t.status === 'open' && t.kind !== 'applicant');
  const own = open.find((t) => t.kind === 'user' && t.user_id === userId);
  if (own) return own;
  for (const t of open) if (t.kind === 'org' && (await holdsOn(ctx.db, userId, t.org_id!, t.permission!))) return t;
  return undefined;
}

export async function requireTask(tx: Ctx, loaded: Loaded, userId: string): Promise<TaskRow> {
  if (loaded.inst.state !== 'in_progress') throw WorkflowErrors.notInProgress({ state: loaded.inst.state });
  const task = await actionableTask(tx, loaded.inst, userId);
  if (!task) throw WorkflowErrors.notYourTurn();
  return task;
}

/** A notice about the instance; templates are `notify[kind]` in this module's locale files. */
export function noticeOf(loaded: Loaded, kind: string, extra: Record<string, string> = {}) {
  const step = stepOf(loaded.def, loaded.inst.step_id);
  return {
    kind,
    params: {
      title: loaded.inst.title,
      workflow: loaded.def.label.zh,
      workflowEn: loaded.def.label.en,
      step: step?.label.zh ?? '',
      stepEn: step?.label.en ?? '',
      ...extra,
    },
    link: `/workflow/todo?instance=${loaded.inst.id}`,
    orgId: loaded.inst.org_id,
  };
}

/** Everyone who may act on these tasks: the named users and the holders of each org task, but not the applicant. */
export async function assigneesOf(ctx: Ctx, inst: InstanceRow, tasks: TaskRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of tasks) {
    if (t.user_id) ids.push(t.user_id);
    else if (t.kind === 'org') ids.push(...(await holdersOn(ctx.db, t.org_id!, t.permission!)));
  }
  return [...new Set(ids)].filter((id) => id !== inst.applicant_id);
}

export async function notifyTasks(tx: Ctx, loaded: Loaded, tasks: TaskRow[], kind: string, extra?: Record<string, string>): Promise<void> {
  await notifyUsers(tx, await assigneesOf(tx, loaded.inst, tasks), noticeOf(loaded, kind, extra));
}

export const notifyApplicant = (tx: Ctx, loaded: Loaded, kind: string, extra?: Record<string, string>) =>
  notifyUsers(tx, [loaded.inst.applicant_id], noticeOf(loaded, kind, extra));

export function newTask(tx: Ctx, inst: InstanceRow, fields: Pick<TaskRow, 'kind' | 'origin'> & Partial<TaskRow>): TaskRow {
  return {
    id: newId(),
    instance_id: inst.id,
    step_id: inst.step_id,
    round: Number(inst.round),
    org_id: inst.acting_org_id,
    permission: null,
    user_id: null,
    status: 'open',
    decision: null,
    decided_by: null,
    decided_at: null,
    created_at: tx.now().toISOString(),
    ...fields,
  };
}

/**
 * Moves the instance onto step `index` of its route in a new round: one task for the holders
 * at the step's org, or, for 会签, one per holder; the deadline restarts; the assignees are told.
 */
export async function enterStep(tx: Ctx, loaded: Loaded, index: number, origin = 'route'): Promise<void> {
  const orgId = loaded.route[index].orgId!;
  const step = loaded.def.steps.find((s) => s.id === loaded.route[index].stepId)!;
  const { dueAt, remindAt } = stepDeadlines(step, tx.now());
  const patch = {
    state: 'in_progress',
    step_id: step.id,
    acting_org_id: orgId,
    round: Number(loaded.inst.round) + 1,
    due_at: dueAt,
    remind_at: remindAt,
  };
  await repo.updateInstance(tx.db, loaded.inst.id, patch);
  loaded.inst = { ...loaded.inst, ...patch };
  const signers = step.countersign ? (await holdersOn(tx.db, orgId, step.permission)).filter((id) => id !== loaded.inst.applicant_id) : [];
  // A countersign step with nobody to sign yet falls back to one task for whoever is granted later.
  const tasks =
    signers.length > 0
      ? signers.map((userId) => newTask(tx, loaded.inst, { kind: 'user', origin, user_id: userId, permission: step.permission }))
      : [newTask(tx, loaded.inst, { kind: 'org', origin, permission: step.permission })];
  await repo.insertTasks(tx.db, tasks);
  await notifyTasks(tx, loaded, tasks, 'workflow.task_assigned');
}

/** Ends the review in a final state; open tasks close and the applicant hears the outcome. */
export async function finish(tx: Ctx, loaded: Loaded, state: Extract<WorkflowState, 'approved' | 'rejected' | 'withdrawn'>): Promise<void> {
  await repo.cancelOpenTasks(tx.db, loaded.inst.id);
  const patch = { state, acting_org_id: null, due_at: null, remind_at: null, finished_at: tx.now().toISOString() };
  await repo.updateInstance(tx.db, loaded.inst.id, patch);
  loaded.inst = { ...loaded.inst, ...patch };
  if (state !== 'withdrawn') await notifyApplicant(tx, loaded, `workflow.${state}`);
}

export interface Entry {
  operation: WorkflowOperation;
  fromStep?: string | null;
  toStep?: string | null;
  comment?: string | null;
  fileIds?: string[];
  targetUserId?: string | null;
  targetOrgId?: string | null;
}

async function actorName(ctx: Ctx): Promise<string> {
  const me = userIdOf(ctx);
  if (!me) return ctx.actor.name;
  return (await repo.usersByIds(ctx.db, [me])).get(me)?.display_name ?? ctx.actor.name;
}

/** Writes the history entry (with its attachments) and the audit record of an operation. */
export async function record(tx: Ctx, loaded: Loaded, e: Entry): Promise<void> {
  const { inst, def } = loaded;
  const fileIds = [...new Set(e.fileIds ?? [])];
  const comment = e.comment?.trim() || null;
  const row = await repo.appendHistory(tx.db, {
    id: newId(),
    instance_id: inst.id,
    operation: e.operation,
    step_id: inst.step_id,
    from_step: e.fromStep ?? null,
    to_step: e.toStep ?? null,
    actor_id: userIdOf(tx),
    actor_name: await actorName(tx),
    at: tx.now().toISOString(),
    comment,
    file_ids: toJson(fileIds),
    target_user_id: e.targetUserId ?? null,
    target_org_id: e.targetOrgId ?? null,
  });
  await attachToHistory(tx, row.id, fileIds);
  const changes: Record<string, unknown> = {
    definition: def.id,
    subject: `${inst.subject_type}:${inst.subject_id}`,
    step: inst.step_id,
    state: inst.state,
  };
  if (e.fromStep !== undefined || e.toStep !== undefined) changes.move = [e.fromStep ?? null, e.toStep ?? null];
  if (comment) changes.comment = comment;
  if (fileIds.length > 0) changes.fileIds = fileIds;
  if (e.targetUserId) changes.targetUserId = e.targetUserId;
  if (e.targetOrgId) changes.targetOrgId = e.targetOrgId;
  tx.audit({
    action: `workflow.instance.${PAST[e.operation]}`,
    objectType: 'workflow.instance',
    objectId: inst.id,
    orgId: inst.org_id,
    changes,
  });
}

/** Tells the owning module that the instance changed step or state, inside the same transaction. */
export async function announce(
  tx: Ctx,
  loaded: Loaded,
  operation: WorkflowOperation,
  fromStep: string | null,
  toStep: string | null,
): Promise<void> {
  const { inst, def } = loaded;
  await def.onTransition?.(tx, {
    instanceId: inst.id,
    definitionId: def.id,
    subjectType: inst.subject_type,
    subjectId: inst.subject_id,
    orgId: inst.org_id,
    operation,
    fromStep,
    toStep,
    state: inst.state as WorkflowState,
  });
}
