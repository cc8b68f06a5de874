import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { resolveAccess } from '#core/access/server/access.resolve.ts';
import {
  LoginBody,
  PasswordChangeBody,
  PasswordConfirmBody,
  SessionInfo,
  SessionSummary,
  TotpCodeBody,
  TotpSetup,
} from '../contract/auth.schema.ts';
import * as service from './auth.service.ts';
import { clearSessionCookie, sessionAuthOf, setSessionCookie, type AuthState } from './auth.plugin.ts';
import type { SessionRow } from './session.repo.ts';
import { registerApiTokenRoutes } from './api-token.routes.ts';
import { AuthErrors } from '../contract/errors.ts';

const tags = ['auth'];
const session = { session: true } as const;
/** The sign-in steps: reachable before the second factor and before a forced password change. */
const sessionPending = { session: true, allowPendingMfa: true, allowPendingPasswordChange: true } as const;
const sessionPendingPassword = { session: true, allowPendingPasswordChange: true } as const;

export interface AuthRouteOptions {
  settings: service.SessionSettings;
  loginRateLimit: { max: number; timeWindow: string };
}

const authOf = sessionAuthOf;

const sessionInfo = (req: FastifyRequest, auth: AuthState & { session: SessionRow }) => service.describeSession(req.ctx, auth);

export function registerAuthRoutes(fastify: FastifyInstance, options: AuthRouteOptions): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const maxAge = options.settings.absoluteHours * 3600;

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: '账号密码登录', body: LoginBody, response: { 200: SessionInfo } },
      config: { access: { public: true }, rateLimit: options.loginRateLimit },
    },
    async (req, reply) => {
      const result = await service.login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null }, options.settings);
      setSessionCookie(reply, result.token, req.protocol === 'https', maxAge);
      const access = result.mfa === 'none' ? await resolveAccess(req.ctx.db, result.user.id) : null;
      return sessionInfo(req, { session: result.session, token: null, user: result.user, access });
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: { tags, summary: '当前会话', response: { 200: SessionInfo } },
      config: { access: sessionPending },
    },
    (req) => sessionInfo(req, authOf(req)),
  );

  app.post(
    '/api/auth/totp',
    {
      schema: { tags, summary: '第二因素（动态口令）验证', body: TotpCodeBody, response: { 200: SessionInfo } },
      config: { access: sessionPending, rateLimit: options.loginRateLimit },
    },
    async (req) => {
      const auth = authOf(req);
      const passed = await service.verifySecondFactor(req.ctx, auth.session, auth.user, req.body.code, options.settings);
      return sessionInfo(req, { ...auth, session: passed, access: await resolveAccess(req.ctx.db, auth.user.id) });
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: '退出登录', response: { 204: Type.Null() } },
      config: { access: sessionPending },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await service.logout(req.ctx, auth.session.id, auth.user, false);
      clearSessionCookie(reply, req.protocol === 'https');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: { tags, summary: '退出全部设备', response: { 204: Type.Null() } },
      config: { access: sessionPendingPassword },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await service.logout(req.ctx, auth.session.id, auth.user, true);
      clearSessionCookie(reply, req.protocol === 'https');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/sessions',
    {
      schema: { tags, summary: '我的登录会话', response: { 200: Type.Array(SessionSummary) } },
      config: { access: session },
    },
    async (req) => {
      const auth = authOf(req);
      return (await service.listSessions(req.ctx, auth.user.id)).map((s) => ({
        id: s.id.slice(0, 8),
        current: s.id === auth.session.id,
        ip: s.ip,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
      }));
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: { tags, summary: '修改本人密码', body: PasswordChangeBody, response: { 204: Type.Null() } },
      config: { access: sessionPendingPassword, rateLimit: options.loginRateLimit },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await service.changePassword(req.ctx, auth.session.id, auth.user, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      schema: { tags, summary: '开始绑定动态口令', response: { 200: TotpSetup } },
      config: { access: sessionPending },
    },
    async (req) => {
      const auth = authOf(req);
      // A session still owing its code must not swap the authenticator it is being asked for.
      if (auth.session.mfaState === 'pending') throw AuthErrors.mfaRequired();
      return service.beginTotpEnrolment(req.ctx, auth.user);
    },
  );

  app.post(
    '/api/me/totp/confirm',
    {
      schema: { tags, summary: '确认绑定动态口令', body: TotpCodeBody, response: { 204: Type.Null() } },
      config: { access: sessionPending, rateLimit: options.loginRateLimit },
    },
    async (req, reply) => {
      const auth = authOf(req);
      if (auth.session.mfaState === 'pending') throw AuthErrors.mfaRequired();
      await service.confirmTotpEnrolment(req.ctx, auth.session, auth.user, req.body.code, options.settings);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/totp/remove',
    {
      schema: { tags, summary: '解除动态口令（管理员不可解除）', body: PasswordConfirmBody, response: { 204: Type.Null() } },
      config: { access: session },
    },
    async (req, reply) => {
      await service.removeTotp(req.ctx, authOf(req).user, req.body.password);
      return reply.code(204).send(null);
    },
  );

  registerApiTokenRoutes(fastify);
}
