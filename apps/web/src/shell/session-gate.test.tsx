import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import { setUnauthenticatedHandler } from '#ui/api.ts';
import shellZh from '../../locales/zh-CN.json';
import authZh from '../../../../core/auth/locales/zh-CN.json';
import { SessionGate } from './session-gate.tsx';

configure({ asyncUtilTimeout: 8000 });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
const problem = (status: number, code: string, params?: Record<string, unknown>) =>
  json({ status, code, ...(params ? { params } : {}) }, status);

const pendingAdmin = {
  user: {
    id: 'u-1',
    account: 'county-admin',
    realName: '李管理',
    displayName: '李管理',
    orgId: 'o-1',
    hasTotp: true,
    mustChangePassword: false,
  },
  mfa: 'pending',
  csrfToken: 'csrf',
  expiresAt: '2026-03-01T10:10:00.000Z',
  permissions: [],
  grants: [],
};

function stubServer(routes: Record<string, () => Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (routes[url] ?? (() => problem(404, 'request.route_not_found')))()),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(null);
});

describe('sign-in refusals in Chinese', { timeout: 60_000 }, () => {
  const signIn = async () => {
    fireEvent.change(await screen.findByLabelText(shellZh.signIn.account), { target: { value: 'county-admin' } });
    fireEvent.change(screen.getByLabelText(shellZh.signIn.password), { target: { value: 'Wrong-Guess-000' } });
    fireEvent.click(screen.getByRole('button', { name: shellZh.signIn.submit }));
  };

  it('says how long to wait when the account is in its growing delay', async () => {
    stubServer({
      '/api/auth/session': () => problem(401, 'auth.unauthenticated'),
      '/api/auth/login': () => problem(429, 'auth.sign_in_delayed', { retryAfterSeconds: 8 }),
    });
    renderWithProviders(<SessionGate />, { shell: shellZh, auth: authZh });
    await signIn();
    expect((await screen.findByRole('alert')).textContent).toBe('该账号登录失败次数过多，请 8 秒后再试');
  });

  it('says the lock holds on this address only', async () => {
    stubServer({
      '/api/auth/session': () => problem(401, 'auth.unauthenticated'),
      '/api/auth/login': () => problem(423, 'auth.account_locked', { minutes: 15 }),
    });
    renderWithProviders(<SessionGate />, { shell: shellZh, auth: authZh });
    await signIn();
    expect((await screen.findByRole('alert')).textContent).toBe('从当前网络地址连续登录失败次数过多，该账号在此地址已锁定 15 分钟');
  });

  it('returns to sign-in saying why, when too many wrong codes end the waiting session', async () => {
    stubServer({ '/api/auth/session': () => json(pendingAdmin), '/api/auth/totp': () => problem(401, 'auth.totp_attempts_exhausted') });
    renderWithProviders(<SessionGate />, { shell: shellZh, auth: authZh });
    fireEvent.change(await screen.findByLabelText(shellZh.mfa.code), { target: { value: '123456' } });
    // antd spaces out a two-character label (验 证).
    fireEvent.click(screen.getByRole('button', { name: /^验\s?证$/ }));
    expect((await screen.findByRole('status')).textContent).toBe('动态口令连续错误次数过多，本次登录已结束，请重新登录');
    expect(screen.getByLabelText(shellZh.signIn.account)).toBeTruthy();
  });
});
