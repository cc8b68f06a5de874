import type { SessionRow } from './session.repo.ts';
import type { UserRow } from '#core/users/server/user.repo.ts';
import type { GrantedAccess } from '#core/access/server/access.resolve.ts';
import type { ResolvedToken } from './api-token.service.ts';

/*
 * Resolving a session costs three queries (session, user, grants) on every request; under load
 * that alone halves throughput (docs/benchmarks.md). Resolved sessions are kept for two seconds
 * of platform time, and the whole cache is dropped after every committed change of state (any
 * audited transaction: sign-out, password, grants, orgs), so on this instance a change takes
 * effect at once; other instances see it within two seconds. API tokens (bearer secrets) are
 * kept the same way in a map of their own, dropped with it: a revoked token, a revoked grant of
 * its owner or a disabled owner stop it at once here and within two seconds elsewhere.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 20_000;

export interface CachedSession {
  session: SessionRow;
  user: UserRow;
  access: GrantedAccess | null;
  at: number;
}

const cache = new Map<string, CachedSession>();
const tokens = new Map<string, ResolvedToken & { at: number }>();

const fresh = (at: number, now: Date) => now.getTime() - at <= TTL_MS && now.getTime() >= at;

export function cachedSession(token: string, now: Date): CachedSession | undefined {
  const hit = cache.get(token);
  if (!hit) return undefined;
  if (now.getTime() - hit.at > TTL_MS || now.getTime() < hit.at) {
    cache.delete(token);
    return undefined;
  }
  return hit;
}

export function cacheSession(token: string, entry: CachedSession): void {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(token, entry);
}

export function cachedApiToken(secret: string, now: Date): (ResolvedToken & { at: number }) | undefined {
  const hit = tokens.get(secret);
  if (hit && !fresh(hit.at, now)) tokens.delete(secret);
  return hit && fresh(hit.at, now) ? hit : undefined;
}

export function cacheApiToken(secret: string, entry: ResolvedToken & { at: number }): void {
  if (tokens.size >= MAX_ENTRIES) tokens.clear();
  tokens.set(secret, entry);
}

export function clearSessionCache(): void {
  cache.clear();
  tokens.clear();
}
