import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { BoundedNumber } from '#kernel/number-bounds.ts';

/**
 * The largest progress figure or target count: a national total of pupils, schools or yuan
 * fits (10^12), and a sum of one figure per org of the whole tree stays finite and exact to
 * well under one unit (doubles are exact to 2^53 ≈ 9·10^15).
 */
export const FIGURE_MAX = 1e12;
const Figure = (options: { description?: string } = {}) => BoundedNumber({ minimum: 0, maximum: FIGURE_MAX, ...options });

export const ReportView = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  reportDate: Type.String(),
  text: Type.String(),
  isComplete: Type.Boolean(),
  status: Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('returned')]),
  reviewComment: Nullable(Type.String()),
  figures: Type.Array(Type.Object({ targetId: Type.String(), value: Nullable(Type.Number({ description: 'null: 未报送' })) })),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer() })),
  createdAt: Type.String(),
});
export type ReportView = Static<typeof ReportView>;

export const SubmitReportBody = Type.Object(
  {
    orgId: Type.String({ description: '报送单位（须为该任务的责任单位）' }),
    reportDate: Type.String({ format: 'date' }),
    text: Type.String({ minLength: 2, maxLength: 20_000 }),
    isComplete: Type.Optional(Type.Boolean({ description: '报送单位认为本任务已完成（用于无量化指标的任务）' })),
    figures: Type.Optional(
      Type.Array(
        Type.Object({ targetId: Type.String(), value: Nullable(Figure({ description: `0–${FIGURE_MAX}; null: 未报送 (not 0)` })) }),
        { maxItems: 50 },
      ),
    ),
    fileIds: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SubmitReportBody = Static<typeof SubmitReportBody>;

export const ReviewReportBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReviewReportBody = Static<typeof ReviewReportBody>;

export const TaskProgress = Type.Object({
  taskId: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  planId: Type.String(),
  planTitle: Type.String(),
  dueDate: Nullable(Type.String()),
  status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('done'), Type.Literal('late')]),
  reportCount: Type.Integer(),
  canReview: Type.Boolean({ description: "the caller may accept or return this task's reports" }),
  targets: Type.Array(
    Type.Object({
      id: Type.String(),
      count: Type.Number(),
      max: Nullable(Type.Number()),
      unit: Type.String(),
      object: Type.String(),
      bound: Type.String(),
      value: Nullable(Type.Number()),
      isMet: Type.Boolean(),
      share: Type.Number(),
      indicatorId: Nullable(Type.String()),
    }),
  ),
});
export type TaskProgress = Static<typeof TaskProgress>;

export const UpdateTaskBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    dueDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const UpdateTargetBody = Type.Object(
  {
    count: Type.Optional(Figure()),
    max: Type.Optional(Nullable(Figure())),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    object: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    bound: Type.Optional(Type.Enum(['exact', 'at_least', 'at_most', 'approximate', 'range'])),
    dueDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    indicatorId: Type.Optional(
      Nullable(Type.String({ maxLength: 100, description: '绑定的指标；绑定后进展取该指标在发文机构范围、计划年度内的值' })),
    ),
  },
  { additionalProperties: false },
);
export type UpdateTargetBody = Static<typeof UpdateTargetBody>;

export const CreateTargetBody = Type.Object(
  {
    count: Figure(),
    max: Type.Optional(Nullable(Figure())),
    unit: Type.String({ minLength: 1, maxLength: 10 }),
    object: Type.String({ minLength: 1, maxLength: 200 }),
    bound: Type.Enum(['exact', 'at_least', 'at_most', 'approximate', 'range']),
    dueDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    indicatorId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type CreateTargetBody = Static<typeof CreateTargetBody>;

export const StatusCounts = Type.Object({
  not_started: Type.Integer(),
  in_progress: Type.Integer(),
  done: Type.Integer(),
  late: Type.Integer(),
});

export const PlanDashboard = Type.Object({
  planId: Type.String(),
  title: Type.String(),
  totals: StatusCounts,
  byArea: Type.Array(Type.Object({ areaId: Type.String(), ordinal: Type.Integer(), title: Type.String(), counts: StatusCounts })),
  byUnit: Type.Array(Type.Object({ name: Type.String(), tasks: Type.Integer(), counts: StatusCounts })),
  tasks: Type.Array(
    Type.Object({
      taskId: Type.String(),
      number: Type.Integer(),
      title: Type.String(),
      areaOrdinal: Type.Integer(),
      status: Type.String(),
      dueDate: Nullable(Type.String()),
      share: Type.Number({ description: 'mean share of targets reached, 0–1' }),
      units: Type.Array(Type.String()),
    }),
  ),
});
export type PlanDashboard = Static<typeof PlanDashboard>;

export const PlanComparison = Type.Object({
  current: Type.Object({ id: Type.String(), title: Type.String(), year: Nullable(Type.Integer()) }),
  previous: Type.Object({ id: Type.String(), title: Type.String(), year: Nullable(Type.Integer()) }),
  continuing: Type.Integer(),
  matches: Type.Array(
    Type.Object({
      current: Type.Object({ id: Type.String(), number: Type.Integer(), title: Type.String() }),
      previous: Nullable(Type.Object({ id: Type.String(), number: Type.Integer(), title: Type.String() })),
      similarity: Type.Number(),
      targetChanges: Type.Array(
        Type.Object({ object: Type.String(), unit: Type.String(), before: Nullable(Type.Number()), after: Nullable(Type.Number()) }),
      ),
    }),
  ),
});
export type PlanComparison = Static<typeof PlanComparison>;
