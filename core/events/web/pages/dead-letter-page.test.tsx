import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import events from '../../locales/zh-CN.json';
import type { DeliveryView } from '../api.ts';
import DeadLetterPage from './dead-letter-page.tsx';

const dead = (over: Partial<DeliveryView>): DeliveryView => ({
  id: 'd-1',
  eventId: 'e-1',
  eventType: 'work-plan.report.submitted',
  payload: { reportId: 'r-1', taskNumber: 17 },
  occurredAt: '2026-03-01T02:00:00.000Z',
  publishedBy: 'changan-admin',
  subscriberId: 'work-plan.notify_reviewers',
  subscriberLabel: { zh: '通知审阅人有新的进展报告', en: 'Tell reviewers of a new progress report' },
  status: 'dead',
  attempts: 5,
  nextAttemptAt: '2026-03-01T03:00:00.000Z',
  lastError: "notify: recipients' org o-9 does not exist",
  updatedAt: '2026-03-01T03:00:00.000Z',
  ...over,
});

const list = [
  dead({}),
  dead({
    id: 'd-2',
    eventId: 'e-2',
    eventType: 'campaigns.campaign.published',
    subscriberId: 'campaigns.notify_winners',
    subscriberLabel: null,
    attempts: 3,
    lastError: '数据库连接超时',
  }),
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
    currentOrg: { id: 'org-1', name: '教育部', path: '/org-1/' },
    setCurrentOrg: vi.fn(),
    refresh: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubServer(items: DeliveryView[] = list) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/events/deliveries?')) return json({ items, total: items.length, page: 1, pageSize: 20 });
    if (init?.method === 'POST' && url.endsWith('/retry')) return json({ ...list[0], status: 'pending', attempts: 0 });
    if (init?.method === 'POST' && url.endsWith('/discard')) return json({ ...list[0], status: 'discarded' });
    return json({ status: 404, code: 'request.route_not_found' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPage = (permissions = ['events.delivery.read', 'events.delivery.manage']) =>
  renderWithProviders(
    <SessionContext.Provider value={session(permissions)}>
      <DeadLetterPage />
    </SessionContext.Provider>,
    { events },
  );

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

afterEach(() => vi.unstubAllGlobals());

describe('the dead-letter page', () => {
  it('lists each dead delivery with its event, publisher, subscriber, attempts and last error', async () => {
    stubServer();
    renderPage();
    expect(await screen.findByText('work-plan.report.submitted')).toBeTruthy();
    const row = rowOf('work-plan.report.submitted');
    expect(within(row).getByText('通知审阅人有新的进展报告')).toBeTruthy();
    expect(within(row).getByText('5 次')).toBeTruthy();
    expect(within(row).getByText("notify: recipients' org o-9 does not exist")).toBeTruthy();
    expect(within(row).getByText(/由 changan-admin 于 .* 发布/)).toBeTruthy();
    // Without a label the subscriber shows by its id.
    expect(within(rowOf('campaigns.campaign.published')).getAllByText('campaigns.notify_winners').length).toBeGreaterThan(0);
  });

  it('retries a delivery and reloads the list', async () => {
    const fetch = stubServer();
    renderPage();
    await screen.findByText('work-plan.report.submitted');
    fireEvent.click(screen.getByRole('button', { name: '重新投递 work-plan.report.submitted 给 通知审阅人有新的进展报告' }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url, init]) => url === '/api/events/deliveries/d-1/retry' && init?.method === 'POST')).toBe(true),
    );
    await waitFor(() => expect(fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/events/deliveries?')).length).toBe(2));
  });

  it('discards a delivery only after confirmation', async () => {
    const fetch = stubServer();
    renderPage();
    await screen.findByText('work-plan.report.submitted');
    fireEvent.click(screen.getByRole('button', { name: '放弃 work-plan.report.submitted 给 通知审阅人有新的进展报告 的投递' }));
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/discard'))).toBe(false);
    expect(await screen.findByText('放弃这条投递？')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url, init]) => url === '/api/events/deliveries/d-1/discard' && init?.method === 'POST')).toBe(true),
    );
  });

  it('offers no actions to a reader without events.delivery.manage', async () => {
    stubServer();
    renderPage(['events.delivery.read']);
    await screen.findByText('work-plan.report.submitted');
    expect(screen.queryByRole('button', { name: /重新投递/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /放弃/ })).toBeNull();
  });

  it('says there are no dead letters when the list is empty', async () => {
    stubServer([]);
    renderPage();
    expect(await screen.findByText('没有死信：所有事件都已投递或正在重试')).toBeTruthy();
  });
});
