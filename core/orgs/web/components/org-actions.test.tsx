import { expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui/session-context.tsx';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { Org } from '../api.ts';
import { OrgActions } from './org-actions.tsx';

const at = '2026-01-01T00:00:00.000Z';
const county: Org = {
  id: 'c',
  code: 'GB130102',
  name: '长安区教育局',
  shortName: null,
  type: 'county_authority',
  stage: null,
  divisionCode: '130102',
  parentId: 's',
  path: '/r/p/s/c/',
  depth: 4,
  isActive: true,
  isSample: false,
  createdAt: at,
  updatedAt: at,
};
const school: Org = {
  ...county,
  id: 'x',
  code: 'X1',
  name: '长安区实验小学',
  type: 'school',
  stage: 'primary',
  parentId: 'c',
  path: '/r/p/s/c/x/',
  depth: 5,
};

const permissions = ['orgs.org.read', 'orgs.org.create', 'orgs.org.update', 'orgs.org.move', 'orgs.org.deactivate'];
const countyAdmin: SessionApi = {
  info: {
    user: {
      id: 'u',
      account: 'changan',
      realName: '县管理员',
      displayName: '县管理员',
      orgId: 'c',
      hasTotp: true,
      mustChangePassword: false,
    },
    mfa: 'passed',
    csrfToken: 'x',
    expiresAt: at,
    permissions,
    grants: [
      { roleId: 'r-org-admin', roleCode: 'org_admin', roleName: '机构管理员', orgId: 'c', orgName: '长安区教育局', orgPath: '/r/p/s/c/' },
    ],
  },
  can: (p) => permissions.includes(p),
  currentOrg: { id: 'c', name: '长安区教育局', path: '/r/p/s/c/' },
  setCurrentOrg: vi.fn(),
  refresh: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
};

const renderActions = (org: Org) =>
  renderWithProviders(
    <SessionContext.Provider value={countyAdmin}>
      <OrgActions org={org} onCreate={() => undefined} onEdit={() => undefined} onMove={() => undefined} onActivated={() => undefined} />
    </SessionContext.Provider>,
    { orgs: zh },
  );

it("leaves a county administrator's own bureau to the level above: no edit, move or deactivate, and says so", async () => {
  renderActions(county);
  expect(await screen.findByText('本机构的名称、代码、移动和启停由上级机构办理')).toBeTruthy();
  expect(screen.queryByRole('button', { name: /修\s*改/ })).toBeNull();
  expect(screen.queryByRole('button', { name: /停\s*用/ })).toBeNull();
  expect(screen.getByRole('button', { name: /新建下级机构/ })).toBeTruthy();
});

it('offers them for an org under the bureau', async () => {
  renderActions(school);
  expect(await screen.findByRole('button', { name: /修\s*改/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /移\s*动/ })).toBeTruthy();
  expect(screen.queryByText('本机构的名称、代码、移动和启停由上级机构办理')).toBeNull();
});
