import type { RegionCap, UniquenessRule } from '../contract/campaign-rules.ts';

export interface Candidate {
  id: string;
  category: string;
  /** The aggregated expert score; null when not scored. */
  score: number | null;
  submittedAt: string;
  /** The province the applicant belongs to (for caps and province-wide uniqueness); null for national units. */
  provinceId: string | null;
  /** Form values plus `applicant` (the person) and `applicantOrg`, for uniqueness rules. */
  values: Record<string, unknown>;
}

export type ExclusionReason =
  | { code: 'not_scored' }
  | { code: 'below_min_score'; minScore: number }
  | { code: 'category_quota_full'; category: string; quota: number; tie: boolean }
  | { code: 'duplicate'; rule: string; winnerId: string }
  | { code: 'region_cap_full'; provinceId: string; cap: number };

export interface Decision {
  id: string;
  rank: number;
  score: number | null;
  selected: boolean;
  reason: ExclusionReason | null;
}

export interface SelectionInput {
  candidates: Candidate[];
  categories: Array<{ code: string; quota: number }>;
  uniqueness: UniquenessRule[];
  regionCaps: RegionCap[];
  minScore: number;
  /**
   * Ids of candidates that stay selected whatever the rules say (递补 during 公示: the list on
   * display is kept). They take their places first; the others then fill what is left, in rank
   * order. A candidate that must never be reconsidered (an upheld objection) is left out of
   * `candidates` by the caller, so the places and uniqueness keys it held are free again.
   */
  alreadySelected?: ReadonlySet<string>;
}

export interface SelectionResult {
  decisions: Decision[];
  /** Categories with fewer selected than their quota (not enough eligible applications). */
  unfilled: Array<{ category: string; quota: number; selected: number }>;
}

/** Best first: higher score, then earlier submission, then id — so equal scores never depend on input order. */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id),
  );
}

function uniquenessKey(rule: UniquenessRule, c: Candidate): string | null {
  const parts = rule.fields.map((f) => c.values[f]);
  if (parts.some((p) => p === undefined || p === null || p === '')) return null;
  const scope = rule.within === 'province' ? (c.provinceId ?? '-') : '*';
  return `${rule.id}|${scope}|${parts.map((p) => String(p).trim()).join('|')}`;
}

/**
 * Picks winners greedily in rank order. Each candidate is checked against, in order: having a
 * score, the minimum score, its category's quota, every uniqueness rule and every regional
 * cap; the first rule that excludes it is its reason. An excluded candidate takes no place,
 * so the next in rank may still get in. With `alreadySelected`, those keep their places and
 * only the rest are checked (递补). Pure and deterministic.
 */
export function selectWinners(input: SelectionInput): SelectionResult {
  const quota = new Map(input.categories.map((c) => [c.code, c.quota]));
  const taken = new Map<string, number>();
  const lowestScore = new Map<string, number | null>();
  const seen = new Map<string, string>();
  const perProvince = new Map<string, number>();
  const cap = input.regionCaps.find((c) => c.level === 'province');
  const fixed = input.alreadySelected ?? new Set<string>();
  const decisions: Decision[] = [];

  const take = (c: Candidate) => {
    taken.set(c.category, (taken.get(c.category) ?? 0) + 1);
    const low = lowestScore.get(c.category);
    // The lowest selected score, not the last: a promoted candidate may outrank one already kept.
    lowestScore.set(c.category, low === undefined || (c.score !== null && low !== null && c.score < low) ? c.score : low);
    for (const r of input.uniqueness) {
      const key = uniquenessKey(r, c);
      if (key) seen.set(key, c.id);
    }
    if (c.provinceId !== null) perProvince.set(c.provinceId, (perProvince.get(c.provinceId) ?? 0) + 1);
  };
  const reasonAgainst = (c: Candidate): ExclusionReason | null => {
    if (c.score === null) return { code: 'not_scored' };
    if (c.score < input.minScore) return { code: 'below_min_score', minScore: input.minScore };
    const limit = quota.get(c.category) ?? 0;
    if ((taken.get(c.category) ?? 0) >= limit)
      return { code: 'category_quota_full', category: c.category, quota: limit, tie: lowestScore.get(c.category) === c.score };
    const clash = input.uniqueness.map((r) => ({ rule: r, key: uniquenessKey(r, c) })).find(({ key }) => key !== null && seen.has(key));
    if (clash) return { code: 'duplicate', rule: clash.rule.id, winnerId: seen.get(clash.key!)! };
    if (cap && c.provinceId !== null && (perProvince.get(c.provinceId) ?? 0) >= cap.max)
      return { code: 'region_cap_full', provinceId: c.provinceId, cap: cap.max };
    return null;
  };

  const ranked = rankCandidates(input.candidates).map((c, i) => ({ c, rank: i + 1 }));
  for (const { c, rank } of ranked.filter(({ c }) => fixed.has(c.id))) {
    take(c);
    decisions.push({ id: c.id, rank, score: c.score, selected: true, reason: null });
  }
  for (const { c, rank } of ranked.filter(({ c }) => !fixed.has(c.id))) {
    const reason = reasonAgainst(c);
    if (reason === null) take(c);
    decisions.push({ id: c.id, rank, score: c.score, selected: reason === null, reason });
  }
  decisions.sort((a, b) => a.rank - b.rank);

  const unfilled = input.categories
    .map((cat) => ({ category: cat.code, quota: cat.quota, selected: taken.get(cat.code) ?? 0 }))
    .filter((u) => u.selected < u.quota);
  return { decisions, unfilled };
}
