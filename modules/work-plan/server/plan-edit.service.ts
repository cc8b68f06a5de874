import { newId, type Ctx } from '#kernel';
import type { CreateTargetBody, UpdateTargetBody, UpdateTaskBody } from '../contract/report.schema.ts';
import { WorkPlanPermissions } from '../contract/permissions.ts';
import { indicatorExists } from './indicator-binding.ts';
import { insertRows } from './plan.repo.ts';
import * as repo from './report.repo.ts';
import { WorkPlanErrors } from '../contract/errors.ts';

/** The task, if the caller may edit its plan; not_found otherwise, so other plans stay private. */
async function editableTask(ctx: Ctx, taskId: string) {
  const task = await repo.findTask(ctx.db, taskId);
  if (!task || !ctx.access.can(WorkPlanPermissions.update, task.plan_org_path)) throw WorkPlanErrors.taskNotFound({ id: taskId });
  return task;
}

async function editableTarget(ctx: Ctx, targetId: string) {
  const target = await repo.findTarget(ctx.db, targetId);
  const task = target && (await repo.findTask(ctx.db, target.task_id));
  if (!target || !task || !ctx.access.can(WorkPlanPermissions.update, task.plan_org_path))
    throw WorkPlanErrors.targetNotFound({ id: targetId });
  return { target, task };
}

function checkTarget(ctx: Ctx, values: { bound: string; max: number | null; count: number; indicatorId: string | null }): void {
  if (values.indicatorId && !indicatorExists(ctx, values.indicatorId))
    throw WorkPlanErrors.unknownIndicator({ field: 'indicatorId', id: values.indicatorId });
  if (values.bound === 'range' && values.max === null) throw WorkPlanErrors.rangeNeedsMax({ field: 'max' });
  if (values.max !== null && values.max < values.count) throw WorkPlanErrors.maxBelowCount({ field: 'max' });
}

/** Changes a task's title or due date; audited with before and after. */
export async function updateTask(ctx: Ctx, taskId: string, body: UpdateTaskBody): Promise<void> {
  await ctx.transaction(async (tx) => {
    const task = await editableTask(tx, taskId);
    const patch: Record<string, unknown> = {};
    const changes: Record<string, unknown> = {};
    if (body.title !== undefined && body.title !== task.title) {
      patch.title = body.title;
      changes.title = [task.title, body.title];
    }
    if (body.dueDate !== undefined && body.dueDate !== task.due_date) {
      patch.due_date = body.dueDate;
      changes.dueDate = [task.due_date, body.dueDate];
    }
    if (Object.keys(patch).length === 0) return;
    await repo.updateTask(tx.db, task.id, { ...patch, updated_at: tx.now().toISOString() });
    tx.audit({ action: 'work-plan.task.updated', objectType: 'work-plan.task', objectId: task.id, orgId: task.plan_org_id, changes });
  });
}

/** Adds a numeric target the document did not state (or the parser missed) to a task. */
export async function createTarget(ctx: Ctx, taskId: string, body: CreateTargetBody): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    const task = await editableTask(tx, taskId);
    const max = body.max ?? null;
    const indicatorId = body.indicatorId ?? null;
    checkTarget(ctx, { bound: body.bound, max, count: body.count, indicatorId });
    const existing = await repo.taskTargets(tx.db, task.id);
    const at = tx.now().toISOString();
    const id = newId();
    const ordinal = existing.reduce((m, g) => Math.max(m, Number(g.ordinal)), 0) + 1;
    // `source` keeps the document's words for parsed targets; an added one has none of its own.
    await insertRows(tx.db, 'wp_targets', [
      {
        id,
        task_id: task.id,
        paragraph_id: null,
        ordinal,
        count: body.count,
        max,
        unit: body.unit,
        object: body.object,
        bound: body.bound,
        source: '',
        indicator_id: indicatorId,
        due_date: body.dueDate ?? null,
        created_at: at,
        updated_at: at,
      },
    ]);
    tx.audit({
      action: 'work-plan.target.created',
      objectType: 'work-plan.target',
      objectId: id,
      orgId: task.plan_org_id,
      changes: { task: Number(task.number), ...body },
    });
    return { id };
  });
}

/** Changes a target's figure, unit, object, bound, due date or indicator binding; audited. */
export async function updateTarget(ctx: Ctx, targetId: string, body: UpdateTargetBody): Promise<void> {
  await ctx.transaction(async (tx) => {
    const { target, task } = await editableTarget(tx, targetId);
    const fields = {
      count: 'count',
      max: 'max',
      unit: 'unit',
      object: 'object',
      bound: 'bound',
      dueDate: 'due_date',
      indicatorId: 'indicator_id',
    } as const;
    const patch: Record<string, unknown> = {};
    const changes: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(fields)) {
      const value = body[key as keyof UpdateTargetBody];
      if (value !== undefined && value !== target[column]) {
        patch[column] = value;
        changes[key] = [target[column], value];
      }
    }
    const merged = (column: string) => (column in patch ? patch[column] : target[column]);
    const max = merged('max') === null ? null : Number(merged('max'));
    checkTarget(ctx, {
      bound: merged('bound') as string,
      max,
      count: Number(merged('count')),
      indicatorId: (patch.indicator_id as string | null | undefined) ?? null,
    });
    if (Object.keys(patch).length === 0) return;
    await repo.updateTarget(tx.db, target.id, { ...patch, updated_at: tx.now().toISOString() });
    tx.audit({ action: 'work-plan.target.updated', objectType: 'work-plan.target', objectId: target.id, orgId: task.plan_org_id, changes });
  });
}

/** Removes a target nobody has reported a figure for; one with figures would lose reported data. */
export async function deleteTarget(ctx: Ctx, targetId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const { target, task } = await editableTarget(tx, targetId);
    if (await repo.targetHasFigures(tx.db, target.id)) throw WorkPlanErrors.targetHasFigures({ id: target.id });
    await repo.deleteTarget(tx.db, target.id);
    tx.audit({
      action: 'work-plan.target.deleted',
      objectType: 'work-plan.target',
      objectId: target.id,
      orgId: task.plan_org_id,
      changes: { task: Number(task.number), count: Number(target.count), unit: target.unit, object: target.object, bound: target.bound },
    });
  });
}
