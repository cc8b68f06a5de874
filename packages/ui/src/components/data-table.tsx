import { useCallback, useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { App, Button, Checkbox, Popover, Space, Table, Tooltip, type TableColumnType, type TableProps } from 'antd';
import { DownloadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type PageOf } from '../api.ts';
import { problemMessage } from '../problem-message.ts';
import { ErrorState, EmptyState } from './states.tsx';

export type DataColumn<T> = TableColumnType<T> & {
  key: string;
  /** Sent as `sort=<key>` when the user sorts by this column (the server must accept it). */
  sortable?: boolean;
  /** Hidden until the user turns it on in the column settings. */
  defaultHidden?: boolean;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export interface DataTableProps<T> {
  /** Remembers the user's column choices under this name. */
  id: string;
  /** The list endpoint; answers `{ items, total, page, pageSize }`. */
  url: string;
  /** Filters sent with every page and with the export (org, search text, status…). */
  query?: Query;
  /** The XLSX export endpoint, given the same filters and sort: the whole result, not one page. */
  exportUrl?: string;
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  /** Filter inputs, left of the table's own buttons. */
  filters?: ReactNode;
  /** Buttons (create, import…), right of the filters. */
  actions?: ReactNode;
  /** Change it to reload the current page (after a create or edit). */
  reloadToken?: number;
  emptyDescription?: string;
  emptyAction?: ReactNode;
  onRow?: TableProps<T>['onRow'];
  rowSelection?: TableProps<T>['rowSelection'];
  defaultPageSize?: number;
}

const storageKey = (id: string) => `educloud.columns.${id}`;

function readHidden<T>(id: string, columns: DataColumn<T>[]): Set<string> {
  try {
    const saved = localStorage.getItem(storageKey(id));
    if (saved) return new Set(JSON.parse(saved) as string[]);
  } catch {
    /* a broken entry falls back to the defaults */
  }
  return new Set(columns.filter((c) => c.defaultHidden).map((c) => c.key));
}

/**
 * The table every list page uses: server paging and sorting, filters from the page, column
 * settings remembered per user, XLSX export of the whole filtered result, and loading, empty
 * and error states.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const {
    id,
    url,
    query,
    exportUrl,
    columns,
    rowKey,
    filters,
    actions,
    reloadToken,
    emptyDescription,
    emptyAction,
    onRow,
    rowSelection,
    defaultPageSize = 20,
  } = props;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const [sort, setSort] = useState<{ key: string; order: 'asc' | 'desc' } | null>(null);
  const [data, setData] = useState<PageOf<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hidden, setHidden] = useState<Set<string>>(() => readHidden(id, columns));
  const [exporting, setExporting] = useState(false);
  const queryKey = JSON.stringify(query ?? {});

  // A new filter starts again from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the content of query (a new object each render); reloadToken is the deliberate "load again" signal
  useEffect(() => {
    setPage(1);
  }, [queryKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the content of query (a new object each render); reloadToken is the deliberate "load again" signal
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api.get<PageOf<T>>(url, { ...(query ?? {}), page, pageSize, ...(sort ? { sort: sort.key, order: sort.order } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [url, queryKey, page, pageSize, sort]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the content of query (a new object each render); reloadToken is the deliberate "load again" signal
  useEffect(() => {
    void load();
  }, [load, reloadToken]);

  const visibleColumns = useMemo(
    () =>
      columns
        .filter((c) => !hidden.has(c.key))
        .map((c) => ({
          ...c,
          dataIndex: c.dataIndex ?? c.key,
          sorter: c.sortable ? true : undefined,
          sortOrder: sort?.key === c.key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
        })),
    [columns, hidden, sort],
  );

  function toggleColumn(key: string, visible: boolean) {
    const next = new Set(hidden);
    if (visible) next.delete(key);
    else next.add(key);
    setHidden(next);
    localStorage.setItem(storageKey(id), JSON.stringify([...next]));
  }

  async function exportAll() {
    if (!exportUrl) return;
    setExporting(true);
    try {
      await api.download(exportUrl, {
        ...(query ?? {}),
        ...(sort ? { sort: sort.key, order: sort.order } : {}),
        lang: i18n.resolvedLanguage === 'en' ? 'en' : undefined,
      });
      void message.success(t('ui:table.exported'));
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setExporting(false);
    }
  }

  const columnSettings = (
    <Space orientation="vertical">
      {columns.map((c) => (
        <Checkbox key={c.key} checked={!hidden.has(c.key)} onChange={(e) => toggleColumn(c.key, e.target.checked)}>
          {c.title as ReactNode}
        </Checkbox>
      ))}
      <Button
        size="small"
        type="link"
        onClick={() => {
          localStorage.removeItem(storageKey(id));
          setHidden(readHidden(id, columns));
        }}
      >
        {t('ui:table.resetColumns')}
      </Button>
    </Space>
  );

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Space wrap>{filters}</Space>
        <Space wrap>
          {actions}
          {exportUrl && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportAll}>
              {exporting ? t('ui:table.exporting') : t('ui:table.export')}
            </Button>
          )}
          <Popover content={columnSettings} title={t('ui:table.columns')} trigger="click" placement="bottomRight">
            <Tooltip title={t('ui:table.columns')}>
              <Button icon={<SettingOutlined />} aria-label={t('ui:table.columns')} />
            </Tooltip>
          </Popover>
          <Tooltip title={t('ui:table.reload')}>
            <Button icon={<ReloadOutlined />} aria-label={t('ui:table.reload')} onClick={() => void load()} />
          </Tooltip>
        </Space>
      </div>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <Table<T>
          size="middle"
          rowKey={(row) => rowKey(row) as Key}
          loading={loading}
          columns={visibleColumns}
          dataSource={data?.items ?? []}
          onRow={onRow}
          rowSelection={rowSelection}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={emptyDescription} action={emptyAction} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => (data?.totalCapped ? t('ui:table.totalCapped', { total }) : t('ui:table.total', { total })),
          }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const nextSort =
              s?.order && s.columnKey
                ? { key: String(s.columnKey), order: s.order === 'ascend' ? ('asc' as const) : ('desc' as const) }
                : null;
            if (JSON.stringify(nextSort) !== JSON.stringify(sort)) {
              setSort(nextSort);
              setPage(1);
              return;
            }
            setPage(pagination.current ?? 1);
            setPageSize(pagination.pageSize ?? defaultPageSize);
          }}
        />
      )}
    </div>
  );
}
