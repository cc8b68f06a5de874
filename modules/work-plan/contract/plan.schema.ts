import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';

export const TargetView = Type.Object({
  id: Type.String(),
  count: Type.Number(),
  max: Nullable(Type.Number()),
  unit: Type.String(),
  object: Type.String(),
  bound: Type.String(),
  source: Type.String(),
  indicatorId: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
});

export const UnitView = Type.Object({
  name: Type.String(),
  kind: Type.Union([Type.Literal('org'), Type.Literal('org_types'), Type.Literal('unmapped')]),
  orgId: Nullable(Type.String()),
  orgName: Nullable(Type.String()),
  orgTypes: Type.Array(Type.String()),
});
export type UnitView = Static<typeof UnitView>;

export const TaskView = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  dueDate: Nullable(Type.String()),
  paragraphs: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), units: Type.Array(UnitView) })),
  targets: Type.Array(TargetView),
});

export const PlanSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Nullable(Type.Integer()),
  issuer: Nullable(Type.String()),
  orgId: Type.String(),
  orgName: Type.String(),
  taskCount: Type.Integer(),
  targetCount: Type.Integer(),
  createdAt: Type.String(),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const PlanDetail = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Nullable(Type.Integer()),
  issuer: Nullable(Type.String()),
  orgId: Type.String(),
  approach: Type.String(),
  goals: Type.Array(Type.Object({ ordinal: Type.Integer(), title: Type.String(), text: Type.String() })),
  areas: Type.Array(Type.Object({ id: Type.String(), ordinal: Type.Integer(), title: Type.String(), tasks: Type.Array(TaskView) })),
});
export type PlanDetail = Static<typeof PlanDetail>;

export const ImportPlanBody = Type.Object(
  {
    orgId: Type.String({ description: '发文机构（计划归属的机构）' }),
    text: Type.String({ minLength: 20, maxLength: 2_000_000, description: '工作要点全文' }),
  },
  { additionalProperties: false },
);
export type ImportPlanBody = Static<typeof ImportPlanBody>;

export const ImportPlanResult = Type.Object({
  plan: PlanSummary,
  unmappedUnits: Type.Array(Type.String()),
  // A code of ParseProblems (contract/errors.ts) and its params; the console words it from the locales.
  warnings: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) })),
});

export const UnitMappingBody = Type.Object(
  {
    scopeOrgId: Type.String(),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    orgId: Type.Optional(Type.String()),
    orgTypes: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type UnitMappingBody = Static<typeof UnitMappingBody>;
