import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { CAMPAIGN_TYPES, CampaignRules } from './campaign-rules.ts';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'reviewing', 'publicity', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'recommending',
  'returned',
  'withdrawn',
  'not_recommended',
  'recommended',
  'selected',
  'not_selected',
  'awarded',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const Counts = Type.Object({ submitted: Type.Integer(), recommended: Type.Integer(), selected: Type.Integer() });

export const CampaignView = Type.Object({
  id: Type.String(),
  type: Type.Enum(CAMPAIGN_TYPES),
  title: Type.String(),
  year: Type.Integer(),
  orgId: Type.String(),
  orgName: Type.String(),
  status: Type.Enum(CAMPAIGN_STATUSES),
  applyUntil: Nullable(Type.String()),
  publicityFrom: Nullable(Type.String()),
  publicityUntil: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  rules: CampaignRules,
  counts: Counts,
  canManage: Type.Boolean(),
  canApply: Type.Boolean(),
  createdAt: Type.String(),
});
export type CampaignView = Static<typeof CampaignView>;

export const CreateCampaignBody = Type.Object(
  {
    type: Type.Enum(CAMPAIGN_TYPES),
    orgId: Type.String({ maxLength: 40, description: '组织机构（发起遴选的教育行政部门）' }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    applyUntil: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    applyUntil: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    rules: Type.Optional(CampaignRules),
  },
  { additionalProperties: false },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

export const Exclusion = Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) });
export type Exclusion = Static<typeof Exclusion>;

export const ApplicationView = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  campaignTitle: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  applicantId: Type.String(),
  applicantName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  submittedAt: Type.String(),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  exclusion: Nullable(Exclusion),
  workflowInstanceId: Nullable(Type.String()),
  certificateNumber: Nullable(Type.String()),
});
export type ApplicationView = Static<typeof ApplicationView>;

export const SubmitApplicationBody = Type.Object(
  {
    categoryCode: Type.String({ maxLength: 40 }),
    orgId: Type.String({ maxLength: 40, description: '申报单位（本人所在学校，或申报区域的教育行政部门）' }),
    title: Type.String({ minLength: 2, maxLength: 200 }),
    // Unknown, not string | number: the server's Ajv coerces, and a union would turn 12 into "12" or "12" into 12.
    // The campaign's form (server/application-form.ts) checks each value's type strictly.
    values: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 40 }),
  },
  { additionalProperties: false },
);
export type SubmitApplicationBody = Static<typeof SubmitApplicationBody>;

export const ApplicationQuery = Type.Object({
  status: Type.Optional(Type.Enum(APPLICATION_STATUSES)),
  categoryCode: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const ApplicationPage = Type.Object({
  items: Type.Array(ApplicationView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ApplicationPage = Static<typeof ApplicationPage>;

/** An authority's recommendation quota at its level in one campaign. */
export const QuotaUse = Type.Object({
  level: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  received: Type.Integer(),
  used: Type.Integer(),
  allowed: Type.Integer(),
});
export type QuotaUse = Static<typeof QuotaUse>;
