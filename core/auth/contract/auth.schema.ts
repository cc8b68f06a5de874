import { Type, type Static } from 'typebox';

export const MfaState = Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('enrol_required'), Type.Literal('passed')]);
export type MfaState = Static<typeof MfaState>;

export const LoginBody = Type.Object(
  {
    account: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionUser = Type.Object({
  id: Type.String(),
  account: Type.String(),
  realName: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  hasTotp: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
});

export const SessionGrant = Type.Object({
  roleId: Type.String(),
  roleCode: Type.String(),
  roleName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgPath: Type.String(),
});

export const SessionInfo = Type.Object({
  user: SessionUser,
  mfa: MfaState,
  csrfToken: Type.String(),
  expiresAt: Type.String(),
  permissions: Type.Array(Type.String()),
  grants: Type.Array(SessionGrant),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const TotpCodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9 ]{6,8}$' }) }, { additionalProperties: false });
export const TotpSetup = Type.Object({ secret: Type.String(), uri: Type.String() });
export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export const PasswordConfirmBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const SessionSummary = Type.Object({
  id: Type.String({ description: '会话编号的前 8 位' }),
  current: Type.Boolean(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
});
