import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { PageQuery } from '#kernel';

export const Role = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  isBuiltin: Type.Boolean(),
  isAdmin: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});
export type Role = Static<typeof Role>;

export const RoleBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{2,40}$' }),
    name: Type.String({ minLength: 2, maxLength: 50 }),
    nameEn: Type.Optional(Type.String({ maxLength: 80 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    isAdmin: Type.Optional(Type.Boolean()),
    permissions: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type RoleBody = Static<typeof RoleBody>;

export const RolePatch = Type.Partial(Type.Omit(RoleBody, ['code']), { additionalProperties: false });
export type RolePatch = Static<typeof RolePatch>;

export const PermissionInfo = Type.Object({
  id: Type.String(),
  module: Type.String(),
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export type PermissionInfo = Static<typeof PermissionInfo>;

export const Grant = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  userAccount: Type.String(),
  userName: Type.String(),
  roleId: Type.String(),
  roleCode: Type.String(),
  roleName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  createdAt: Type.String(),
});
export type Grant = Static<typeof Grant>;

export const GrantBody = Type.Object(
  { userId: Type.String(), roleId: Type.String(), orgId: Type.String() },
  { additionalProperties: false },
);
export type GrantBody = Static<typeof GrantBody>;

export const GrantQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    userId: Type.Optional(Type.String()),
    orgId: Type.Optional(Type.String()),
    roleId: Type.Optional(Type.String()),
  }),
]);
export type GrantQuery = Static<typeof GrantQuery>;
