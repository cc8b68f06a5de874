import { Suspense, useEffect, useMemo } from 'react';
import { createBrowserRouter, Outlet, RouterProvider, useMatches } from 'react-router';
import { Button, Layout, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { webModules } from '../modules.ts';
import { AntdProvider } from './antd-provider.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { PUBLIC_PREFIX } from './public-path.ts';

function PublicNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('shell:error.notFoundTitle')}
      subTitle={t('shell:error.notFound')}
      extra={
        <Button type="primary" href="/">
          {t('shell:error.home')}
        </Button>
      }
    />
  );
}

/** A plain frame for public pages: the platform's name (a link to sign in), the language switch, the page. */
function PublicLayout() {
  const { t } = useTranslation();
  const title = (useMatches().at(-1)?.handle as { title?: string } | undefined)?.title;
  const heading = title ? `${t(title)} · ${t('shell:app.fullName')}` : t('shell:app.fullName');
  useEffect(() => {
    document.title = heading;
  }, [heading]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #e5e7eb',
          padding: '0 24px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          height: 56,
        }}
      >
        {/* A full load, not a client navigation: the console lives in the other router. */}
        <a href="/" style={{ fontWeight: 700, color: '#1e3a8a', fontSize: 18 }}>
          {t('shell:app.fullName')}
        </a>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <ErrorBoundary>
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
        <Typography.Text type="secondary">{t('shell:app.tagline')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}

/** The modules' public pages (no session, no console menu); anything else under /public/ is a 404. */
export default function PublicRouter() {
  const router = useMemo(
    () =>
      createBrowserRouter([
        {
          path: PUBLIC_PREFIX,
          element: <PublicLayout />,
          children: [
            ...webModules.flatMap((m) =>
              (m.publicRoutes ?? []).map((r) => {
                const Page = r.page;
                return { path: r.path.slice(PUBLIC_PREFIX.length), element: <Page />, handle: { title: r.title } };
              }),
            ),
            { path: '*', element: <PublicNotFound />, handle: { title: 'shell:error.notFoundTitle' } },
          ],
        },
      ]),
    [],
  );
  return (
    <AntdProvider>
      <RouterProvider router={router} />
    </AntdProvider>
  );
}
