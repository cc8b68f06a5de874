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
}

export interface SelectionResult {
  decisions: Decision[];
  /** Categories with fewer selected than their quota (not enough eligible applications). */
  unfilled: Array<{ category: string; quota: number; selected: number }>;
}

/** Best first: higher score, then earlier submission, then id — so equal scores never depend on input order. */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity)
    || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
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
 * so the next in rank may still get in. Pure and deterministic.
 */
export function selectWinners(input: SelectionInput): SelectionResult {
  const quota = new Map(input.categories.map((c) => [c.code, c.quota]));
  const taken = new Map<string, number>();
  const lastScore = new Map<string, number | null>();
  const seen = new Map<string, string>();
  const perProvince = new Map<string, number>();
  const cap = input.regionCaps.find((c) => c.level === 'province');
  const decisions: Decision[] = [];

  for (const [i, c] of rankCandidates(input.candidates).entries()) {
    const decide = (reason: ExclusionReason | null) => decisions.push({ id: c.id, rank: i + 1, score: c.score, selected: reason === null, reason });
    if (c.score === null) { decide({ code: 'not_scored' }); continue; }
    if (c.score < input.minScore) { decide({ code: 'below_min_score', minScore: input.minScore }); continue; }
    const limit = quota.get(c.category) ?? 0;
    if ((taken.get(c.category) ?? 0) >= limit) {
      decide({ code: 'category_quota_full', category: c.category, quota: limit, tie: lastScore.get(c.category) === c.score });
      continue;
    }
    const clash = input.uniqueness.map((r) => ({ rule: r, key: uniquenessKey(r, c) })).find(({ key }) => key !== null && seen.has(key));
    if (clash) { decide({ code: 'duplicate', rule: clash.rule.id, winnerId: seen.get(clash.key!)! }); continue; }
    if (cap && c.provinceId !== null && (perProvince.get(c.provinceId) ?? 0) >= cap.max) {
      decide({ code: 'region_cap_full', provinceId: c.provinceId, cap: cap.max });
      continue;
    }
    taken.set(c.category, (taken.get(c.category) ?? 0) + 1);
    lastScore.set(c.category, c.score);
    for (const r of input.uniqueness) { const key = uniquenessKey(r, c); if (key) seen.set(key, c.id); }
    if (c.provinceId !== null) perProvince.set(c.provinceId, (perProvince.get(c.provinceId) ?? 0) + 1);
    decide(null);
  }

  const unfilled = input.categories
    .map((cat) => ({ category: cat.code, quota: cat.quota, selected: taken.get(cat.code) ?? 0 }))
    .filter((u) => u.selected < u.quota);
  return { decisions, unfilled };
}
