import type { SessionApi, SessionInfo } from '#ui/session-context.tsx';

type Org = SessionApi['currentOrg'];
const key = (userId: string) => `educloud.currentOrg.${userId}`;

/** The orgs a user can switch between: those their grants are on, outermost first. */
export function grantOrgs(info: SessionInfo): Org[] {
  const seen = new Map<string, Org>();
  for (const g of info.grants) if (!seen.has(g.orgId)) seen.set(g.orgId, { id: g.orgId, name: g.orgName, path: g.orgPath });
  return [...seen.values()].sort((a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The user's own org when they hold a role there, else their outermost grant. */
export function defaultOrg(info: SessionInfo): Org {
  const orgs = grantOrgs(info);
  return orgs.find((o) => o.id === info.user.orgId) ?? orgs[0] ?? { id: info.user.orgId, name: '', path: '/' };
}

export function readCurrentOrg(info: SessionInfo): Org | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key(info.user.id)) ?? 'null') as Org | null;
    return saved && grantOrgs(info).some((o) => o.id === saved.id) ? saved : null;
  } catch {
    return null;
  }
}

export const saveCurrentOrg = (userId: string, org: Org) => localStorage.setItem(key(userId), JSON.stringify(org));
