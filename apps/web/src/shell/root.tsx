import { lazy, Suspense, useEffect } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './error-boundary.tsx';
import { SessionGate } from './session-gate.tsx';
import { FullPageSpin } from './full-page-spin.tsx';
import { isPublicPath } from './public-path.ts';

// Public pages (a 公示 list, certificate verification) skip the session check and the console:
// their own chunk, loaded only when the address is under /public/ (decided once per page load;
// links between the console and public pages are full loads).
const PublicRouter = lazy(() => import('./public-router.tsx'));

/** Language follows i18n; the error boundary catches everything; the session gate (or, under /public/, the public router) decides what shows. */
export function Root() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = language;
  }, [language]);
  return (
    <ErrorBoundary>
      {isPublicPath(window.location.pathname) ? (
        <Suspense fallback={<FullPageSpin />}>
          <PublicRouter />
        </Suspense>
      ) : (
        <SessionGate />
      )}
    </ErrorBoundary>
  );
}
