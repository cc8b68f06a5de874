import { useEffect, useState } from 'react';
import { Button, Input, Pagination, Spin, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState, type PageOf } from '#ui';
import { orgApi, SEARCH_PAGE_SIZE, type Org } from '../api.ts';
import { OrgTypeIcon, orgTypeLabel } from '../org-labels.tsx';

/** Search by name (contains) or code (prefix) inside the current org; results replace nothing, they sit above the tree. */
export function OrgSearch({ within, onPick }: { within: string; onPick: (org: Org) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ q: string; page: number } | null>(null);
  const [result, setResult] = useState<{ page: PageOf<Org> | null; loading: boolean; error: unknown }>({
    page: null,
    loading: false,
    error: null,
  });
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is the deliberate "search again" signal
  useEffect(() => {
    if (!query) {
      setResult({ page: null, loading: false, error: null });
      return;
    }
    let live = true;
    setResult((r) => ({ ...r, loading: true, error: null }));
    orgApi
      .search({ q: query.q, within, page: query.page, includeInactive: true })
      .then((page) => {
        if (live) setResult({ page, loading: false, error: null });
      })
      .catch((error: unknown) => {
        if (live) setResult({ page: null, loading: false, error });
      });
    return () => {
      live = false;
    };
  }, [query, within, reload]);

  const clear = () => {
    setText('');
    setQuery(null);
  };
  const { page } = result;

  return (
    <div>
      <style>{'.org-search-result:hover, .org-search-result:focus-visible { background: #eff6ff !important; }'}</style>
      <Input.Search
        aria-label={t('orgs:web.search.label')}
        placeholder={t('orgs:web.search.placeholder')}
        value={text}
        allowClear
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) setQuery(null);
        }}
        onSearch={(value) => setQuery(value.trim() ? { q: value.trim(), page: 1 } : null)}
        loading={result.loading}
      />
      {query && (
        <section aria-label={t('orgs:web.search.results')} style={{ marginTop: 8, border: '1px solid #e5e7eb', borderRadius: 6 }}>
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              padding: '4px 8px 4px 12px',
              background: '#f8fafc',
              borderBottom: '1px solid #e5e7eb',
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
              {page ? t('orgs:web.search.total', { total: page.total.toLocaleString() }) : t('orgs:web.search.searching')}
            </Typography.Text>
            <Button type="text" size="small" icon={<CloseOutlined />} onClick={clear} aria-label={t('orgs:web.search.clear')}>
              {t('orgs:web.search.clear')}
            </Button>
          </div>
          {result.error ? (
            <ErrorState error={result.error} onRetry={() => setReload((n) => n + 1)} />
          ) : (
            <Spin spinning={result.loading}>
              {page && page.items.length === 0 && (
                <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
                  {t('orgs:web.search.none')}
                </Typography.Paragraph>
              )}
              <ul style={{ listStyle: 'none', margin: 0, padding: 4, maxHeight: 260, overflowY: 'auto' }}>
                {page?.items.map((org) => (
                  <li key={org.id}>
                    <button
                      type="button"
                      className="org-search-result"
                      onClick={() => onPick(org)}
                      style={{
                        width: '100%',
                        textAlign: 'start',
                        background: 'none',
                        border: 0,
                        borderRadius: 4,
                        padding: '6px 8px',
                        cursor: 'pointer',
                        display: 'flex',
                        gap: 8,
                        alignItems: 'center',
                        color: org.isActive ? 'inherit' : '#6b7280',
                      }}
                    >
                      <OrgTypeIcon type={org.type} t={t} />
                      <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {org.name}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {org.code} · {orgTypeLabel(t, org.type)}
                      </Typography.Text>
                      {!org.isActive && <Tag style={{ marginInlineEnd: 0 }}>{t('orgs:web.status.inactive')}</Tag>}
                    </button>
                  </li>
                ))}
              </ul>
              {page && page.total > SEARCH_PAGE_SIZE && (
                <div style={{ padding: '4px 8px 8px', display: 'flex', justifyContent: 'flex-end' }}>
                  <Pagination
                    size="small"
                    simple
                    current={query.page}
                    pageSize={SEARCH_PAGE_SIZE}
                    total={page.total}
                    showSizeChanger={false}
                    onChange={(p) => setQuery({ q: query.q, page: p })}
                  />
                </div>
              )}
            </Spin>
          )}
        </section>
      )}
    </div>
  );
}
