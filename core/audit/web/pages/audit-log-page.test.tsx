import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import audit from '../../locales/zh-CN.json';
import type { AuditEvent } from '../api.ts';
import AuditLogPage from './audit-log-page.tsx';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 'ev-1',
  seq: 1,
  at: '2026-03-01T02:03:04.000Z',
  actor: { kind: 'user', id: 'u-1', name: 'admin' },
  ip: '10.0.0.8',
  action: 'orgs.org.updated',
  objectType: 'org',
  objectId: 'org-9',
  orgId: 'org-9',
  changes: {},
  hash: 'ab'.repeat(32),
  ...over,
});

const events = [
  event({ id: 'ev-3', seq: 3, action: 'orgs.org.updated', changes: { name: ['城关小学', '城关第一小学'] } }),
  event({ id: 'ev-2', seq: 2, action: 'jobs.job.finished', actor: { kind: 'cli', id: null, name: 'cli:root' }, ip: null }),
  event({ id: 'ev-1', seq: 1, action: 'auth.login.succeeded', actor: { kind: 'anonymous', id: null, name: 'anonymous' } }),
];

function session(permissions: string[]): SessionApi {
  return {
    info: {
      user: {
        id: 'u-1',
        account: 'admin',
        realName: '管理员',
        displayName: '管理员',
        orgId: 'org-1',
        hasTotp: true,
        mustChangePassword: false,
      },
      mfa: 'passed',
      csrfToken: 'x',
      expiresAt: '2026-03-01T10:00:00.000Z',
      permissions,
      grants: [],
    },
    can: (p) => permissions.includes(p),
    currentOrg: { id: 'org-1', name: '省教育厅', path: '/org-1/' },
    setCurrentOrg: vi.fn(),
    refresh: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubServer(verify: unknown = { ok: true, checked: 3, headSeq: 3 }) {
  const fetch = vi.fn(async (url: string) => {
    if (url.startsWith('/api/audit/events')) return json({ items: events, total: events.length, page: 1, pageSize: 20 });
    if (url === '/api/audit/verify') return json(verify);
    return json({ status: 404, code: 'request.route_not_found' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPage = (permissions = ['audit.event.read', 'audit.chain.verify']) =>
  renderWithProviders(
    <SessionContext.Provider value={session(permissions)}>
      <AuditLogPage />
    </SessionContext.Provider>,
    { audit },
  );

afterEach(() => vi.unstubAllGlobals());

describe('the audit log page', () => {
  it('lists the current org subtree with actions in words, unknown ones as codes, and tool actors tagged', async () => {
    const fetch = stubServer();
    renderPage();
    expect(await screen.findByText('修改机构')).toBeTruthy();
    expect(screen.getByText('jobs.job.finished')).toBeTruthy();
    expect(screen.getByText('命令行')).toBeTruthy();
    expect(screen.getByText('匿名')).toBeTruthy();
    expect(screen.queryByText('anonymous')).toBeNull();
    expect(String(fetch.mock.calls[0][0])).toContain('orgId=org-1');
  });

  it('opens a record with its change as before → after and its hash', async () => {
    stubServer();
    renderPage();
    fireEvent.click(await screen.findByText('修改机构'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('审计记录 #3')).toBeTruthy();
    expect(within(drawer).getByText('城关小学')).toBeTruthy();
    expect(within(drawer).getByText('城关第一小学')).toBeTruthy();
    expect(within(drawer).getByText('ab'.repeat(32))).toBeTruthy();
  });

  it('verifies the chain and names a break in Chinese', async () => {
    stubServer({ ok: false, checked: 1, headSeq: 3, break: { seq: 2, reason: 'hash_mismatch' } });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /校验哈希链/ }));
    expect(await screen.findByText('哈希链在序号 2 处异常：记录被篡改')).toBeTruthy();
  });

  it('offers the chain check only to holders of its permission', async () => {
    stubServer();
    renderPage(['audit.event.read']);
    await screen.findByText('修改机构');
    expect(screen.queryByRole('button', { name: /校验哈希链/ })).toBeNull();
  });
});
