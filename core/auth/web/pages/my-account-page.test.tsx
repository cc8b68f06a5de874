import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import auth from '../../locales/zh-CN.json';
import MyAccountPage from './my-account-page.tsx';

function session(hasTotp: boolean): SessionApi {
  return {
    info: {
      user: {
        id: 'u-1',
        account: 'demo-t-1',
        realName: '王老师',
        displayName: '王老师',
        orgId: 'org-7',
        hasTotp,
        mustChangePassword: false,
      },
      mfa: hasTotp ? 'passed' : 'none',
      csrfToken: 'x',
      expiresAt: '2026-03-01T10:00:00.000Z',
      permissions: [],
      grants: [{ roleId: 'r-teacher', roleCode: 'teacher', roleName: '教师', orgId: 'org-7', orgName: '城关小学', orgPath: '/1/7/' }],
    },
    can: () => false,
    currentOrg: { id: 'org-7', name: '城关小学', path: '/1/7/' },
    setCurrentOrg: vi.fn(),
    refresh: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const noContent = () => new Response(null, { status: 204 });

type Route = (init?: RequestInit) => Response;
function stubServer(routes: Record<string, Route>) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
    (routes[url] ?? (() => json({ status: 404, code: 'request.route_not_found' }, 404)))(init),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const renderPage = (s: SessionApi) =>
  renderWithProviders(
    <SessionContext.Provider value={s}>
      <MyAccountPage />
    </SessionContext.Provider>,
    { auth },
  );

afterEach(() => vi.unstubAllGlobals());

describe('my account page', () => {
  it('shows who is signed in and the roles held where', () => {
    stubServer({});
    renderPage(session(false));
    expect(screen.getByText('demo-t-1')).toBeTruthy();
    expect(screen.getByText('教师 · 城关小学')).toBeTruthy();
  });

  it('changes the password and says so', async () => {
    const fetch = stubServer({ '/api/me/password': noContent });
    renderPage(session(false));
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Old-Password-2025' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'New-Password-2026' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'New-Password-2026' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText('密码已修改，其他设备上的登录已退出')).toBeTruthy();
    const call = fetch.mock.calls.find(([url]) => url === '/api/me/password')!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ currentPassword: 'Old-Password-2025', newPassword: 'New-Password-2026' });
  });

  it("shows the server's password policy refusal at the new password", async () => {
    stubServer({ '/api/me/password': () => json({ status: 400, code: 'auth.password_policy', params: { field: 'password' } }, 400) });
    renderPage(session(false));
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Old-Password-2025' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'aaaaaaaaaaaa' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'aaaaaaaaaaaa' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText(/密码不符合要求/)).toBeTruthy();
  });

  it('binds an authenticator: QR code and secret, then the code', async () => {
    const s = session(false);
    const fetch = stubServer({
      '/api/me/totp/setup': () =>
        json({
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
          uri: 'otpauth://totp/EduCloud:demo-t-1?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=EduCloud',
        }),
      '/api/me/totp/confirm': noContent,
    });
    renderPage(s);
    fireEvent.click(screen.getByRole('tab', { name: '动态口令' }));
    expect(screen.getByText('未绑定')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '绑定验证器' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    expect(within(dialog).getByAltText('动态口令二维码').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    fireEvent.change(within(dialog).getByLabelText('动态口令'), { target: { value: '123 456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '完成绑定' }));
    await waitFor(() => expect(s.refresh).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([url]) => url === '/api/me/totp/confirm')!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ code: '123456' });
  });

  it("shows the server's refusal to remove an administrator's authenticator", async () => {
    const s = session(true);
    stubServer({ '/api/me/totp/remove': () => json({ status: 400, code: 'auth.totp_required_for_admin' }, 400) });
    renderPage(s);
    fireEvent.click(screen.getByRole('tab', { name: '动态口令' }));
    fireEvent.click(screen.getByRole('button', { name: '解除绑定' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('当前密码'), { target: { value: 'Platform-Secure-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '解除绑定' }));
    expect(await within(dialog).findByText('管理员角色必须保留动态口令')).toBeTruthy();
    expect(s.refresh).not.toHaveBeenCalled();
  });

  it('lists sessions with this one marked and the browser shortened, and signs out everywhere', async () => {
    const s = session(false);
    stubServer({
      '/api/me/sessions': () =>
        json([
          {
            id: 'aaaaaaaa',
            current: true,
            ip: '10.0.0.8',
            userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
            createdAt: '2026-03-01T01:00:00.000Z',
            lastSeenAt: '2026-03-01T02:00:00.000Z',
            expiresAt: '2026-03-01T09:00:00.000Z',
          },
          {
            id: 'bbbbbbbb',
            current: false,
            ip: '10.0.0.9',
            userAgent: null,
            createdAt: '2026-02-28T01:00:00.000Z',
            lastSeenAt: '2026-02-28T02:00:00.000Z',
            expiresAt: '2026-02-28T09:00:00.000Z',
          },
        ]),
    });
    renderPage(s);
    fireEvent.click(screen.getByRole('tab', { name: '登录设备' }));
    const current = (await screen.findByText('Chrome 131 · Windows')).closest('tr')!;
    expect(within(current).getByText('当前设备')).toBeTruthy();
    expect(within(screen.getByText('未知设备').closest('tr')!).queryByText('当前设备')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '退出全部设备' }));
    // antd spaces out two-character Chinese button labels.
    fireEvent.click(await screen.findByRole('button', { name: /^确\s?定$/ }));
    await waitFor(() => expect(s.signOut).toHaveBeenCalledWith(true));
  });

  it('creates an API token, shows it once with a copy button and a warning, and revokes one', async () => {
    const token = (over: object) => ({
      id: 't-1',
      name: '旧脚本',
      prefix: 'ecl_AbCdEf',
      userId: 'u-1',
      userAccount: 'demo-t-1',
      roleId: 'r-teacher',
      roleCode: 'teacher',
      roleName: '教师',
      orgId: 'org-7',
      orgName: '城关小学',
      createdBy: 'u-1',
      createdAt: '2026-02-01T01:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
      revokedAt: null,
      lastUsedAt: null,
      lastUsedIp: null,
      ...over,
    });
    const secret = `ecl_${'x'.repeat(43)}`;
    let revoked = false;
    const fetch = stubServer({
      '/api/me/tokens': (init) =>
        init?.method === 'POST'
          ? json({ token: token({ id: 't-2', name: '数据同步' }), secret }, 201)
          : json([token({ revokedAt: revoked ? '2026-03-01T00:00:00.000Z' : null })]),
      '/api/me/tokens/t-1': () => {
        revoked = true;
        return noContent();
      },
    });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderPage(session(false));
    fireEvent.click(screen.getByRole('tab', { name: 'API 令牌' }));
    const row = (await screen.findByText('旧脚本')).closest('tr')!;
    expect(within(row).getByText('教师 · 城关小学')).toBeTruthy();
    expect(within(row).getByText('从未使用')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /新建令牌/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: ' 数据同步 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /新\s?建/ }));
    expect(await within(dialog).findByText(secret)).toBeTruthy();
    expect(within(dialog).getByText(/令牌只显示这一次/)).toBeTruthy();
    const call = fetch.mock.calls.find(([url, init]) => url === '/api/me/tokens' && init?.method === 'POST')!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ name: '数据同步', roleId: 'r-teacher', orgId: 'org-7', expiresInDays: 90 });
    fireEvent.click(within(dialog).getByRole('button', { name: /复制令牌/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(secret));

    fireEvent.click(within(row).getByRole('button', { name: /撤\s?销/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^确\s?定$/ }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url, init]) => url === '/api/me/tokens/t-1' && init?.method === 'DELETE')).toBe(true),
    );
    expect(await screen.findByText('已撤销')).toBeTruthy();
  });
});
