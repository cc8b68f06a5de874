import { Type, type Static } from 'typebox';
import { Nullable } from '#kernel/nullable.ts';
import { PageQuery } from '#kernel';

export const UserRoleSummary = Type.Object({
  roleCode: Type.String(),
  roleName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
});

export const User = Type.Object({
  id: Type.String(),
  account: Type.String(),
  realName: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  orgName: Type.Optional(Type.String()),
  idNumberMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  email: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  isLocked: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  hasTotp: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  isSample: Type.Boolean(),
  isServiceAccount: Type.Boolean({ description: '服务账号：没有密码、不能登录，只通过 API 令牌调用' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type User = Static<typeof User>;

const Account = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$', description: '登录账号：字母、数字、_ . @ -，3–64 位' });
const RealName = Type.String({ minLength: 2, maxLength: 50 });

export const CreateUserBody = Type.Object(
  {
    account: Account,
    realName: RealName,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    orgId: Type.String(),
    idNumber: Type.Optional(Type.String({ maxLength: 30 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 120 })),
    password: Type.Optional(Type.String({ maxLength: 128, description: '不填则生成一次性初始密码' })),
    serviceAccount: Type.Optional(
      Type.Boolean({ description: '服务账号（供脚本和系统对接使用）：没有密码、不能登录，由管理员为其创建 API 令牌' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    realName: Type.Optional(RealName),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    orgId: Type.Optional(Type.String()),
    idNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 120 }))),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserSortField = Type.Union([
  Type.Literal('account'),
  Type.Literal('realName'),
  Type.Literal('createdAt'),
  Type.Literal('lastLoginAt'),
]);

export const UserListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    orgId: Type.Optional(Type.String({ description: '只看该机构及其下级' })),
    q: Type.Optional(Type.String({ maxLength: 64, description: '账号前缀、姓名包含，或完整的身份证号/手机号' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')])),
    sort: Type.Optional(UserSortField),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  }),
]);
export type UserListQuery = Static<typeof UserListQuery>;

export const CreatedUser = Type.Object({ user: User, initialPassword: Type.Optional(Type.String({ description: '只返回这一次' })) });
export const PasswordReset = Type.Object({ temporaryPassword: Type.String({ description: '只返回这一次，首次登录须修改' }) });
