import type { TargetBound } from '../contract/parsed-plan.ts';

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'late';

export interface TargetProgress {
  count: number;
  max: number | null;
  bound: TargetBound;
  /** The latest figure: from the bound indicator, or the latest report; null when none yet. */
  value: number | null;
}

/** Whether a figure meets a target, read by its bound: "20个以上" is met at 20, "不超过2名" at 2 or fewer. */
export function isTargetMet(t: TargetProgress): boolean {
  if (t.value === null) return false;
  switch (t.bound) {
    case 'at_most':
      return t.value <= t.count;
    case 'range':
      return t.value >= t.count && t.value <= (t.max ?? Infinity);
    case 'approximate':
      return t.value >= t.count * 0.95;
    default:
      return t.value >= t.count;
  }
}

/** The share of a target reached, 0–1 (at-most targets count as reached or not). */
export function targetShare(t: TargetProgress): number {
  if (t.value === null) return 0;
  if (t.bound === 'at_most') return t.value <= t.count ? 1 : 0;
  return t.count === 0 ? 1 : Math.max(0, Math.min(1, t.value / t.count));
}

/**
 * A task's status from its targets, due date and reports:
 * 已完成 when every target is met (or, without targets, a report says it is complete);
 * 滞后 when its due date has passed without that; 进行中 once anything was reported or counted;
 * 未启动 otherwise.
 */
export function deriveTaskStatus(input: {
  targets: TargetProgress[];
  dueDate: string | null;
  reportCount: number;
  reportedComplete: boolean;
  today: string;
}): TaskStatus {
  const { targets, dueDate, reportCount, reportedComplete, today } = input;
  const done = targets.length > 0 ? targets.every(isTargetMet) : reportedComplete;
  if (done) return 'done';
  if (dueDate && dueDate < today) return 'late';
  if (reportCount > 0 || targets.some((t) => (t.value ?? 0) > 0)) return 'in_progress';
  return 'not_started';
}
