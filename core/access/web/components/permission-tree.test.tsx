import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import accessZh from '../../locales/zh-CN.json';
import type { PermissionInfo } from '../api.ts';
import { groupByModule } from './permission-groups.ts';
import { PermissionTree } from './permission-tree.tsx';

const permissions: PermissionInfo[] = [
  { id: 'access.role.read', module: 'access', label: { zh: '查看角色', en: 'View roles' } },
  { id: 'orgs.org.create', module: 'orgs', label: { zh: '新建机构', en: 'Create orgs' } },
  { id: 'orgs.org.read', module: 'orgs', label: { zh: '查看机构', en: 'View orgs' } },
  { id: 'users.user.read', module: 'users', label: { zh: '查看用户', en: 'View users' } },
  { id: 'ipv6.site.read', module: 'ipv6', label: { zh: '查看站点', en: 'View sites' } },
];

function Harness({ initial = [] as string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PermissionTree permissions={permissions} value={value} onChange={setValue} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

describe('permission tree', () => {
  it('groups permissions by module, core modules first, labelled in the console language', () => {
    const groups = groupByModule(permissions, true, (m) => m.toUpperCase());
    expect(groups.map((g) => g.module)).toEqual(['orgs', 'users', 'access', 'ipv6']);
    expect(groups[0]).toEqual({
      module: 'orgs',
      label: 'ORGS',
      items: [
        { id: 'orgs.org.create', label: 'Create orgs' },
        { id: 'orgs.org.read', label: 'View orgs' },
      ],
    });
  });

  it('shows each module as a group holding its own permissions', () => {
    renderWithProviders(<Harness />, { access: accessZh });
    const orgs = screen.getByRole('group', { name: '机构管理' });
    expect(within(orgs).getByRole('checkbox', { name: '新建机构' })).toBeTruthy();
    expect(within(orgs).getByRole('checkbox', { name: '查看机构' })).toBeTruthy();
    expect(within(orgs).queryByRole('checkbox', { name: '查看用户' })).toBeNull();
    expect(within(screen.getByRole('group', { name: '用户管理' })).getByRole('checkbox', { name: '查看用户' })).toBeTruthy();
    // A module the roles page has no words for is named by its id.
    expect(screen.getByRole('group', { name: 'ipv6' })).toBeTruthy();
  });

  it('selects and clears a whole module from its own checkbox, and shows a partly chosen module as mixed', () => {
    renderWithProviders(<Harness initial={['orgs.org.read']} />, { access: accessZh });
    const whole = screen.getByRole('checkbox', { name: '机构管理：全部权限' }) as HTMLInputElement;
    expect(whole.closest('.ant-checkbox')!.className).toContain('ant-checkbox-indeterminate');
    fireEvent.click(whole);
    expect(screen.getByTestId('value').textContent).toBe('orgs.org.create,orgs.org.read');
    fireEvent.click(whole);
    expect(screen.getByTestId('value').textContent).toBe('');
    fireEvent.click(screen.getByRole('checkbox', { name: '查看用户' }));
    expect(screen.getByTestId('value').textContent).toBe('users.user.read');
  });
});
