import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { Org } from '../api.ts';
import { OrgTree } from './org-tree.tsx';
import { useOrgTree } from './use-org-tree.ts';

const at = '2026-01-01T00:00:00.000Z';
const org = (id: string, parent: Org | null, extra: Partial<Org> = {}): Org => ({
  id,
  code: id.toUpperCase(),
  name: `机构${id}`,
  shortName: null,
  type: 'school',
  stage: 'primary',
  divisionCode: null,
  parentId: parent?.id ?? null,
  path: `${parent?.path ?? '/'}${id}/`,
  depth: (parent?.depth ?? 0) + 1,
  isActive: true,
  isSample: false,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const county = org('county', null, { name: '长安区教育局', type: 'county_authority', stage: null, childCount: 450 });
const schools = Array.from({ length: 450 }, (_, i) => org(`s${String(i).padStart(3, '0')}`, county, { name: `学校${i}`, childCount: 0 }));

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

/** The server: one county with 450 schools, children served 200 to a page. */
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://localhost');
  if (url.pathname === '/api/orgs/roots') return json([county]);
  if (url.pathname === '/api/orgs/county/children') {
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('pageSize'));
    return json({ items: schools.slice((page - 1) * size, page * size), total: schools.length, page, pageSize: size });
  }
  if (url.pathname === '/api/orgs/county') return json(county);
  return json({ status: 404, code: 'orgs.org_not_found' }, 404);
});

function Harness() {
  const tree = useOrgTree({ id: county.id, path: county.path });
  return (
    <>
      <OrgTree tree={tree} />
      <output aria-label="selected">{tree.selectedId}</output>
    </>
  );
}

/** Moves to the last row with the keyboard and presses Enter on it: the "load more" node. */
async function loadMoreByKeyboard(tree: HTMLElement, text: string) {
  const toLastRow = () => {
    // Home first: End on the row that is already active does not scroll.
    fireEvent.keyDown(tree, { key: 'Home' });
    fireEvent.keyDown(tree, { key: 'End' });
  };
  toLastRow();
  // Pressed again if the rows of a page still loading were not there yet.
  const node = await within(tree)
    .findByText(text, {}, { timeout: 2000 })
    .catch(() => {
      toLastRow();
      return within(tree).findByText(text, {}, { timeout: 5000 });
    });
  await waitFor(() => expect(node.closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('false'));
  fireEvent.keyDown(tree, { key: 'Enter' });
}

const childRequests = () => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/children'));

describe('OrgTree', () => {
  beforeEach(() => {
    // jsdom lays nothing out; the virtual list needs its viewport's height to scroll to a row.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
  });

  it('opens on the current org, loads its first 200 children and draws only the rows in view', async () => {
    renderWithProviders(<Harness />, { orgs: zh });
    const tree = await screen.findByRole('tree', { name: '机构树' });
    await within(tree).findByText('学校0');
    expect(childRequests()).toEqual(['/api/orgs/county/children?page=1&pageSize=200&includeInactive=true']);
    // Virtual scrolling: 201 rows are loaded, a screenful is in the document.
    expect(within(tree).getAllByRole('treeitem').length).toBeLessThan(60);
    expect(within(tree).queryByText('学校199')).toBeNull();
  });

  it('ends a parent with more than 200 children with a load-more node that fetches the next page', async () => {
    renderWithProviders(<Harness />, { orgs: zh });
    const tree = await screen.findByRole('tree', { name: '机构树' });
    await within(tree).findByText('学校0');
    await loadMoreByKeyboard(tree, '加载更多（已显示 200 / 共 450）');
    await loadMoreByKeyboard(tree, '加载更多（已显示 400 / 共 450）');
    await waitFor(() => expect(childRequests()).toHaveLength(3));
    // After the last page the last row is the last school: no more "load more".
    await waitFor(
      () => {
        fireEvent.keyDown(tree, { key: 'Home' });
        fireEvent.keyDown(tree, { key: 'End' });
        expect(within(tree).getByText('学校449')).toBeTruthy();
      },
      { timeout: 5000 },
    );
    expect(within(tree).queryByText(/加载更多/)).toBeNull();
    expect(childRequests().map((u) => new URL(u, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
    // Choosing "load more" fetches; the selection stays on the org.
    expect(screen.getByLabelText('selected').textContent).toBe('county');
  });

  it("shows the server's words and a retry when the roots fail to load", async () => {
    fetchMock.mockImplementationOnce(async () => json({ status: 500, code: 'internal' }, 500));
    renderWithProviders(<Harness />, { orgs: zh });
    expect(await screen.findByText('internal')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s?试/ }));
    expect(await screen.findByText('学校0')).toBeTruthy();
  });
});
