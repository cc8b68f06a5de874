import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CampaignRules, Exclusion } from '../api.ts';

/**
 * Why an application was not selected, in words: the rule that excluded it (server/selection.ts
 * and an upheld objection), naming the category, the uniqueness rule or the cap from the rules.
 * `titleOf` names the application a duplicate lost to, when the caller knows it.
 */
export function exclusionText(
  t: TFunction,
  exclusion: Exclusion,
  rules: Pick<CampaignRules, 'categories' | 'uniqueness'> | null,
  titleOf?: (id: string) => string | undefined,
): string {
  const p = exclusion.params;
  const key = (k: string) => `campaigns:web.exclusion.${k}`;
  switch (exclusion.code) {
    case 'not_scored':
      return t(key('not_scored'));
    case 'below_min_score':
      return t(key('below_min_score'), { minScore: p.minScore });
    case 'category_quota_full': {
      const category = rules?.categories.find((c) => c.code === p.category)?.name ?? String(p.category ?? '');
      const text = t(key('category_quota_full'), { category, quota: p.quota });
      return p.tie ? `${text}${t(key('tie'))}` : text;
    }
    case 'duplicate': {
      const rule = rules?.uniqueness.find((u) => u.id === p.rule)?.label ?? String(p.rule ?? '');
      const winner = typeof p.winnerId === 'string' ? titleOf?.(p.winnerId) : undefined;
      return winner ? t(key('duplicateOf'), { rule, winner }) : t(key('duplicate'), { rule });
    }
    case 'region_cap_full':
      return t(key('region_cap_full'), { cap: p.cap });
    case 'objection_upheld':
      return t(key('objection_upheld'));
    default:
      return t(key('unknown'), { code: exclusion.code });
  }
}

export function ExclusionReason({
  exclusion,
  rules,
  titleOf,
}: {
  exclusion: Exclusion | null;
  rules: Pick<CampaignRules, 'categories' | 'uniqueness'> | null;
  titleOf?: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  if (!exclusion) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text>{exclusionText(t, exclusion, rules, titleOf)}</Typography.Text>;
}
