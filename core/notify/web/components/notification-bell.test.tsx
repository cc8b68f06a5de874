import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { UNREAD_POLL_MS } from '../api.ts';
import { callsTo, item, renderAtHome, stubInbox } from '../testing.tsx';
import { NotificationBell } from './notification-bell.tsx';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the notification bell', () => {
  it("shows the unread count and lists the latest messages in the console's language", async () => {
    const fetch = stubInbox([item({ id: 'a' }), item({ id: 'b', title: '审核通过：信息化项目备案', readAt: '2026-03-01T03:00:00.000Z' })]);
    renderAtHome(<NotificationBell />);
    const bell = await screen.findByRole('button', { name: '消息，1 条未读' });
    fireEvent.click(bell);
    const list = await screen.findByRole('list', { name: '消息' });
    expect(within(list).getByText('待办：2026 年网络安全自查表')).toBeTruthy();
    expect(within(list).getByText('审核通过：信息化项目备案')).toBeTruthy();
    expect(within(list).getAllByRole('img', { name: '未读' })).toHaveLength(1);
    expect(callsTo(fetch, 'GET', '/api/notify/inbox?')[0]).toContain('lang=zh-CN');
  });

  it('marks a message read and opens its page when clicked', async () => {
    const fetch = stubInbox([item({ id: 'a' })]);
    renderAtHome(<NotificationBell />);
    fireEvent.click(await screen.findByRole('button', { name: '消息，1 条未读' }));
    fireEvent.click(await screen.findByText('待办：2026 年网络安全自查表'));
    expect(await screen.findByText('待办页面')).toBeTruthy();
    expect(callsTo(fetch, 'POST', '/api/notify/inbox/')).toEqual(['/api/notify/inbox/a/read']);
  });

  it('marks all read from the panel and clears the badge', async () => {
    const fetch = stubInbox([item({ id: 'a' }), item({ id: 'b' })]);
    renderAtHome(<NotificationBell />);
    fireEvent.click(await screen.findByRole('button', { name: '消息，2 条未读' }));
    fireEvent.click(await screen.findByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '消息' })).toBeTruthy());
    expect(callsTo(fetch, 'POST', '/api/notify/inbox/read-all')).toHaveLength(1);
  });

  it('asks for the count again every minute and when the window regains focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fetch = stubInbox([]);
    renderAtHome(<NotificationBell />);
    await screen.findByRole('button', { name: '消息' });
    const counted = () => callsTo(fetch, 'GET', '/api/notify/inbox/unread-count').length;
    expect(counted()).toBe(1);
    await act(async () => {
      vi.advanceTimersByTime(UNREAD_POLL_MS);
    });
    expect(counted()).toBe(2);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(counted()).toBe(3);
  });
});
