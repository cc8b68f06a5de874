import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { PageQuery } from '#kernel';
import { ORG_TYPES, SCHOOL_STAGES } from './org-types.ts';

export const OrgTypeSchema = Type.Enum(ORG_TYPES);
export const SchoolStageSchema = Type.Enum(SCHOOL_STAGES);

export const Org = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  type: OrgTypeSchema,
  stage: Type.Union([SchoolStageSchema, Type.Null()]),
  divisionCode: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
  depth: Type.Integer(),
  isActive: Type.Boolean(),
  isSample: Type.Boolean(),
  childCount: Type.Optional(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Org = Static<typeof Org>;

const Name = Type.String({ minLength: 2, maxLength: 100 });
const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{2,40}$', description: '机构代码：学校标识码、行政区划代码等' });

export const CreateOrgBody = Type.Object(
  {
    parentId: Type.String(),
    code: Code,
    name: Name,
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    type: OrgTypeSchema,
    stage: Type.Optional(Nullable(SchoolStageSchema)),
    divisionCode: Type.Optional(Nullable(Type.String({ pattern: '^[1-9][0-9]{5}$' }))),
  },
  { additionalProperties: false },
);
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object(
  {
    name: Type.Optional(Name),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    code: Type.Optional(Code),
    stage: Type.Optional(Nullable(SchoolStageSchema)),
  },
  { additionalProperties: false },
);
export type UpdateOrgBody = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = Type.Object({ parentId: Type.String() }, { additionalProperties: false });

export const OrgSearchQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'name contains, or code starts with' })),
    type: Type.Optional(OrgTypeSchema),
    within: Type.Optional(Type.String({ description: 'only this org and its subtree' })),
    includeInactive: Type.Optional(Type.Boolean()),
  }),
]);
export type OrgSearchQuery = Static<typeof OrgSearchQuery>;

export const OrgImportRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  parentCode: Type.String(),
  stage: Type.Optional(Type.String()),
  shortName: Type.Optional(Type.String()),
  divisionCode: Type.Optional(Type.String()),
});
export type OrgImportRow = Static<typeof OrgImportRow>;

export const ImportReport = Type.Object({
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), code: Type.String(), field: Type.Optional(Type.String()), value: Type.Optional(Type.String()) }),
  ),
});
export type ImportReport = Static<typeof ImportReport>;
