import type { LevelQuota } from '../contract/campaign-rules.ts';

/**
 * How many applications an authority may recommend upward, given how many reached it: a fixed
 * `max`, or `share` of them rounded down ("at most 20%"), but never fewer than `minimum`
 * (and never more than there are). Without a quota for the level, all of them.
 */
export function allowedRecommendations(quota: LevelQuota | undefined, received: number): number {
  if (!quota) return received;
  const byShare = quota.share !== undefined ? Math.floor(quota.share * received + 1e-9) : Infinity;
  const byMax = quota.max ?? Infinity;
  const allowed = Math.max(Math.min(byShare, byMax), quota.minimum ?? 0);
  return Math.min(allowed, received);
}
