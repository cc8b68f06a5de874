import type { Ctx } from '#kernel';
import type { PlanDetail } from '../contract/plan.schema.ts';
import type { PlanComparison } from '../contract/report.schema.ts';
import { getPlan } from './plan.service.ts';
import { matchTasks, type ComparableTask } from './plan-compare.ts';

const comparable = (plan: PlanDetail): ComparableTask[] =>
  plan.areas.flatMap((a) =>
    a.tasks.map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      text: t.paragraphs.map((p) => p.text).join(''),
      targets: t.targets.map((g) => ({ object: g.object, count: g.count, unit: g.unit, bound: g.bound })),
    })),
  );

/** This plan against an earlier one the caller may also read: continuing tasks and target changes. */
export async function comparePlans(ctx: Ctx, planId: string, previousId: string): Promise<PlanComparison> {
  const [current, previous] = await Promise.all([getPlan(ctx, planId), getPlan(ctx, previousId)]);
  const matches = matchTasks(comparable(current), comparable(previous));
  return {
    current: { id: current.id, title: current.title, year: current.year },
    previous: { id: previous.id, title: previous.title, year: previous.year },
    continuing: matches.filter((m) => m.previous).length,
    matches,
  };
}
