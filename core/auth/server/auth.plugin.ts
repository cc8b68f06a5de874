import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type CtxFactory, type RouteAccess } from '#kernel';
import type { UserRow } from '#core/users/server/user.repo.ts';
import { noAccess, resolveAccess, type GrantedAccess } from '#core/access/server/access.resolve.ts';
import type { SessionRow } from './session.repo.ts';
import { requireSecondFactorOnceAdmin, resolveSession, type SessionSettings } from './auth.service.ts';
import { cachedSession, cacheSession } from './session-cache.ts';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { AuthErrors } from '../contract/errors.ts';

export const SESSION_COOKIE = 'educloud_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthState {
  session: SessionRow;
  user: UserRow;
  access: GrantedAccess | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

export interface AuthPluginOptions {
  makeCtx: CtxFactory;
  settings: SessionSettings;
}

const anonymous: Actor = { kind: 'anonymous', id: null, name: 'anonymous' };
const mfaSatisfied = (s: SessionRow) => s.mfa_state === 'none' || s.mfa_state === 'passed';

/**
 * Resolves the session cookie into the request's Ctx, then enforces the route's declared
 * access: sign-in, second factor, forced password change, CSRF token, and the permission.
 */
export function registerAuthHooks(app: FastifyInstance, options: AuthPluginOptions): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/') && !route.config?.access && url !== '/api/openapi.json' && !url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${url} declares no config.access`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const base = options.makeCtx({ actor: anonymous, ip: req.ip, access: noAccess });
    req.ctx = base;
    const declared = req.routeOptions.config?.access as RouteAccess | undefined;
    // Public routes, static assets and the console's pages never need to know who is calling.
    if (!token || !declared || 'public' in declared) return;
    const now = base.now();
    let entry = cachedSession(token, now);
    if (!entry) {
      const found = await resolveSession(base, token, options.settings);
      if (!found) return;
      const granted = await resolveAccess(base.db, found.user.id);
      // The second factor follows the user's current grants, not those held at sign-in.
      const session = await requireSecondFactorOnceAdmin(base, found.session, found.user, granted.holdsAdminRole);
      entry = { session, user: found.user, access: mfaSatisfied(session) ? granted : null, at: now.getTime() };
      cacheSession(token, entry);
    }
    const found = { session: entry.session, user: entry.user };
    const access = entry.access;
    req.auth = { ...found, access };
    req.ctx = options.makeCtx({ actor: { kind: 'user', id: found.user.id, name: found.user.account }, ip: req.ip, access: access ?? noAccess });
  });

  // preValidation, so that an anonymous or unpermitted caller is refused before the body is judged.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access as RouteAccess | undefined;
    if (!access || 'public' in access) return;
    const auth = req.auth;
    if (!auth) throw AuthErrors.unauthenticated();
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== auth.session.csrf_token) {
      throw AuthErrors.csrfInvalid();
    }
    const pendingAllowed = 'session' in access && access.allowPendingMfa;
    if (!mfaSatisfied(auth.session) && !pendingAllowed) {
      throw auth.session.mfa_state === 'enrol_required' ? AuthErrors.mfaEnrolmentRequired() : AuthErrors.mfaRequired();
    }
    // Until a forced password change is done the session does nothing else: not even a
    // session-level action such as approving a 待办 assigned to the account by name.
    if (auth.user.must_change_password && !('session' in access && access.allowPendingPasswordChange)) {
      throw AuthErrors.passwordChangeRequired();
    }
    if ('permission' in access && !auth.access?.can(access.permission)) {
      throw AccessErrors.forbidden({ permission: access.permission });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
