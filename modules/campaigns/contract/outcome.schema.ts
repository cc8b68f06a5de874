import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { Exclusion } from './campaign.schema.ts';

export const SelectionView = Type.Object({
  decisions: Type.Array(
    Type.Object({
      applicationId: Type.String(),
      title: Type.String(),
      categoryName: Type.String(),
      orgName: Type.String(),
      applicantName: Type.String(),
      rank: Type.Integer(),
      score: Nullable(Type.Number()),
      selected: Type.Boolean(),
      exclusion: Nullable(Exclusion),
    }),
  ),
  unfilled: Type.Array(
    Type.Object({ categoryCode: Type.String(), categoryName: Type.String(), quota: Type.Integer(), selected: Type.Integer() }),
  ),
});
export type SelectionView = Static<typeof SelectionView>;

export const PublicityBody = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })) },
  { additionalProperties: false },
);

export const PublicList = Type.Object({
  campaignId: Type.String(),
  title: Type.String(),
  organiser: Type.String(),
  status: Type.String(),
  publicityFrom: Nullable(Type.String()),
  publicityUntil: Nullable(Type.String()),
  entries: Type.Array(
    Type.Object({
      applicationId: Type.String(),
      title: Type.String(),
      categoryName: Type.String(),
      orgName: Type.String(),
      applicantName: Type.String(),
      certificateNumber: Nullable(Type.String()),
    }),
  ),
});
export type PublicList = Static<typeof PublicList>;

export const ObjectionBody = Type.Object(
  {
    applicationId: Type.String({ maxLength: 40 }),
    name: Type.String({ minLength: 2, maxLength: 30, description: '实名提出异议' }),
    phone: Type.String({ pattern: '^1[3-9]\\d{9}$', description: '联系电话（加密保存，仅组织方可见脱敏号码）' }),
    text: Type.String({ minLength: 10, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type ObjectionBody = Static<typeof ObjectionBody>;

export const ObjectionView = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  applicationTitle: Type.String(),
  filerName: Type.String(),
  filerPhone: Type.String({ description: 'masked' }),
  text: Type.String(),
  status: Type.Enum(['open', 'upheld', 'dismissed']),
  resolution: Nullable(Type.String()),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});
export type ObjectionView = Static<typeof ObjectionView>;

export const ResolveObjectionBody = Type.Object(
  {
    decision: Type.Enum(['upheld', 'dismissed'], { description: 'upheld：异议成立，该申报不予入选' }),
    resolution: Type.String({ minLength: 2, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type ResolveObjectionBody = Static<typeof ResolveObjectionBody>;

/** What 递补 did: the applications it put on the list (none when nothing fits) and when the restarted display ends. */
export const BackfillResult = Type.Object({
  promoted: Type.Array(
    Type.Object({ applicationId: Type.String(), title: Type.String(), categoryName: Type.String(), orgName: Type.String() }),
  ),
  publicityUntil: Nullable(Type.String()),
});
export type BackfillResult = Static<typeof BackfillResult>;

export const CertificateView = Type.Object({
  number: Type.String(),
  campaignTitle: Type.String(),
  organiser: Type.String(),
  holder: Type.String(),
  orgName: Type.String(),
  categoryName: Type.String(),
  title: Type.String(),
  issuedAt: Type.String(),
});
export type CertificateView = Static<typeof CertificateView>;

export const CampaignStats = Type.Object({
  byProvince: Type.Array(
    Type.Object({
      provinceId: Type.String(),
      name: Type.String(),
      divisionCode: Nullable(Type.String()),
      submitted: Type.Integer(),
      recommended: Type.Integer(),
      selected: Type.Integer(),
    }),
  ),
  byCategory: Type.Array(
    Type.Object({
      categoryCode: Type.String(),
      categoryName: Type.String(),
      quota: Type.Integer(),
      submitted: Type.Integer(),
      recommended: Type.Integer(),
      selected: Type.Integer(),
    }),
  ),
});
export type CampaignStats = Static<typeof CampaignStats>;
