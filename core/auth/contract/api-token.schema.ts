import { Type, type Static } from 'typebox';
import { BoundedInteger, Nullable, PageQuery } from '#kernel';

/** The longest an API token may live (ADR 0008). */
export const MAX_TOKEN_DAYS = 365;

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: '令牌开头几位，用于辨认，不能用于调用' }),
  userId: Type.String(),
  userAccount: Type.String(),
  roleId: Type.String(),
  roleCode: Type.String(),
  roleName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  lastUsedIp: Nullable(Type.String()),
});
export type ApiToken = Static<typeof ApiToken>;

export const CreatedApiToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: '令牌本身，只返回这一次；服务器只保存其 SHA-256' }),
});
export type CreatedApiToken = Static<typeof CreatedApiToken>;

const TokenFields = {
  name: Type.String({ minLength: 1, maxLength: 60, description: '用途，如“数据同步脚本”' }),
  roleId: Type.String({ maxLength: 40 }),
  orgId: Type.String({ maxLength: 40, description: '令牌作用于该机构及其下级' }),
  expiresInDays: BoundedInteger({ minimum: 1, maximum: MAX_TOKEN_DAYS, description: `有效天数，最长 ${MAX_TOKEN_DAYS} 天` }),
};

export const CreateMyTokenBody = Type.Object(TokenFields, { additionalProperties: false });
export type CreateMyTokenBody = Static<typeof CreateMyTokenBody>;

export const CreateTokenBody = Type.Object(
  { ...TokenFields, userId: Type.String({ maxLength: 40, description: '服务账号' }) },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const TokenQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    userId: Type.Optional(Type.String({ maxLength: 40 })),
  }),
]);
export type TokenQuery = Static<typeof TokenQuery>;
