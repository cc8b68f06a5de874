import { Suspense, useMemo } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { mayOpen, useSession, type WebRoute } from '#ui';
import { webModules } from '../modules.ts';
import { ConsoleLayout } from './console-layout.tsx';
import HomePage from './home-page.tsx';
import { AntdProvider } from './antd-provider.tsx';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('shell:error.forbiddenTitle')}
      subTitle={t('shell:error.forbidden')}
      extra={
        <Button type="primary" href="/">
          {t('shell:error.home')}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
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

function Guarded({ route }: { route: WebRoute }) {
  const session = useSession();
  if (!mayOpen(session.can, route.permission)) return <ForbiddenPage />;
  const Page = route.page;
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      }
    >
      <Page />
    </Suspense>
  );
}

/** Routes from every web module, inside the console layout; unknown paths get the 404 page. */
export default function AppRouter() {
  const router = useMemo(() => {
    const children: RouteObject[] = [
      { index: true, element: <HomePage />, handle: { title: 'shell:menu.home' } },
      ...webModules.flatMap((m) =>
        m.routes.map((r) => ({ path: r.path.replace(/^\//, ''), element: <Guarded route={r} />, handle: { title: r.title } })),
      ),
      { path: '*', element: <NotFoundPage />, handle: { title: 'shell:error.notFoundTitle' } },
    ];
    return createBrowserRouter([{ path: '/', element: <ConsoleLayout />, children }]);
  }, []);
  return (
    <AntdProvider>
      <RouterProvider router={router} />
    </AntdProvider>
  );
}
