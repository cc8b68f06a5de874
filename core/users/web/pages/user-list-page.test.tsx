import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { User } from '../api.ts';
import { currentOrg, dialogTitled, pageOf, problem, renderSignedIn, serve } from '../testing/fake-console.tsx';
import UserListPage from './user-list-page.tsx';

// antd's drawers and popups take a while to mount in jsdom on a busy machine.
configure({ asyncUtilTimeout: 8000 });

const user = (over: Partial<User>): User => ({
  id: 'u1',
  account: 'zhang.san',
  realName: '张三',
  displayName: '张三',
  orgId: currentOrg.id,
  orgName: currentOrg.name,
  idNumberMasked: '1101**********0022',
  phoneMasked: '138****5678',
  email: null,
  status: 'active',
  isLocked: false,
  lockedUntil: null,
  hasTotp: false,
  mustChangePassword: false,
  lastLoginAt: null,
  isSample: false,
  isServiceAccount: false,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  ...over,
});

const ALL = [
  'users.user.read',
  'users.user.create',
  'users.user.update',
  'users.user.reset_password',
  'users.user.unlock',
  'access.grant.read',
  'access.grant.manage',
];
const renderPage = (permissions = ALL) => renderSignedIn(<UserListPage />, permissions);

/** A server whose user list is `users` and whose create answers `created`. */
const usersServer = (users: User[], created?: ReturnType<typeof problem>) =>
  serve((url, method) => {
    if (url.pathname === '/api/users' && method === 'POST') return created;
    if (url.pathname === '/api/users') return pageOf(users);
    return undefined;
  });

async function fillCreateForm(fields: Record<string, string>) {
  fireEvent.click(await screen.findByRole('button', { name: /新建用户/ }));
  const drawer = await dialogTitled('新建用户');
  for (const [label, value] of Object.entries(fields)) fireEvent.change(within(drawer).getByLabelText(label), { target: { value } });
  fireEvent.click(within(drawer).getByRole('button', { name: '创 建' }));
  return drawer;
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('users page', { timeout: 90_000 }, () => {
  it('lists the current org subtree with masked ID numbers and phones, and offers unlock only for locked users', async () => {
    const calls = usersServer([
      user({}),
      user({ id: 'u2', account: 'li.si', realName: '李四', isLocked: true, lockedUntil: '2026-01-05T09:00:00.000Z' }),
    ]);
    renderPage();
    const locked = (await screen.findByText('li.si')).closest('tr')!;
    expect(calls.find((c) => c.url.pathname === '/api/users')!.url.searchParams.get('orgId')).toBe(currentOrg.id);
    expect(within(locked).getByText('锁定')).toBeTruthy();
    expect(within(locked).getByRole('button', { name: '解锁 李四' })).toBeTruthy();
    const active = screen.getByText('zhang.san').closest('tr')!;
    expect(within(active).getByText('1101**********0022')).toBeTruthy();
    expect(within(active).getByText('138****5678')).toBeTruthy();
    expect(within(active).queryByRole('button', { name: /解锁/ })).toBeNull();
  });

  it('hides the create button and row actions without the permissions', async () => {
    usersServer([user({})]);
    renderPage(['users.user.read']);
    await screen.findByText('zhang.san');
    expect(screen.queryByRole('button', { name: /新建用户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑 张三' })).toBeNull();
    expect(screen.queryByRole('button', { name: '重置 张三 的密码' })).toBeNull();
  });

  it("marks the ID-number field with the server's check-digit message", async () => {
    const calls = usersServer([], problem(400, 'users.id_number_check_digit', { field: 'idNumber' }));
    renderPage();
    const drawer = await fillCreateForm({ 账号: 'wang.wu', 姓名: '王五', 身份证号: '110105194912310021' });

    const input = within(drawer).getByLabelText('身份证号');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(input.closest('.ant-form-item') as HTMLElement).getByText('身份证号校验码错误，请核对最后一位')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      account: 'wang.wu',
      realName: '王五',
      orgId: currentOrg.id,
      idNumber: '110105194912310021',
    });
  });

  it('marks the account field when the account is taken', async () => {
    usersServer([], problem(409, 'users.account_taken', { field: 'account', account: 'wang.wu' }));
    renderPage();
    const drawer = await fillCreateForm({ 账号: 'wang.wu', 姓名: '王五' });
    const input = within(drawer).getByLabelText('账号');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(input.closest('.ant-form-item') as HTMLElement).getByText('账号 wang.wu 已被使用')).toBeTruthy();
  });

  it('marks the password field when the server finds the password weak', async () => {
    usersServer([], problem(400, 'auth.password_policy', { field: 'password', rules: ['length'] }));
    renderPage();
    const drawer = await fillCreateForm({ 账号: 'wang.wu', 姓名: '王五', 初始密码: 'short' });
    const input = within(drawer).getByLabelText('初始密码');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(input.closest('.ant-form-item') as HTMLElement).getByText(/密码不符合要求/)).toBeTruthy();
  });

  it('shows the generated initial password once when none was given', async () => {
    const calls = usersServer([], {
      status: 201,
      body: { user: user({ id: 'u9', account: 'wang.wu', realName: '王五' }), initialPassword: 'Kx7#mP2q-Rt9v' },
    });
    renderPage();
    await fillCreateForm({ 账号: 'wang.wu', 姓名: '王五' });

    const dialog = await dialogTitled('用户已创建：初始密码');
    expect(within(dialog).getByTestId('one-time-password').textContent).toContain('Kx7#mP2q-Rt9v');
    expect(within(dialog).getByText(/只显示这一次/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).not.toHaveProperty('password');
  });

  it('resets a password after confirmation and shows the temporary password', async () => {
    serve((url) => {
      if (url.pathname === '/api/users/u1/reset-password') return { status: 200, body: { temporaryPassword: 'Tmp-9f3K#x2Lw' } };
      if (url.pathname === '/api/users') return pageOf([user({})]);
      return undefined;
    });
    renderPage();
    const row = (await screen.findByText('zhang.san')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '重置 张三 的密码' }));
    const confirm = (await screen.findByText('重置张三（zhang.san）的密码？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: '确 定' }));
    const dialog = await dialogTitled('密码已重置：临时密码');
    expect(within(dialog).getByTestId('one-time-password').textContent).toContain('Tmp-9f3K#x2Lw');
  });
});
