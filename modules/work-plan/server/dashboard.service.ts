import type { Ctx } from '#kernel';
import type { PlanDashboard } from '../contract/report.schema.ts';
import { WorkPlanPermissions } from '../contract/permissions.ts';
import { findPlan, loadPlanTree } from './plan.repo.ts';
import { taskProgress } from './report.service.ts';
import type { TaskStatus } from './task-status.ts';
import { WorkPlanErrors } from '../contract/errors.ts';

const zero = (): Record<TaskStatus, number> => ({ not_started: 0, in_progress: 0, done: 0, late: 0 });

/**
 * A plan's completion: every task's derived status counted by area and by responsible unit (as
 * written in the plan), with each task's share of its targets reached, for charts that drill
 * down to the tasks behind them.
 */
export async function planDashboard(ctx: Ctx, planId: string): Promise<PlanDashboard> {
  const plan = await findPlan(ctx.db, planId);
  if (!plan || !ctx.access.can(WorkPlanPermissions.read, plan.org_path)) throw WorkPlanErrors.planNotFound({ id: planId });
  const tree = await loadPlanTree(ctx.db, planId);
  const areaOf = new Map(tree.areas.map((a) => [a.id as string, a]));
  const unitsOfTask = new Map<string, string[]>();
  const paragraphTask = new Map(tree.paragraphs.map((p) => [p.id as string, p.task_id as string]));
  for (const u of tree.units) {
    const taskId = paragraphTask.get(u.paragraph_id as string)!;
    const list = unitsOfTask.get(taskId) ?? unitsOfTask.set(taskId, []).get(taskId)!;
    if (!list.includes(u.name)) list.push(u.name);
  }
  const totals = zero();
  const byArea = new Map<string, Record<TaskStatus, number>>();
  const byUnit = new Map<string, { tasks: number; counts: Record<TaskStatus, number> }>();
  const tasks: PlanDashboard['tasks'] = [];
  for (const t of tree.tasks) {
    const progress = await taskProgress(ctx, t.id);
    const area = areaOf.get(t.area_id)!;
    const units = unitsOfTask.get(t.id) ?? [];
    totals[progress.status]++;
    (byArea.get(area.id) ?? byArea.set(area.id, zero()).get(area.id)!)[progress.status]++;
    for (const name of units) {
      const entry = byUnit.get(name) ?? byUnit.set(name, { tasks: 0, counts: zero() }).get(name)!;
      entry.tasks++;
      entry.counts[progress.status]++;
    }
    const share = progress.targets.length
      ? progress.targets.reduce((s, g) => s + g.share, 0) / progress.targets.length
      : progress.status === 'done'
        ? 1
        : 0;
    tasks.push({
      taskId: t.id,
      number: Number(t.number),
      title: t.title,
      areaOrdinal: Number(area.ordinal),
      status: progress.status,
      dueDate: t.due_date,
      share,
      units,
    });
  }
  return {
    planId,
    title: plan.title,
    totals,
    byArea: tree.areas.map((a) => ({ areaId: a.id, ordinal: Number(a.ordinal), title: a.title, counts: byArea.get(a.id) ?? zero() })),
    byUnit: [...byUnit.entries()]
      .map(([name, v]) => ({ name, ...v }))
      .sort((a, b) => b.tasks - a.tasks || a.name.localeCompare(b.name, 'zh-CN')),
    tasks,
  };
}
