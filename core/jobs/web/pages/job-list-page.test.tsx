import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import jobs from '../../locales/zh-CN.json';
import type { JobInfo, JobRun } from '../api.ts';
import JobListPage from './job-list-page.tsx';

const info = (over: Partial<JobInfo>): JobInfo => ({
  id: 'jobs.prune_runs',
  module: 'jobs',
  label: { zh: '清理定时任务运行记录', en: 'Prune' },
  everySeconds: 86400,
  maxAttempts: 3,
  nextRunAt: '2026-03-02T02:00:00.000Z',
  isPaused: false,
  attempts: 0,
  runningOn: null,
  lastStartedAt: '2026-03-01T02:00:00.000Z',
  lastFinishedAt: '2026-03-01T02:00:01.000Z',
  lastStatus: 'ok',
  lastError: null,
  ...over,
});

const list = [
  info({}),
  info({
    id: 'workflow.deadlines',
    module: 'workflow',
    label: { zh: '处理到期事项', en: 'Deadlines' },
    everySeconds: 900,
    attempts: 1,
    lastStatus: 'failed',
    lastError: '数据库连接超时',
  }),
  info({
    id: 'notify.digest',
    module: 'notify',
    label: { zh: '发送每日摘要', en: 'Digest' },
    everySeconds: 3600,
    isPaused: true,
    lastStatus: null,
    lastFinishedAt: null,
  }),
];

const runs: JobRun[] = [
  {
    id: 'r2',
    jobId: 'workflow.deadlines',
    instanceId: 'web-1:42:abc',
    attempt: 1,
    startedAt: '2026-03-01T02:00:00.000Z',
    finishedAt: '2026-03-01T02:00:02.500Z',
    status: 'failed',
    summary: null,
    error: '数据库连接超时',
  },
  {
    id: 'r1',
    jobId: 'workflow.deadlines',
    instanceId: 'web-2:7:def',
    attempt: 1,
    startedAt: '2026-02-28T02:00:00.000Z',
    finishedAt: '2026-02-28T02:00:00.300Z',
    status: 'ok',
    summary: '提醒 12 人',
    error: null,
  },
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

function stubServer(answer: (url: string, method: string) => Response | undefined = () => undefined) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const given = answer(url, init?.method ?? 'GET');
    if (given) return given;
    if (url === '/api/jobs') return json(list);
    if (url.startsWith('/api/jobs/workflow.deadlines/runs')) return json({ items: runs, total: 2, page: 1, pageSize: 10 });
    if (url.endsWith('/run') || url.endsWith('/pause') || url.endsWith('/resume')) return json(list[0]);
    return json({ status: 404, code: 'request.route_not_found' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPage = (permissions = ['jobs.job.read', 'jobs.job.run']) =>
  renderWithProviders(
    <SessionContext.Provider value={session(permissions)}>
      <JobListPage />
    </SessionContext.Provider>,
    { jobs },
  );

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

afterEach(() => vi.unstubAllGlobals());

describe('the scheduled jobs page', () => {
  it('shows each job with its period, its state in words and, under a failure, its message', async () => {
    stubServer();
    renderPage();
    expect(await screen.findByText('清理定时任务运行记录')).toBeTruthy();
    expect(within(rowOf('清理定时任务运行记录')).getByText('每 1 天')).toBeTruthy();
    expect(within(rowOf('清理定时任务运行记录')).getByText('成功')).toBeTruthy();
    expect(within(rowOf('处理到期事项')).getByText('每 15 分钟')).toBeTruthy();
    expect(within(rowOf('处理到期事项')).getByText('等待重试（第 2/3 次）')).toBeTruthy();
    expect(within(rowOf('处理到期事项')).getByText('数据库连接超时')).toBeTruthy();
    expect(within(rowOf('发送每日摘要')).getByText('已暂停')).toBeTruthy();
    expect(screen.getByText('共 3 个定时任务，1 个已暂停')).toBeTruthy();
  });

  it('offers run and pause on active jobs, resume on paused ones, to holders of jobs.job.run', async () => {
    stubServer();
    renderPage();
    await screen.findByText('清理定时任务运行记录');
    expect(screen.getByRole('button', { name: '立即运行 清理定时任务运行记录' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '暂停 清理定时任务运行记录' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '立即运行 发送每日摘要' })).toBeNull();
    expect(screen.getByRole('button', { name: '恢复 发送每日摘要' })).toBeTruthy();
  });

  it('shows only the history to readers without jobs.job.run', async () => {
    stubServer();
    renderPage(['jobs.job.read']);
    await screen.findByText('清理定时任务运行记录');
    expect(screen.queryByRole('button', { name: /立即运行|暂停|恢复/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /的运行记录$/ })).toHaveLength(3);
  });

  it('asks the server to run a job now and reloads the list', async () => {
    const fetch = stubServer();
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: '立即运行 处理到期事项' }));
    expect(await screen.findByText('已安排立即运行“处理到期事项”，将在下一次调度检查时执行')).toBeTruthy();
    const calls = fetch.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`);
    expect(calls).toContain('POST /api/jobs/workflow.deadlines/run');
    expect(calls.filter((c) => c === 'GET /api/jobs')).toHaveLength(2);
  });

  it('opens the run history with results, durations and errors', async () => {
    stubServer();
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: '处理到期事项 的运行记录' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('运行记录：处理到期事项')).toBeTruthy();
    expect(await within(drawer).findByText('提醒 12 人')).toBeTruthy();
    expect(within(drawer).getByText('2.5 秒')).toBeTruthy();
    expect(within(drawer).getByText('数据库连接超时')).toBeTruthy();
  });

  it('says why the list could not load and offers a retry', async () => {
    stubServer((url) => (url === '/api/jobs' ? json({ status: 403, code: 'access.forbidden' }, 403) : undefined));
    renderPage();
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });
});
