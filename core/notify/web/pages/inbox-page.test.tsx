import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { callsTo, item, renderAtHome, stubInbox } from '../testing.tsx';
import InboxPage from './inbox-page.tsx';

afterEach(() => vi.unstubAllGlobals());

const messages = () => [
  item({ id: 'a' }),
  item({ id: 'b', title: '已退回：教室改造申请', body: '您提交的「教室改造申请」在「市级审核」被退回。', link: null }),
  item({ id: 'c', title: '审核通过：信息化项目备案', readAt: '2026-03-01T03:00:00.000Z' }),
];

describe('消息中心', () => {
  it('lists all messages, then only the unread ones on the 未读 tab', async () => {
    const fetch = stubInbox(messages());
    renderAtHome(<InboxPage />);
    expect(await screen.findByText('审核通过：信息化项目备案')).toBeTruthy();
    expect(screen.getByText('已退回：教室改造申请')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '标为已读' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('tab', { name: '未读' }));
    await waitFor(() => expect(screen.queryByText('审核通过：信息化项目备案')).toBeNull(), { timeout: 5000 });
    expect(screen.getByText('已退回：教室改造申请')).toBeTruthy();
    expect(callsTo(fetch, 'GET', '/api/notify/inbox?').at(-1)).toContain('unread=true');
  });

  it('marks one message read without leaving the page', async () => {
    const fetch = stubInbox(messages());
    renderAtHome(<InboxPage />);
    await screen.findByText('已退回：教室改造申请');
    fireEvent.click(screen.getAllByRole('button', { name: '标为已读' })[1]);
    await waitFor(() => expect(screen.getAllByRole('button', { name: '标为已读' })).toHaveLength(1), { timeout: 5000 });
    expect(callsTo(fetch, 'POST', '/api/notify/inbox/')).toEqual(['/api/notify/inbox/b/read']);
    expect(screen.queryByText('待办页面')).toBeNull();
  });

  it("opens a message's page on click and marks it read", async () => {
    const fetch = stubInbox(messages());
    renderAtHome(<InboxPage />);
    fireEvent.click(await screen.findByText('待办：2026 年网络安全自查表'));
    expect(await screen.findByText('待办页面')).toBeTruthy();
    expect(callsTo(fetch, 'POST', '/api/notify/inbox/')).toEqual(['/api/notify/inbox/a/read']);
  });

  it('marks everything read and says how many', async () => {
    const fetch = stubInbox(messages());
    renderAtHome(<InboxPage />);
    await screen.findByText('已退回：教室改造申请');
    fireEvent.click(screen.getByRole('button', { name: /全部标为已读/ }));
    expect(await screen.findByText('已将 2 条消息标为已读')).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByRole('button', { name: '标为已读' })).toHaveLength(0), { timeout: 5000 });
    expect(callsTo(fetch, 'POST', '/api/notify/inbox/read-all')).toHaveLength(1);
  });

  it('says so when nothing is unread', async () => {
    stubInbox([item({ id: 'c', readAt: '2026-03-01T03:00:00.000Z' })]);
    renderAtHome(<InboxPage />);
    await screen.findByText('待办：2026 年网络安全自查表');
    fireEvent.click(screen.getByRole('tab', { name: '未读' }));
    expect(await screen.findByText('没有未读消息')).toBeTruthy();
  });
});
