import { useEffect, useRef, type ComponentRef } from 'react';
import { Spin, Tag, Tree, Typography } from 'antd';
import { DownOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '#ui';
import { OrgTypeIcon } from '../org-labels.tsx';
import { parentOfLoadMore, type OrgTreeNode } from './org-tree-data.ts';
import type { OrgTreeState } from './use-org-tree.ts';

/**
 * The org tree: children load when a parent opens, 200 at a time with a "load more" node, and
 * only the visible rows are rendered (virtual list), so a county with thousands of schools
 * stays responsive. Arrow keys move, Enter opens, Space selects.
 */
export function OrgTree({ tree, height = 560, virtual = true }: { tree: OrgTreeState; height?: number; virtual?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<ComponentRef<typeof Tree>>(null);

  useEffect(() => {
    // After the rows are drawn, so the virtual list knows where the revealed org is.
    if (tree.scrollTarget) requestAnimationFrame(() => ref.current?.scrollTo({ key: tree.scrollTarget!.key, align: 'auto' }));
  }, [tree.scrollTarget]);

  if (tree.status.error) return <ErrorState error={tree.status.error} onRetry={() => void tree.retry()} />;
  if (tree.status.loading)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description={t('orgs:web.tree.loading')} />
      </div>
    );
  if (tree.nodes.length === 0) return <EmptyState description={t('orgs:web.tree.empty')} />;

  function titleOf(node: OrgTreeNode) {
    const parentId = parentOfLoadMore(node.key);
    if (parentId) {
      const page = tree.childPageOf(parentId);
      const busy = tree.loadingMore.has(parentId);
      return (
        <Typography.Link aria-busy={busy} style={{ fontSize: 13 }}>
          {busy ? <LoadingOutlined aria-hidden style={{ marginRight: 6 }} /> : <DownOutlined aria-hidden style={{ marginRight: 6 }} />}
          {t('orgs:web.tree.loadMore', { shown: (page?.ids.length ?? 0).toLocaleString(), total: (page?.total ?? 0).toLocaleString() })}
        </Typography.Link>
      );
    }
    const org = tree.orgOf(node.key);
    if (!org) return node.key;
    return (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color: org.isActive ? undefined : '#6b7280' }}>
        <OrgTypeIcon type={org.type} t={t} />
        <span>{org.name}</span>
        {!org.isActive && (
          <Tag color="default" style={{ marginInlineEnd: 0 }}>
            {t('orgs:web.status.inactive')}
          </Tag>
        )}
      </span>
    );
  }

  return (
    <Tree
      ref={ref}
      aria-label={t('orgs:web.tree.label')}
      blockNode
      height={height}
      virtual={virtual}
      treeData={tree.nodes}
      titleRender={titleOf}
      loadData={tree.loadData}
      loadedKeys={tree.loadedKeys}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      selectedKeys={tree.selectedId ? [tree.selectedId] : []}
      onSelect={(_keys, { node }) => {
        const key = String(node.key);
        const parentId = parentOfLoadMore(key);
        if (parentId) void tree.loadMore(parentId);
        else tree.setSelectedId(key);
      }}
    />
  );
}
