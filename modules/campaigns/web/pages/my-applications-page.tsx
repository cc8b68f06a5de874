import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageShell } from '#ui';
import { campaignApi, CERTIFICATE_PATH, type ApplicationView } from '../api.ts';
import { ApplicationStatusTag } from '../components/status-tags.tsx';
import { ApplicationDrawer } from '../components/application-drawer.tsx';
import { formatTime } from '../components/format-time.ts';

/** 我的申报: every application the user made, where it stands, and the certificate once awarded. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [applications, setApplications] = useState<ApplicationView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    campaignApi.myApplications().then(setApplications, setError);
  }, []);
  useEffect(load, [load]);
  const open = (id: string | null) => setParams(id ? { application: id } : {}, { replace: true });

  return (
    <PageShell title={t('campaigns:web.mine.title')} description={t('campaigns:web.mine.description')}>
      {error && !applications ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Table<ApplicationView>
          rowKey="id"
          loading={!applications}
          dataSource={applications ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          // A fixed minimum, not max-content: long campaign titles wrap instead of pushing the certificate off the page.
          scroll={{ x: 960 }}
          onRow={(a) => ({ onClick: () => open(a.id), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <EmptyState
                description={t('campaigns:web.mine.empty')}
                action={<Link to="/campaigns">{t('campaigns:web.mine.browse')}</Link>}
              />
            ),
          }}
          columns={[
            {
              key: 'title',
              title: t('campaigns:web.mine.columns.title'),
              render: (_, a) => (
                <div>
                  <Typography.Link>{a.title}</Typography.Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.categoryName}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'campaign',
              title: t('campaigns:web.mine.columns.campaign'),
              render: (_, a) => (
                <Link to={`/campaigns/${a.campaignId}`} onClick={(e) => e.stopPropagation()}>
                  {a.campaignTitle}
                </Link>
              ),
            },
            { key: 'org', title: t('campaigns:web.mine.columns.org'), dataIndex: 'orgName' },
            {
              key: 'submittedAt',
              title: t('campaigns:web.mine.columns.submittedAt'),
              render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(a.submittedAt)}</span>,
            },
            { key: 'status', title: t('campaigns:web.mine.columns.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
            {
              key: 'certificate',
              title: t('campaigns:web.mine.columns.certificate'),
              render: (_, a) =>
                a.certificateNumber ? (
                  // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: only stops a click on the copy button or link from opening the row; the controls inside are keyboard-reachable
                  <span style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
                    <Typography.Text copyable>{a.certificateNumber}</Typography.Text>{' '}
                    <a href={`${CERTIFICATE_PATH}?number=${encodeURIComponent(a.certificateNumber)}`} target="_blank" rel="noopener">
                      {t('campaigns:web.mine.verify')}
                    </a>
                  </span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <ApplicationDrawer applicationId={params.get('application')} onClose={() => open(null)} />
    </PageShell>
  );
}
