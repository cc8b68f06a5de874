import type { Ctx } from './ctx.ts';

/**
 * What a route requires of its caller, declared in the route's `config.access`. The server
 * refuses to register an /api route without one, and the authorization matrix test walks them.
 *  - public: anyone, signed in or not (sign-in itself, public look-ups)
 *  - session: any signed-in user acting on their own account; `allowPendingMfa` and
 *    `allowPendingPasswordChange` let the sign-in steps through before the second factor has
 *    passed or a forced password change is done (every other route waits for both)
 *  - permission: a grant carrying this permission somewhere; the service then checks the
 *    subtree of the org the request acts on
 */
export type RouteAccess =
  | { public: true }
  | { session: true; allowPendingMfa?: boolean; allowPendingPasswordChange?: boolean }
  | { permission: string };

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
};
