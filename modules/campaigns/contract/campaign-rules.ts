import type { OrgType } from '#core/orgs/contract/org-types.ts';

/** The selections the seed names, each with a preset (server/presets.ts). */
export const CAMPAIGN_TYPES = ['benchmark', 'excellent_lesson', 'space_popularization', 'smart_zone'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** What a category selects: whole regions, schools, single lessons or courses. */
export type ApplicantKind = 'region' | 'school' | 'lesson' | 'course';

export interface CategoryRule {
  code: string;
  name: string;
  /** How many the campaign selects in this category at most. */
  quota: number;
  kind: ApplicantKind;
  /** Org types whose members may apply in this category (a region applies as its authority). */
  applicantOrgTypes: OrgType[];
}

/**
 * How many applications an authority may recommend upward: a fixed number, or a share of what
 * was submitted below it (a county forwards at most 20% of its 晒课), never fewer than `minimum`
 * so a county with three lessons is not shut out by rounding.
 */
export interface LevelQuota {
  level: 'county' | 'city' | 'province';
  max?: number;
  share?: number;
  minimum?: number;
}

/** At most one selected application per value of these fields within the scope (一师一优课: one per grade × subject × edition × node per province). */
export interface UniquenessRule {
  id: string;
  label: string;
  /** Form field keys; `applicant` stands for the applying person. */
  fields: string[];
  within: 'campaign' | 'province';
}

/** At most `max` selected applications per province (一师一优课: 800). */
export interface RegionCap {
  level: 'province';
  max: number;
}

export interface RubricCriterion {
  id: string;
  name: string;
  /** Weights of a rubric add up to 100; a criterion scored at its max contributes its weight. */
  weight: number;
  max: number;
}

export type FormFieldType = 'text' | 'textarea' | 'number' | 'select' | 'url' | 'date';

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  maxLength?: number;
  min?: number;
  max?: number;
}

/** Everything that makes one campaign's rules; stored with the campaign, copied from a preset. */
export interface CampaignRules {
  categories: CategoryRule[];
  levelQuotas: LevelQuota[];
  uniqueness: UniquenessRule[];
  regionCaps: RegionCap[];
  rubric: RubricCriterion[];
  form: FormField[];
  /** Experts scoring each application. */
  expertsPerApplication: number;
  /** Applications scoring below this are not selected. */
  minScore: number;
  /** Days the proposed list stays on public display (公示). */
  publicityDays: number;
}
