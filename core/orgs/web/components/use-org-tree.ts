import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '#ui';
import { orgApi, pathIds, type Org } from '../api.ts';
import { addChildPage, emptyStore, outermost, putOrg, toTreeNodes, type TreeStore } from './org-tree-data.ts';

export interface StartOrg {
  id: string;
  path: string;
}

/**
 * The org tree's state: lazily loaded children (200 at a time), expansion, selection, and the
 * updates the page applies after a create, edit, move or (de)activation. The loaded orgs live
 * in one mutable store; `version` changes whenever it does, so the drawn nodes are rebuilt.
 */
export function useOrgTree(start: StartOrg) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const store = useRef<TreeStore>(emptyStore());
  const lookups = useRef(new Map<string, Promise<Org | null>>());
  const [version, setVersion] = useState(0);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });
  const [scrollTarget, setScrollTarget] = useState<{ key: string } | null>(null);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  // Through refs, so the loaders keep their identity and the first load runs once per start org.
  const say = useRef({ message, i18n });
  say.current = { message, i18n };
  const reportError = useCallback((e: unknown) => void say.current.message.error(problemMessage(say.current.i18n, e)), []);

  const loadPage = useCallback(
    async (parentId: string, pageNumber: number) => {
      const page = await orgApi.children(parentId, pageNumber);
      const s = store.current;
      for (const org of page.items) putOrg(s, org);
      s.children.set(parentId, addChildPage(s.children.get(parentId), page, pageNumber));
      const parent = s.orgs.get(parentId);
      if (parent) s.orgs.set(parentId, { ...parent, childCount: page.total });
      changed();
    },
    [changed],
  );

  const ensureChildren = useCallback(
    async (parentId: string) => {
      if (!store.current.children.has(parentId)) await loadPage(parentId, 1);
    },
    [loadPage],
  );

  /** An org by id: from the tree when loaded, else fetched once; null when outside the user's scope. */
  const findOrg = useCallback((id: string): Promise<Org | null> => {
    const loaded = store.current.orgs.get(id);
    if (loaded) return Promise.resolve(loaded);
    let pending = lookups.current.get(id);
    if (!pending) {
      pending = orgApi.get(id).catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
        lookups.current.delete(id);
        throw e;
      });
      lookups.current.set(id, pending);
    }
    return pending;
  }, []);

  /**
   * The ancestors of an org the user may read: those from the top of the tree down. Above it
   * lie orgs outside the user's scope (the server would answer 404), so they are not asked for.
   */
  const ancestorsInView = useCallback((org: Org): { ids: string[]; hasHidden: boolean } => {
    const ids = pathIds(org.path).slice(0, -1);
    const top = ids.findIndex((id) => store.current.rootIds.includes(id));
    return top === -1 ? { ids: [], hasHidden: ids.length > 0 } : { ids: ids.slice(top), hasHidden: top > 0 };
  }, []);

  /** Opens the tree down to an org (its ancestors' children are loaded), selects it and scrolls to it. */
  const reveal = useCallback(
    async (org: Org, expandItself = false) => {
      const s = store.current;
      putOrg(s, org);
      const ids = pathIds(org.path);
      const top = ids.findIndex((id) => s.rootIds.includes(id));
      const ancestors = top === -1 ? [] : ids.slice(top, -1);
      try {
        for (const [i, parentId] of ancestors.entries()) {
          await ensureChildren(parentId);
          const childId = ids[top + i + 1];
          const page = s.children.get(parentId)!;
          if (page.ids.includes(childId)) continue;
          // Beyond the pages loaded so far (a school among thousands): show it out of order.
          const child = childId === org.id ? org : await findOrg(childId);
          if (!child) break;
          putOrg(s, child);
          page.ids.push(childId);
        }
        const known = s.orgs.get(org.id)!;
        if (expandItself && known.childCount !== 0 && known.type !== 'school') await ensureChildren(org.id);
      } catch (e) {
        reportError(e);
      }
      setExpandedKeys((keys) => [...new Set([...keys, ...ancestors, ...(expandItself && s.children.has(org.id) ? [org.id] : [])])]);
      setSelectedId(org.id);
      setScrollTarget({ key: org.id });
      changed();
    },
    [ensureChildren, findOrg, reportError, changed],
  );

  const loadRoots = useCallback(async () => {
    setStatus({ loading: true, error: null });
    try {
      const roots = outermost(await orgApi.roots());
      const s = emptyStore();
      for (const org of roots) putOrg(s, org);
      s.rootIds = roots.map((r) => r.id);
      store.current = s;
      lookups.current.clear();
      setExpandedKeys([]);
      changed();
      setStatus({ loading: false, error: null });
      const first = (await findOrg(start.id)) ?? roots[0];
      if (first) await reveal(first, true);
    } catch (e) {
      setStatus({ loading: false, error: e });
    }
  }, [start.id, findOrg, reveal, changed]);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  /** For antd's Tree: loads a parent's first page when it is expanded. */
  const loadData = useCallback(
    async ({ key }: { key: React.Key }) => {
      try {
        await ensureChildren(String(key));
      } catch (e) {
        // Collapsing it lets the user try again by expanding it again.
        setExpandedKeys((keys) => keys.filter((k) => k !== key));
        reportError(e);
      }
    },
    [ensureChildren, reportError],
  );

  const loadMore = useCallback(
    async (parentId: string) => {
      const page = store.current.children.get(parentId);
      if (!page || loadingMore.has(parentId)) return;
      setLoadingMore((busy) => new Set(busy).add(parentId));
      try {
        await loadPage(parentId, page.nextPage);
      } catch (e) {
        reportError(e);
      } finally {
        setLoadingMore((busy) => {
          const next = new Set(busy);
          next.delete(parentId);
          return next;
        });
      }
    },
    [loadingMore, loadPage, reportError],
  );

  /** Reloads a parent's first page of children if it had been loaded. */
  const refreshChildren = useCallback(
    async (parentId: string | null) => {
      if (parentId && store.current.children.has(parentId)) await loadPage(parentId, 1);
    },
    [loadPage],
  );

  const updateLoaded = useCallback(
    (inSubtreeOf: string, patch: (org: Org) => Org) => {
      const s = store.current;
      for (const [id, org] of s.orgs) if (org.path.startsWith(inSubtreeOf)) s.orgs.set(id, patch(org));
      changed();
    },
    [changed],
  );

  const afterCreate = useCallback(
    async (org: Org) => {
      const s = store.current;
      const parent = org.parentId ? s.orgs.get(org.parentId) : undefined;
      if (parent) s.orgs.set(parent.id, { ...parent, childCount: (parent.childCount ?? 0) + 1 });
      await refreshChildren(org.parentId).catch(reportError);
      await reveal({ ...org, childCount: 0 });
    },
    [refreshChildren, reveal, reportError],
  );

  const afterUpdate = useCallback(
    (org: Org) => {
      putOrg(store.current, org);
      lookups.current.delete(org.id);
      changed();
    },
    [changed],
  );

  const afterMove = useCallback(
    async (before: Org, after: Org) => {
      const s = store.current;
      const oldParent = before.parentId ? s.orgs.get(before.parentId) : undefined;
      if (oldParent) s.orgs.set(oldParent.id, { ...oldParent, childCount: Math.max(0, (oldParent.childCount ?? 1) - 1) });
      const oldPage = before.parentId ? s.children.get(before.parentId) : undefined;
      if (oldPage)
        s.children.set(before.parentId!, {
          ...oldPage,
          ids: oldPage.ids.filter((id) => id !== before.id),
          total: Math.max(0, oldPage.total - 1),
        });
      const newParent = after.parentId ? s.orgs.get(after.parentId) : undefined;
      if (newParent) s.orgs.set(newParent.id, { ...newParent, childCount: (newParent.childCount ?? 0) + 1 });
      // Loaded orgs below the moved one keep their ids but change path and depth.
      const delta = after.depth - before.depth;
      updateLoaded(before.path, (o) => ({ ...o, path: after.path + o.path.slice(before.path.length), depth: o.depth + delta }));
      putOrg(s, after);
      lookups.current.clear();
      await refreshChildren(after.parentId).catch(reportError);
      await reveal(after);
    },
    [updateLoaded, refreshChildren, reveal, reportError],
  );

  const afterActivation = useCallback(
    (org: Org) => {
      updateLoaded(org.path, (o) => ({ ...o, isActive: org.isActive }));
    },
    [updateLoaded],
  );

  // `version` stands for the store's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is bumped to recompute after the tree is edited in place
  const nodes = useMemo(() => toTreeNodes(store.current), [version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is bumped to recompute after the tree is edited in place
  const loadedKeys = useMemo(() => [...store.current.children.keys()], [version]);

  return {
    nodes,
    loadedKeys,
    version,
    status,
    expandedKeys,
    setExpandedKeys,
    selectedId,
    setSelectedId,
    scrollTarget,
    loadingMore,
    orgOf: (id: string) => store.current.orgs.get(id),
    childPageOf: (id: string) => store.current.children.get(id),
    loadData,
    loadMore,
    reveal,
    findOrg,
    ancestorsInView,
    retry: loadRoots,
    afterCreate,
    afterUpdate,
    afterMove,
    afterActivation,
  };
}

export type OrgTreeState = ReturnType<typeof useOrgTree>;
