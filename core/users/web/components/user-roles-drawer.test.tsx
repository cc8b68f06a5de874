import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Grant, Role, User } from '../api.ts';
import { currentOrg, dialogTitled, pageOf, problem, renderSignedIn, serve, type Reply } from '../testing/fake-console.tsx';
import { UserRolesDrawer } from './user-roles-drawer.tsx';

configure({ asyncUtilTimeout: 8000 });

const user = { id: 'u1', account: 'zhang.san', realName: '张三', orgId: currentOrg.id } as User;
const roles: Role[] = [
  {
    id: 'r-teacher',
    code: 'teacher',
    name: '教师',
    nameEn: 'Teacher',
    description: null,
    isBuiltin: true,
    isAdmin: false,
    permissions: [],
  },
  {
    id: 'r-admin',
    code: 'platform_admin',
    name: '平台管理员',
    nameEn: 'Platform administrator',
    description: null,
    isBuiltin: true,
    isAdmin: true,
    permissions: ['orgs.org.create'],
  },
];
const grant: Grant = {
  id: 'g1',
  userId: 'u1',
  userAccount: 'zhang.san',
  userName: '张三',
  roleId: 'r-teacher',
  roleCode: 'teacher',
  roleName: '教师',
  orgId: currentOrg.id,
  orgName: currentOrg.name,
  createdAt: '2026-01-05T08:00:00.000Z',
};

const MANAGE = ['access.grant.read', 'access.grant.manage'];

function accessServer(onGrant: Reply, grants: Grant[] = [grant]) {
  return serve((url, method) => {
    if (url.pathname === '/api/access/grants' && method === 'POST') return onGrant;
    if (url.pathname === '/api/access/grants') return pageOf(grants);
    if (url.pathname === '/api/access/roles') return { status: 200, body: roles };
    if (url.pathname === '/api/access/grants/g1' && method === 'DELETE') return { status: 204 };
    return undefined;
  });
}

async function chooseRole(drawer: HTMLElement, name: string) {
  fireEvent.mouseDown(within(drawer).getByLabelText('角色'));
  fireEvent.click(await screen.findByText(name, { selector: '.ant-select-item-option-content *, .ant-select-item-option-content' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('user roles drawer', { timeout: 90_000 }, () => {
  it("lists the user's grants and refuses a role beyond the granter's own with the server's words", async () => {
    const calls = accessServer(problem(403, 'access.grant_exceeds_own', { permissions: ['orgs.org.create'] }));
    renderSignedIn(<UserRolesDrawer user={user} onClose={() => undefined} />, MANAGE);
    const drawer = await dialogTitled('张三（zhang.san）的角色');
    expect(await within(drawer).findByText('教师')).toBeTruthy();
    expect(calls.find((c) => c.url.pathname === '/api/access/grants')!.url.searchParams.get('userId')).toBe('u1');

    await chooseRole(drawer, '平台管理员');
    expect(await within(drawer).findByText(/须使用动态口令/)).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '授 予' }));

    expect((await within(drawer).findByRole('alert')).textContent).toContain('不能授予超出本人权限的角色（缺少：orgs.org.create）');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ userId: 'u1', roleId: 'r-admin', orgId: currentOrg.id });
  });

  it('revokes a grant after confirmation', async () => {
    const calls = accessServer(problem(500, 'internal'));
    renderSignedIn(<UserRolesDrawer user={user} onClose={() => undefined} />, MANAGE);
    const drawer = await dialogTitled('张三（zhang.san）的角色');
    fireEvent.click(await within(drawer).findByRole('button', { name: `撤销 ${currentOrg.name} 上的 教师` }));
    fireEvent.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/access/grants/g1')).toBe(true));
  });

  it('offers neither revoke nor grant to a user who may only read grants', async () => {
    accessServer(problem(500, 'internal'));
    renderSignedIn(<UserRolesDrawer user={user} onClose={() => undefined} />, ['access.grant.read']);
    const drawer = await dialogTitled('张三（zhang.san）的角色');
    await within(drawer).findByText('教师');
    expect(within(drawer).queryByRole('button', { name: /撤销/ })).toBeNull();
    expect(within(drawer).queryByText('授予角色')).toBeNull();
  });
});
