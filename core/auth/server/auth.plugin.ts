import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, CtxFactory, RouteAccess } from '#kernel';
import type { UserRow } from '#core/users/server/user.repo.ts';
import { noAccess, resolveAccess, type GrantedAccess } from '#core/access/server/access.resolve.ts';
import type { SessionRow } from './session.repo.ts';
import { requireSecondFactorOnceAdmin, resolveSession, type SessionSettings } from './auth.service.ts';
import { cachedApiToken, cacheApiToken, cachedSession, cacheSession } from './session-cache.ts';
import type { ApiTokenRow } from './api-token.repo.ts';
import { recordTokenUse, resolveApiToken, TOKEN_PATTERN } from './api-token.service.ts';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { AuthErrors } from '../contract/errors.ts';

export const SESSION_COOKIE = 'educloud_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who is calling: a browser session (cookie) or an API token (bearer), never both. */
export interface AuthState {
  session: SessionRow | null;
  token: ApiTokenRow | null;
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
const mfaSatisfied = (s: SessionRow) => s.mfaState === 'none' || s.mfaState === 'passed';

/** Permission routes take an API token unless they refuse it; session routes only when they accept it (RouteAccess). */
const acceptsApiToken = (access: RouteAccess) =>
  'permission' in access ? access.apiToken !== false : 'session' in access && access.apiToken === true;

function bearerSecret(authorization: string): string {
  const match = /^Bearer (\S+)$/i.exec(authorization);
  if (!match || !TOKEN_PATTERN.test(match[1])) throw AuthErrors.authorizationMalformed();
  return match[1];
}

/**
 * Resolves the session cookie or the API token into the request's Ctx, then enforces the route's
 * declared access: sign-in, second factor, forced password change, CSRF token, and the permission.
 * A bearer token needs neither CSRF (no browser sends it by itself) nor a second factor (it was
 * made after one); it reaches only the routes that accept tokens (ADR 0008).
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
    if (!declared || 'public' in declared) return;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      // Two credentials could name two accounts: rather than pick one, refuse.
      if (token) throw AuthErrors.credentialsAmbiguous();
      return authenticateBearer(req, bearerSecret(authorization), declared);
    }
    if (!token) return;
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
    req.auth = { ...found, token: null, access };
    req.ctx = options.makeCtx({
      actor: { kind: 'user', id: found.user.id, name: found.user.account },
      ip: req.ip,
      access: access ?? noAccess,
    });
  });

  async function authenticateBearer(req: FastifyRequest, secret: string, declared: RouteAccess): Promise<void> {
    if (!acceptsApiToken(declared)) throw AuthErrors.apiTokenNotAllowed();
    const now = req.ctx.now();
    const cached = cachedApiToken(secret, now);
    const entry = cached ?? (await resolveApiToken(req.ctx, secret));
    req.auth = { session: null, token: entry.token, user: entry.user, access: entry.access };
    req.ctx = options.makeCtx({ actor: { kind: 'user', id: entry.user.id, name: entry.user.account }, ip: req.ip, access: entry.access });
    if (cached) return;
    // Use is recorded on a cache miss only: at most every two seconds per token, written at most once a minute.
    await recordTokenUse(req.ctx, entry.token, entry.user);
    cacheApiToken(secret, { ...entry, at: now.getTime() });
  }

  // preValidation, so that an anonymous or unpermitted caller is refused before the body is judged.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access as RouteAccess | undefined;
    if (!access || 'public' in access) return;
    const auth = req.auth;
    if (!auth) throw AuthErrors.unauthenticated();
    // CSRF and the second factor concern browser sessions only: nothing sends a bearer token by
    // itself, and a token is made from a session that has passed its second factor.
    if (auth.session) {
      if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== auth.session.csrfToken) {
        throw AuthErrors.csrfInvalid();
      }
      const pendingAllowed = 'session' in access && access.allowPendingMfa;
      if (!mfaSatisfied(auth.session) && !pendingAllowed) {
        throw auth.session.mfaState === 'enrol_required' ? AuthErrors.mfaEnrolmentRequired() : AuthErrors.mfaRequired();
      }
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

/** The caller's browser session, on a session route that refuses API tokens (so one is always there). */
export function sessionAuthOf(req: FastifyRequest): AuthState & { session: SessionRow } {
  const auth = req.auth;
  if (!auth?.session) throw new Error('route reached without a session');
  return { ...auth, session: auth.session };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
