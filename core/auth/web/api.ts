import type { Static } from 'typebox';
import { api } from '#ui';
import type { SessionSummary as SessionSummarySchema, TotpSetup as TotpSetupSchema } from '../contract/auth.schema.ts';
import type {
  ApiToken as ApiTokenSchema,
  CreatedApiToken as CreatedApiTokenSchema,
  CreateMyTokenBody as CreateMyTokenBodySchema,
} from '../contract/api-token.schema.ts';

export type SessionSummary = Static<typeof SessionSummarySchema>;
export type TotpSetup = Static<typeof TotpSetupSchema>;

const normalCode = (code: string) => code.replace(/\s/g, '');

export const listMySessions = () => api.get<SessionSummary[]>('/api/me/sessions');
/** Ends every other session of the caller (the server does so on any password change). */
export const changeMyPassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/me/password', { currentPassword, newPassword });
export const beginTotpEnrolment = () => api.post<TotpSetup>('/api/me/totp/setup');
export const confirmTotpEnrolment = (code: string) => api.post<void>('/api/me/totp/confirm', { code: normalCode(code) });
export const removeTotp = (password: string) => api.post<void>('/api/me/totp/remove', { password });

export type ApiToken = Static<typeof ApiTokenSchema>;
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;
export type CreateMyTokenBody = Static<typeof CreateMyTokenBodySchema>;

export const listMyTokens = () => api.get<ApiToken[]>('/api/me/tokens');
/** The answer carries the token itself, once: the server keeps only its hash. */
export const createMyToken = (body: CreateMyTokenBody) => api.post<CreatedApiToken>('/api/me/tokens', body);
export const revokeMyToken = (id: string) => api.delete(`/api/me/tokens/${encodeURIComponent(id)}`);
