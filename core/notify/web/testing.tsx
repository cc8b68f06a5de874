import { vi } from 'vitest';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithProviders } from '#ui/testing/render.tsx';
import notify from '../locales/zh-CN.json';
import type { InboxItem } from './api.ts';

export const item = (over: Partial<InboxItem>): InboxItem => ({
  id: 'n-1',
  kind: 'workflow.task_assigned',
  title: '待办：2026 年网络安全自查表',
  body: '「2026 年网络安全自查表」（安全检查）已到「县级审核」，请您审核。',
  link: '/workflow/todo',
  orgId: 'org-1',
  createdAt: '2026-03-01T02:03:04.000Z',
  readAt: null,
  ...over,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch that answers the inbox routes from `items` and records every call. */
export function stubInbox(items: InboxItem[]) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/notify/inbox/unread-count') return json({ unread: items.filter((i) => i.readAt === null).length, capped: false });
    if (url.startsWith('/api/notify/inbox?')) {
      const unreadOnly = new URL(url, 'http://x').searchParams.get('unread') === 'true';
      const shown = items.filter((i) => !unreadOnly || i.readAt === null);
      return json({ items: shown, total: shown.length, page: 1, pageSize: 20 });
    }
    if (method === 'POST' && url === '/api/notify/inbox/read-all') {
      const marked = items.filter((i) => i.readAt === null).length;
      for (const i of items) i.readAt ??= '2026-03-01T03:00:00.000Z';
      return json({ marked });
    }
    const read = /^\/api\/notify\/inbox\/([^/]+)\/read$/.exec(url);
    if (method === 'POST' && read) {
      const found = items.find((i) => i.id === read[1]);
      if (found) found.readAt ??= '2026-03-01T03:00:00.000Z';
      return new Response(null, { status: 204 });
    }
    return json({ status: 404, code: 'request.route_not_found' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export const callsTo = (fetch: ReturnType<typeof stubInbox>, method: string, prefix: string) =>
  fetch.mock.calls
    .filter(([url, init]) => (init?.method ?? 'GET') === method && String(url).startsWith(prefix))
    .map(([url]) => String(url));

/** Renders `node` at `/` with a page at /workflow/todo and /notify/inbox to land on. */
export const renderAtHome = (node: ReactNode) =>
  renderWithProviders(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={node} />
        <Route path="/workflow/todo" element={<p>待办页面</p>} />
        <Route path="/notify/inbox" element={<p>消息中心页面</p>} />
      </Routes>
    </MemoryRouter>,
    { notify },
  );
