import { createContext, useContext } from 'react';

export interface SessionGrant {
  roleId: string;
  roleCode: string;
  roleName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
}

export interface SessionInfo {
  user: {
    id: string;
    account: string;
    realName: string;
    displayName: string;
    orgId: string;
    hasTotp: boolean;
    mustChangePassword: boolean;
  };
  mfa: 'none' | 'pending' | 'enrol_required' | 'passed';
  csrfToken: string;
  expiresAt: string;
  permissions: string[];
  grants: SessionGrant[];
}

export interface SessionApi {
  info: SessionInfo;
  /** The console shows a control when the user holds the permission somewhere (the server decides per org). */
  can(permission: string): boolean;
  /** The org the user is working in (org switcher); every page scopes its lists to it. */
  currentOrg: { id: string; name: string; path: string };
  setCurrentOrg(org: { id: string; name: string; path: string }): void;
  refresh(): Promise<void>;
  signOut(everywhere?: boolean): Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

/** For components that render the same for anonymous and signed-in users. */
export const useOptionalSession = (): SessionApi | null => useContext(SessionContext);
