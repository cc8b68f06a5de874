import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, setCsrfToken, setSessionStepHandler, setUnauthenticatedHandler } from '#ui/api.ts';
import { SessionContext, type SessionApi, type SessionInfo } from '#ui/session-context.tsx';
import { FullPageSpin } from './full-page-spin.tsx';
import { readCurrentOrg, saveCurrentOrg, defaultOrg } from './current-org.ts';

const SignInPage = lazy(() => import('./sign-in-page.tsx'));
const SecondFactorPage = lazy(() => import('./second-factor-page.tsx'));
const ChangePasswordPage = lazy(() => import('./change-password-page.tsx'));
const AppRouter = lazy(() => import('./app-router.tsx'));

// `ended`: the server ended the session for a stated reason (not plain expiry), shown on the sign-in page.
type State = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean; ended?: ApiError } | { kind: 'signed-in'; info: SessionInfo };

/**
 * Asks the server who is signed in and shows the one step that comes next: sign-in, the
 * second factor, a forced password change, or the console. Each step is its own chunk.
 */
export function SessionGate() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [currentOrg, setCurrentOrgState] = useState<SessionApi['currentOrg'] | null>(null);

  const accept = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setState({ kind: 'signed-in', info });
    setCurrentOrgState(readCurrentOrg(info) ?? defaultOrg(info));
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<SessionInfo>('/api/auth/session'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        setState({ kind: 'anonymous', expired: false });
      } else throw e;
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler((error) => {
      setCsrfToken(null);
      setState({ kind: 'anonymous', expired: true, ...(error.code === 'auth.unauthenticated' ? {} : { ended: error }) });
    });
    setSessionStepHandler(() => {
      void refresh();
    });
    return () => {
      setUnauthenticatedHandler(null);
      setSessionStepHandler(null);
    };
  }, [refresh]);

  const session = useMemo<SessionApi | null>(() => {
    if (state.kind !== 'signed-in' || !currentOrg) return null;
    const permissions = new Set(state.info.permissions);
    return {
      info: state.info,
      can: (p) => permissions.has(p),
      currentOrg,
      setCurrentOrg: (org) => {
        saveCurrentOrg(state.info.user.id, org);
        setCurrentOrgState(org);
      },
      refresh,
      async signOut(everywhere = false) {
        await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout').catch(() => undefined);
        setCsrfToken(null);
        setState({ kind: 'anonymous', expired: false });
      },
    };
  }, [state, currentOrg, refresh]);

  let page: React.ReactNode = <FullPageSpin />;
  if (state.kind === 'anonymous') page = <SignInPage expired={state.expired} ended={state.ended} onSignedIn={accept} />;
  else if (state.kind === 'signed-in') {
    const { info } = state;
    if (info.mfa === 'pending' || info.mfa === 'enrol_required')
      page = (
        <SecondFactorPage
          info={info}
          onDone={refresh}
          onCancel={() => session?.signOut() ?? setState({ kind: 'anonymous', expired: false })}
        />
      );
    else if (info.user.mustChangePassword) page = <ChangePasswordPage onDone={refresh} />;
    else if (session)
      page = (
        <SessionContext.Provider value={session}>
          <AppRouter />
        </SessionContext.Provider>
      );
  }
  return <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;
}
