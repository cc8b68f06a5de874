import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { Avatar, Breadcrumb, Dropdown, Grid, Layout, Menu, Select, Space, Spin, Typography, type MenuProps } from 'antd';
import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '#ui';
import { webModules } from '../modules.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { grantOrgs } from './current-org.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { buildMenu } from './menu.ts';

/** Side menu from the modules' manifests (filtered by permission), header, breadcrumbs, page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  // On phones the menu folds away to zero width and opens over the page from a tab in the header's corner.
  const isPhone = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(() => window.matchMedia?.('(max-width: 767.98px)').matches ?? false);

  const items = useMemo(() => buildMenu(webModules, session.can, t) as NonNullable<MenuProps['items']>, [session, t]);
  const orgs = grantOrgs(session.info);
  // The deepest menu entry the address lies under: /campaigns/mine selects 我的申报, /campaigns/42 评选活动.
  const selected =
    webModules
      .flatMap((m) => m.menu.map((e) => e.path))
      .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
      .sort((a, b) => b.length - a.length)[0] ?? `/${location.pathname.split('/')[1] ?? ''}`;
  const title = (matches.at(-1)?.handle as { title?: string } | undefined)?.title;

  const userMenu: MenuProps['items'] = [
    { key: 'account', label: t('shell:header.myAccount'), onClick: () => navigate('/account') },
    { type: 'divider' },
    { key: 'out', label: t('shell:header.signOut'), onClick: () => void session.signOut(false) },
    { key: 'all', label: t('shell:header.signOutEverywhere'), onClick: () => void session.signOut(true) },
  ];

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      {/* Sticky and one screen tall (base.css: .ec-sider): the menu scrolls inside it and the
          collapse trigger stays at the bottom of the window however long the page is. */}
      <Layout.Sider
        className="ec-sider"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        theme="light"
        breakpoint="md"
        collapsedWidth={isPhone ? 0 : 80}
        onBreakpoint={setCollapsed}
        style={{
          position: isPhone ? 'fixed' : 'sticky',
          top: 0,
          insetInlineStart: 0,
          height: '100vh',
          zIndex: 100,
          borderRight: collapsed && isPhone ? 0 : '1px solid #e5e7eb',
        }}
      >
        <div
          style={{
            flex: 'none',
            height: 56,
            display: 'flex',
            alignItems: 'center',
            padding: '0 20px',
            fontWeight: 700,
            color: '#1e3a8a',
            fontSize: collapsed ? 14 : 18,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('shell:app.name').slice(0, 2) : t('shell:app.fullName')}
        </div>
        <nav aria-label={t('shell:menu.home')} className="ec-sider-menu">
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 0 }}
            selectedKeys={[selected]}
            onClick={() => {
              if (isPhone) setCollapsed(true);
            }}
            items={[{ key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('shell:menu.home')}</Link> }, ...items]}
          />
        </nav>
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #e5e7eb',
            padding: isPhone ? '0 12px 0 52px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            height: 56,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            {!isPhone && <Typography.Text type="secondary">{t('shell:header.org')}</Typography.Text>}
            {orgs.length > 1 ? (
              <Select
                aria-label={t('shell:header.orgSwitcher')}
                style={isPhone ? { minWidth: 0, width: 180 } : { minWidth: 220 }}
                value={session.currentOrg.id}
                options={orgs.map((o) => ({ value: o.id, label: o.name }))}
                onChange={(id) => {
                  const org = orgs.find((o) => o.id === id);
                  if (org) session.setCurrentOrg(org);
                }}
              />
            ) : (
              <Typography.Text strong ellipsis>
                {session.currentOrg.name}
              </Typography.Text>
            )}
          </div>
          <Space size={isPhone ? 'small' : 'middle'} style={{ flex: 'none' }}>
            {webModules.flatMap((m) =>
              (m.headerItems ?? []).map((Item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a module's header items are a fixed list declared in its manifest
                <Suspense key={`${m.id}-${i}`} fallback={null}>
                  <Item />
                </Suspense>
              )),
            )}
            <LanguageSwitch />
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <button
                type="button"
                aria-label={t('shell:header.myAccount')}
                style={{ background: 'none', border: 0, cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 8 }}
              >
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4ed8' }} />
                {!isPhone && <span>{session.info.user.displayName}</span>}
              </button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, background: '#f5f7fb' }}>
          <Breadcrumb
            style={{ marginBottom: 16 }}
            items={[
              { title: <Link to="/">{t('shell:menu.home')}</Link> },
              ...(title && title !== 'shell:menu.home' ? [{ title: t(title) }] : []),
            ]}
          />
          <ErrorBoundary key={location.pathname}>
            <Suspense
              fallback={
                <div style={{ padding: 48, textAlign: 'center' }}>
                  <Spin />
                </div>
              }
            >
              <Outlet key={session.currentOrg.id} />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
