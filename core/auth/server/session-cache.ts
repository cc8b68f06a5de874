import type { SessionRow } from './session.repo.ts';
import type { UserRow } from '#core/users/server/user.repo.ts';
import type { GrantedAccess } from '#core/access/server/access.resolve.ts';

/*
 * Resolving a session costs three queries (session, user, grants) on every request; under load
 * that alone halves throughput (docs/benchmarks.md). Resolved sessions are kept for two seconds
 * of platform time, and the whole cache is dropped after every committed change of state (any
 * audited transaction: sign-out, password, grants, orgs), so on this instance a change takes
 * effect at once; other instances see it within two seconds.
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

export function clearSessionCache(): void {
  cache.clear();
}
