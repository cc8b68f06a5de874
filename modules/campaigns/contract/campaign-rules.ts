import { Type, type Static } from 'typebox';
import { ORG_TYPES } from '#core/orgs/contract/org-types.ts';

/** The selections the seed names, each with a preset (server/presets.ts). */
export const CAMPAIGN_TYPES = ['benchmark', 'excellent_lesson', 'space_popularization', 'smart_zone'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** Places a campaign hands out per category, level or province. */
const QUOTA_MAX = 100_000;
/** The highest mark a rubric criterion may be out of. */
export const MARK_MAX = 1000;
/** The widest range a number field of an application form may allow. */
const FORM_NUMBER_LIMIT = 1e12;

const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const CategoryRule = Type.Object(
  {
    code: Code,
    name: Name,
    /** How many the campaign selects in this category at most. */
    quota: Type.Integer({ minimum: 1, maximum: QUOTA_MAX }),
    /** What a category selects: whole regions, schools, single lessons or courses. */
    kind: Type.Enum(['region', 'school', 'lesson', 'course']),
    /** Org types whose members may apply in this category (a region applies as its authority). */
    applicantOrgTypes: Type.Array(Type.Enum(ORG_TYPES), { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type CategoryRule = Static<typeof CategoryRule>;

/**
 * How many applications an authority may recommend upward: a fixed number, or a share of what
 * reached it (a county forwards at most 20% of its 晒课), never fewer than `minimum`.
 */
export const LevelQuota = Type.Object(
  {
    level: Type.Enum(['county', 'city', 'province']),
    max: Type.Optional(Type.Integer({ minimum: 0, maximum: QUOTA_MAX })),
    share: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
    minimum: Type.Optional(Type.Integer({ minimum: 0, maximum: QUOTA_MAX })),
  },
  { additionalProperties: false },
);
export type LevelQuota = Static<typeof LevelQuota>;

/** At most one selected application per value of these fields within the scope. `applicant` is the person, `applicantOrg` the org, `category` the category. */
export const UniquenessRule = Type.Object(
  {
    id: Code,
    label: Name,
    fields: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1 }),
    within: Type.Enum(['campaign', 'province']),
  },
  { additionalProperties: false },
);
export type UniquenessRule = Static<typeof UniquenessRule>;

/** At most `max` selected applications per province (一师一优课: 800). */
export const RegionCap = Type.Object(
  { level: Type.Enum(['province']), max: Type.Integer({ minimum: 1, maximum: QUOTA_MAX }) },
  { additionalProperties: false },
);
export type RegionCap = Static<typeof RegionCap>;

/** Weights of a rubric add up to 100; a criterion marked at its max contributes its whole weight. */
export const RubricCriterion = Type.Object(
  {
    id: Code,
    name: Name,
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    max: Type.Number({ exclusiveMinimum: 0, maximum: MARK_MAX }),
  },
  { additionalProperties: false },
);
export type RubricCriterion = Static<typeof RubricCriterion>;

export const FormField = Type.Object(
  {
    key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,39}$' }),
    label: Name,
    type: Type.Enum(['text', 'textarea', 'number', 'select', 'url', 'date']),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 100 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000 })),
    min: Type.Optional(Type.Number({ minimum: -FORM_NUMBER_LIMIT, maximum: FORM_NUMBER_LIMIT })),
    max: Type.Optional(Type.Number({ minimum: -FORM_NUMBER_LIMIT, maximum: FORM_NUMBER_LIMIT })),
  },
  { additionalProperties: false },
);
export type FormField = Static<typeof FormField>;

/** Everything that makes one campaign's rules; stored with the campaign, copied from a preset. */
export const CampaignRules = Type.Object(
  {
    categories: Type.Array(CategoryRule, { minItems: 1, maxItems: 50 }),
    levelQuotas: Type.Array(LevelQuota, { maxItems: 3 }),
    uniqueness: Type.Array(UniquenessRule, { maxItems: 10 }),
    regionCaps: Type.Array(RegionCap, { maxItems: 1 }),
    rubric: Type.Array(RubricCriterion, { minItems: 1, maxItems: 20 }),
    form: Type.Array(FormField, { maxItems: 40 }),
    /** Experts scoring each application. */
    expertsPerApplication: Type.Integer({ minimum: 1, maximum: 15 }),
    /** Applications scoring below this are not selected. */
    minScore: Type.Number({ minimum: 0, maximum: 100 }),
    /** Days the proposed list stays on public display (公示). */
    publicityDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  { additionalProperties: false },
);
export type CampaignRules = Static<typeof CampaignRules>;
