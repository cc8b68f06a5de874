import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { FormField, MARK_MAX, RubricCriterion } from './campaign-rules.ts';

export const ExpertView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  orgName: Type.String(),
  categoryCode: Type.String(),
  assigned: Type.Integer(),
  submitted: Type.Integer(),
});
export type ExpertView = Static<typeof ExpertView>;

export const AddExpertsBody = Type.Object(
  {
    categoryCode: Type.String({ maxLength: 40 }),
    userIds: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type AddExpertsBody = Static<typeof AddExpertsBody>;

/** A user who may join an expert pool: holds the scoring permission through a grant anywhere in the tree. No ID numbers or phones. */
export const ExpertCandidate = Type.Object({
  id: Type.String(),
  account: Type.String(),
  name: Type.String(),
  orgName: Type.String(),
  /** Category codes of this campaign whose pool already holds the user. */
  inPools: Type.Array(Type.String()),
});
export type ExpertCandidate = Static<typeof ExpertCandidate>;

export const ExpertCandidateQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 60, description: '账号前缀，或姓名中的字' })),
  },
  { additionalProperties: false },
);
export type ExpertCandidateQuery = Static<typeof ExpertCandidateQuery>;

export const DrawBody = Type.Object(
  { seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: '随机种子；不填则随机，结果记入审计以便复核' })) },
  { additionalProperties: false },
);
export const DrawResult = Type.Object({
  seed: Type.Integer(),
  assigned: Type.Integer(),
  shortfalls: Type.Array(
    Type.Object({ applicationId: Type.String(), title: Type.String(), needed: Type.Integer(), assigned: Type.Integer() }),
  ),
});
export type DrawResult = Static<typeof DrawResult>;

export const ReviewView = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  campaignTitle: Type.String(),
  applicationId: Type.String(),
  title: Type.String(),
  categoryName: Type.String(),
  orgName: Type.String(),
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  /** The campaign's application form, so the expert reads the values under their labels. */
  form: Type.Array(FormField),
  rubric: Type.Array(RubricCriterion),
  marks: Nullable(Type.Record(Type.String(), Type.Number())),
  total: Nullable(Type.Number()),
  comment: Nullable(Type.String()),
  assignedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  /** Whether marks may still be given or changed: only while the campaign is reviewing. */
  editable: Type.Boolean(),
});
export type ReviewView = Static<typeof ReviewView>;

export const SubmitReviewBody = Type.Object(
  {
    marks: Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: 0, maximum: MARK_MAX }), { maxProperties: 20 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SubmitReviewBody = Static<typeof SubmitReviewBody>;
