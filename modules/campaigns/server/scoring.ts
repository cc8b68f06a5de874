import type { RubricCriterion } from '../contract/campaign-rules.ts';

/** Problems with one expert's marks: a criterion missing, unknown, or outside 0…max. */
export function checkMarks(rubric: RubricCriterion[], marks: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const c of rubric) {
    const v = marks[c.id];
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(c.id);
    else if (v < 0 || v > c.max) problems.push(c.id);
  }
  for (const id of Object.keys(marks)) if (!rubric.some((c) => c.id === id)) problems.push(id);
  return problems;
}

/** One expert's total out of 100: each criterion's mark as a share of its max, times its weight. */
export function weightedTotal(rubric: RubricCriterion[], marks: Record<string, number>): number {
  const weights = rubric.reduce((s, c) => s + c.weight, 0);
  const raw = rubric.reduce((s, c) => s + (marks[c.id] / c.max) * c.weight, 0);
  return round2((raw / weights) * 100);
}

/**
 * The application's score from its experts' totals: the mean, with the single highest and the
 * single lowest dropped when at least five experts scored (a trimmed mean, as selection panels
 * do against one generous or harsh reviewer). Null when nobody has scored yet.
 */
export function aggregateScores(totals: number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return round2(kept.reduce((s, v) => s + v, 0) / kept.length);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Weights must be positive and add up to 100; maxima positive; ids unique. */
export function rubricProblems(rubric: RubricCriterion[]): string[] {
  const problems: string[] = [];
  if (rubric.length === 0) problems.push('empty');
  if (new Set(rubric.map((c) => c.id)).size !== rubric.length) problems.push('duplicate_id');
  if (rubric.some((c) => !(c.weight > 0) || !(c.max > 0))) problems.push('non_positive');
  if (Math.abs(rubric.reduce((s, c) => s + c.weight, 0) - 100) > 1e-9) problems.push('weights_not_100');
  return problems;
}
