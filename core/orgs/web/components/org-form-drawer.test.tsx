import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { Org } from '../api.ts';
import { OrgFormDrawer } from './org-form-drawer.tsx';

const at = '2026-01-01T00:00:00.000Z';
const org = (type: Org['type'], extra: Partial<Org> = {}): Org => ({
  id: type,
  code: type.toUpperCase(),
  name: `${type}机构`,
  shortName: null,
  type,
  stage: null,
  divisionCode: null,
  parentId: 'root',
  path: `/root/${type}/`,
  depth: 2,
  isActive: true,
  isSample: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const fetchMock = vi.fn(
  async () =>
    new Response(JSON.stringify({ status: 409, code: 'orgs.code_taken', params: { code: 'GB130100' } }), {
      status: 409,
      headers: { 'content-type': 'application/problem+json' },
    }),
);

const renderDrawer = (props: { parent?: Org; org?: Org }) =>
  renderWithProviders(<OrgFormDrawer open onClose={() => undefined} onSaved={() => undefined} {...props} />, { orgs: zh });

describe('OrgFormDrawer', () => {
  beforeEach(() => {
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });

  it('asks for a stage when the new org is a school (the usual child of a county)', async () => {
    renderDrawer({ parent: org('county_authority') });
    expect(await screen.findByText('在「county_authority机构」下新建机构')).toBeTruthy();
    expect(screen.getByLabelText('机构类型')).toBeTruthy();
    expect(screen.getByLabelText('学段')).toBeTruthy();
  });

  it('does not ask for a stage when the new org is not a school', async () => {
    renderDrawer({ parent: org('provincial_authority') });
    expect(await screen.findByLabelText('机构类型')).toBeTruthy();
    expect(screen.getByTitle('地市教育局')).toBeTruthy();
    expect(screen.queryByLabelText('学段')).toBeNull();
  });

  it('offers under a county only the types that may sit there, no authorities', async () => {
    renderDrawer({ parent: org('county_authority') });
    fireEvent.mouseDown(await screen.findByLabelText('机构类型'));
    expect(await screen.findByTitle('企业')).toBeTruthy();
    for (const authority of ['地市教育局', '省级教育行政部门', '区县教育局']) expect(screen.queryByTitle(authority)).toBeNull();
  });

  it("edits name and code but not the type, and asks a school's stage only", async () => {
    renderDrawer({ org: org('city_authority') });
    expect(await screen.findByDisplayValue('city_authority机构')).toBeTruthy();
    expect(screen.queryByLabelText('机构类型')).toBeNull();
    expect(screen.queryByLabelText('学段')).toBeNull();
  });

  it("lets a school's stage be edited", async () => {
    renderDrawer({ org: org('school', { stage: 'junior' }) });
    expect(await screen.findByLabelText('学段')).toBeTruthy();
    expect(screen.getByTitle('初中')).toBeTruthy();
  });

  it('shows a code already taken under the code field', async () => {
    renderDrawer({ parent: org('provincial_authority') });
    fireEvent.change(await screen.findByLabelText('机构代码'), { target: { value: 'GB130100' } });
    fireEvent.change(screen.getByLabelText('机构名称'), { target: { value: '石家庄市教育局' } });
    fireEvent.click(screen.getByRole('button', { name: '新 建' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const body = JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body).toEqual({
      parentId: 'provincial_authority',
      code: 'GB130100',
      name: '石家庄市教育局',
      shortName: null,
      type: 'city_authority',
    });
    const input = screen.getByLabelText('机构代码');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(
      describedBy
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    ).toContain('机构代码 GB130100 已被使用');
  });
});
