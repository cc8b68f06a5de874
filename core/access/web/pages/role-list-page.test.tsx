import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import accessZh from '../../locales/zh-CN.json';
import type { PermissionInfo, Role } from '../api.ts';
import RoleListPage from './role-list-page.tsx';

configure({ asyncUtilTimeout: 8000 });

const permissions: PermissionInfo[] = [
  { id: 'access.role.read', module: 'access', label: { zh: '查看角色', en: 'View roles' } },
  { id: 'orgs.org.read', module: 'orgs', label: { zh: '查看机构', en: 'View orgs' } },
  { id: 'users.user.read', module: 'users', label: { zh: '查看用户', en: 'View users' } },
];
const roles: Role[] = [
  {
    id: 'r1',
    code: 'org_admin',
    name: '机构管理员',
    nameEn: 'Org administrator',
    description: '管理本机构',
    isBuiltin: true,
    isAdmin: true,
    permissions: ['orgs.org.read', 'users.user.read'],
  },
  {
    id: 'r2',
    code: 'data_clerk',
    name: '数据填报员',
    nameEn: 'Data clerk',
    description: null,
    isBuiltin: false,
    isAdmin: false,
    permissions: ['orgs.org.read'],
  },
];

type Reply = { status: number; body?: unknown };
function serve(handler: (url: URL, method: string) => Reply | undefined) {
  const calls: Array<{ method: string; url: URL; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://console.test');
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const reply =
        handler(url, method) ??
        (url.pathname === '/api/access/roles'
          ? { status: 200, body: roles }
          : url.pathname === '/api/access/permissions'
            ? { status: 200, body: permissions }
            : { status: 404, body: { status: 404, code: 'request.route_not_found' } });
      if (reply.status === 204) return new Response(null, { status: 204 });
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return calls;
}

function renderPage(permissionsHeld: string[]) {
  const session = {
    can: (p: string) => permissionsHeld.includes(p),
    currentOrg: { id: 'root', name: '教育部', path: '/root/' },
  } as SessionApi;
  return renderWithProviders(
    <SessionContext.Provider value={session}>
      <RoleListPage />
    </SessionContext.Provider>,
    { access: accessZh },
  );
}

const rowOf = async (text: string) => (await screen.findByText(text)).closest('tr') as HTMLElement;

afterEach(() => vi.unstubAllGlobals());

describe('roles page', { timeout: 90_000 }, () => {
  it('marks built-in, custom and administrator roles, and keeps built-in roles read-only', async () => {
    serve(() => undefined);
    renderPage(['access.role.read', 'access.role.manage']);
    const builtin = await rowOf('机构管理员');
    expect(within(builtin).getByText('内置')).toBeTruthy();
    expect(within(builtin).getByText('需动态口令')).toBeTruthy();
    expect(within(builtin).getByText('2 项')).toBeTruthy();
    expect(within(builtin).queryByRole('button', { name: /编辑|删除/ })).toBeNull();
    const custom = await rowOf('数据填报员');
    expect(within(custom).getByText('自定义')).toBeTruthy();
    expect(within(custom).getByRole('button', { name: '编辑 数据填报员' })).toBeTruthy();
    expect(within(custom).getByRole('button', { name: '删除 数据填报员' })).toBeTruthy();
  });

  it('offers no create, edit or delete without access.role.manage', async () => {
    serve(() => undefined);
    renderPage(['access.role.read']);
    const custom = await rowOf('数据填报员');
    expect(within(custom).queryByRole('button', { name: /编辑|删除/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建角色/ })).toBeNull();
  });

  it("shows a role's permissions grouped by module", async () => {
    serve(() => undefined);
    renderPage(['access.role.read']);
    fireEvent.click(within(await rowOf('机构管理员')).getByRole('button', { name: '查看 机构管理员 的权限' }));
    const drawer = (await screen.findByText('机构管理员的权限', { selector: '.ant-drawer-title' })).closest('[role=dialog]') as HTMLElement;
    expect(within(within(drawer).getByRole('region', { name: '机构管理' })).getByText('查看机构')).toBeTruthy();
    expect(within(within(drawer).getByRole('region', { name: '用户管理' })).getByText('查看用户')).toBeTruthy();
    // The role holds nothing of the access module, so that module is not listed.
    expect(within(drawer).queryByRole('region', { name: '角色权限' })).toBeNull();
  });

  it("reports the server's refusal to delete a role that is still granted", async () => {
    const calls = serve((_url, method) =>
      method === 'DELETE' ? { status: 409, body: { status: 409, code: 'access.role_in_use', params: { grants: 3 } } } : undefined,
    );
    renderPage(['access.role.read', 'access.role.manage']);
    fireEvent.click(within(await rowOf('数据填报员')).getByRole('button', { name: '删除 数据填报员' }));
    const confirm = (await screen.findByText('删除角色「数据填报员」？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: '确 定' }));
    expect(await screen.findByText('角色仍被 3 个授权使用，不能删除')).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/access/roles/r2')).toBe(true);
  });

  it('creates a custom role with the permissions ticked, and marks a taken code on its field', async () => {
    const calls = serve((_url, method) =>
      method === 'POST'
        ? { status: 409, body: { status: 409, code: 'access.role_code_taken', params: { code: 'data_clerk' } } }
        : undefined,
    );
    renderPage(['access.role.read', 'access.role.manage']);
    fireEvent.click(await screen.findByRole('button', { name: /新建角色/ }));
    const drawer = (await screen.findByText('新建自定义角色', { selector: '.ant-drawer-title' })).closest('[role=dialog]') as HTMLElement;
    fireEvent.change(within(drawer).getByLabelText('角色代码'), { target: { value: 'data_clerk' } });
    fireEvent.change(within(drawer).getByLabelText('名称'), { target: { value: '数据填报员' } });
    fireEvent.click(within(drawer).getByRole('checkbox', { name: '查看用户' }));
    fireEvent.click(within(drawer).getByRole('button', { name: '保 存' }));

    const code = within(drawer).getByLabelText('角色代码');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(within(code.closest('.ant-form-item') as HTMLElement).getByText('角色代码 data_clerk 已被使用')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      code: 'data_clerk',
      name: '数据填报员',
      nameEn: '数据填报员',
      description: null,
      isAdmin: false,
      permissions: ['users.user.read'],
    });
  });
});
