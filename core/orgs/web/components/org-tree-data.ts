import type { PageOf } from '#ui';
import { CHILD_PAGE_SIZE, type Org } from '../api.ts';

/** The children of one parent loaded so far: page by page, plus any revealed out of order. */
export interface ChildPage {
  ids: string[];
  total: number;
  nextPage: number;
}

/** What the tree has loaded: orgs by id, the top orgs, and each expanded parent's children. */
export interface TreeStore {
  orgs: Map<string, Org>;
  rootIds: string[];
  children: Map<string, ChildPage>;
}

export interface OrgTreeNode {
  key: string;
  isLeaf?: boolean;
  children?: OrgTreeNode[];
}

export const emptyStore = (): TreeStore => ({ orgs: new Map(), rootIds: [], children: new Map() });

const LOAD_MORE_PREFIX = 'load-more:';
export const loadMoreKey = (parentId: string) => `${LOAD_MORE_PREFIX}${parentId}`;
/** The parent whose next page a "load more" node fetches, or null for an org's own node. */
export const parentOfLoadMore = (key: string): string | null =>
  key.startsWith(LOAD_MORE_PREFIX) ? key.slice(LOAD_MORE_PREFIX.length) : null;

/** Adds a fetched page of children; page 1 starts over (a refresh), later pages append without duplicates. */
export function addChildPage(previous: ChildPage | undefined, page: PageOf<Org>, pageNumber: number): ChildPage {
  const ids = pageNumber === 1 || !previous ? [] : [...previous.ids];
  const seen = new Set(ids);
  for (const org of page.items)
    if (!seen.has(org.id)) {
      ids.push(org.id);
      seen.add(org.id);
    }
  return { ids, total: page.total, nextPage: pageNumber + 1 };
}

/** Whether the server holds children beyond the pages fetched so far. */
export const hasMorePages = (page: ChildPage, pageSize = CHILD_PAGE_SIZE) => (page.nextPage - 1) * pageSize < page.total;

/** Of several grant orgs, only the outermost: one inside another would show twice. */
export function outermost(orgs: Org[]): Org[] {
  return orgs.filter(
    (org, i) =>
      !orgs.some((other, j) => j !== i && other.path !== org.path && org.path.startsWith(other.path)) &&
      orgs.findIndex((other) => other.id === org.id) === i,
  );
}

/**
 * The nodes antd's Tree draws: only what has been loaded. A parent with more children on the
 * server than loaded ends with a "load more" node; an org known to have no children is a leaf.
 */
export function toTreeNodes(store: TreeStore): OrgTreeNode[] {
  const nodeOf = (id: string): OrgTreeNode => {
    const org = store.orgs.get(id);
    const page = store.children.get(id);
    if (!page) return { key: id, isLeaf: org?.childCount === 0 || org?.type === 'school' };
    const children = page.ids.map(nodeOf);
    if (hasMorePages(page)) children.push({ key: loadMoreKey(id), isLeaf: true });
    return { key: id, isLeaf: children.length === 0, children };
  };
  return store.rootIds.map(nodeOf);
}

/** Copies a changed org in, keeping the child count the tree already knows when the answer lacks it. */
export function putOrg(store: TreeStore, org: Org): void {
  const known = store.orgs.get(org.id);
  store.orgs.set(org.id, { ...org, childCount: org.childCount ?? known?.childCount });
}
