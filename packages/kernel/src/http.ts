import { Type, type Static } from 'typebox';
import type { Ctx } from './ctx.ts';

/**
 * The `:id` of `/api/<module>/<plural>/:id` routes, declared once so every route bounds it alike:
 * newId() makes 26 characters (ids.ts), and the bound refuses a junk path before any query runs.
 */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export type IdParams = Static<typeof IdParams>;

/**
 * What a route requires of its caller, declared in the route's `config.access`. The server
 * refuses to register an /api route without one, and the authorization matrix test walks them.
 *  - public: anyone, signed in or not (sign-in itself, public look-ups)
 *  - session: any signed-in user acting on their own account; `allowPendingMfa` and
 *    `allowPendingPasswordChange` let the sign-in steps through before the second factor has
 *    passed or a forced password change is done (every other route waits for both)
 *  - permission: a grant carrying this permission somewhere; the service then checks the
 *    subtree of the org the request acts on
 * `apiToken` says whether an API token (`Authorization: Bearer`, ADR 0008) may call the route.
 * Permission routes accept one unless they say `false`: their services check `ctx.access`, which
 * for a token is narrowed to its role on its subtree. Session routes refuse one unless they say
 * `true`: they act on the account itself (its password, authenticator, sessions, tokens, its own
 * queues read from its grants), where a narrowed token would act with the account's full reach.
 */
export type RouteAccess =
  | { public: true }
  | { session: true; allowPendingMfa?: boolean; allowPendingPasswordChange?: boolean; apiToken?: boolean }
  | { permission: string; apiToken?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}

export const routeAccess = {
  public: { public: true } as RouteAccess,
  session: { session: true } as RouteAccess,
  permission: (permission: string): RouteAccess => ({ permission }),
  /** A permission route an API token must not reach (creating tokens, for instance). */
  browserPermission: (permission: string): RouteAccess => ({ permission, apiToken: false }),
};
