import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, EmptyState, ErrorState, useSession, type DataColumn } from '#ui';
import { campaignApi, type ApplicationStatus, type ApplicationView, type CampaignView, type QuotaUse } from '../api.ts';
import { APPLICATION_STATUSES, ApplicationStatusTag } from './status-tags.tsx';
import { formatTime } from './format-time.ts';

/** 本级推荐名额: for each authority the user recommends at, what reached it and how many places are left. */
function QuotaPanel({ campaignId, levelQuotas }: { campaignId: string; levelQuotas: CampaignView['rules']['levelQuotas'] }) {
  const { t } = useTranslation();
  const [quotas, setQuotas] = useState<QuotaUse[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    campaignApi.quotas(campaignId).then(setQuotas, setError);
  }, [campaignId]);
  if (error) return <ErrorState error={error} />;
  if (!quotas || quotas.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('campaigns:web.applications.quota')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {quotas.map((q) => (
            <div key={`${q.level}-${q.orgId}`}>
              <Space size={8} wrap>
                <Typography.Text>
                  {t('campaigns:web.applications.quotaLine', {
                    org: q.orgName,
                    level: t(`campaigns:web.level.${q.level}`),
                    received: q.received,
                    used: q.used,
                    allowed: q.allowed,
                  })}
                </Typography.Text>
                {q.used >= q.allowed && <Tag color="warning">{t('campaigns:web.applications.quotaUsedUp')}</Tag>}
              </Space>
              <Progress
                percent={q.allowed ? Math.round((q.used / q.allowed) * 100) : 0}
                size="small"
                showInfo={false}
                style={{ display: 'block', maxWidth: 360 }}
              />
            </div>
          ))}
          {/* A share is of what has reached the level so far (server/recommendation.ts): say so where it applies. */}
          {quotas.some((q) => levelQuotas.some((l) => l.level === q.level && l.share !== undefined)) && (
            <Typography.Text type="secondary">{t('campaigns:web.applications.quotaGrows')}</Typography.Text>
          )}
          <Link to="/workflow/todo">
            <Button size="small">{t('campaigns:web.applications.todo')}</Button>
          </Link>
        </Space>
      }
    />
  );
}

export function useApplicationColumns(): DataColumn<ApplicationView>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        key: 'title',
        title: t('campaigns:web.applications.columns.title'),
        render: (_, a) => <Typography.Link>{a.title}</Typography.Link>,
      },
      { key: 'category', title: t('campaigns:web.applications.columns.category'), dataIndex: 'categoryName' },
      { key: 'applicant', title: t('campaigns:web.applications.columns.applicant'), dataIndex: 'applicantName' },
      { key: 'org', title: t('campaigns:web.applications.columns.org'), dataIndex: 'orgName' },
      {
        key: 'status',
        title: t('campaigns:web.applications.columns.status'),
        render: (_, a) => <ApplicationStatusTag status={a.status} />,
      },
      {
        key: 'submittedAt',
        title: t('campaigns:web.applications.columns.submittedAt'),
        render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(a.submittedAt)}</span>,
      },
      {
        key: 'score',
        title: t('campaigns:web.applications.columns.score'),
        align: 'right',
        render: (_, a) => (a.score === null ? '—' : a.score.toFixed(2)),
      },
      { key: 'rank', title: t('campaigns:web.applications.columns.rank'), align: 'right', render: (_, a) => a.rank ?? '—' },
    ],
    [t],
  );
}

/** 申报: the applications the user may read (all for organisers, their subtree for recommenders), filtered by status and category. */
export function ApplicationsTab({ campaign, onOpen }: { campaign: CampaignView; onOpen: (applicationId: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<ApplicationStatus | undefined>();
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const columns = useApplicationColumns();
  return (
    <>
      {can('campaigns.application.recommend') && !campaign.canManage && (
        <QuotaPanel campaignId={campaign.id} levelQuotas={campaign.rules.levelQuotas} />
      )}
      <DataTable<ApplicationView>
        id="campaign-applications"
        url={campaignApi.applicationsUrl(campaign.id)}
        query={{ status, categoryCode }}
        columns={columns}
        rowKey={(a) => a.id}
        onRow={(a) => ({ onClick: () => onOpen(a.id), style: { cursor: 'pointer' } })}
        emptyDescription={t(campaign.status === 'draft' ? 'campaigns:web.applications.emptyDraft' : 'campaigns:web.applications.empty')}
        filters={
          <>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('campaigns:web.applications.filterStatus')}
              aria-label={t('campaigns:web.applications.filterStatus')}
              value={status}
              onChange={setStatus}
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`campaigns:web.applicationStatus.${s}`) }))}
            />
            {campaign.rules.categories.length > 1 && (
              <Select
                allowClear
                style={{ minWidth: 200 }}
                placeholder={t('campaigns:web.applications.filterCategory')}
                aria-label={t('campaigns:web.applications.filterCategory')}
                value={categoryCode}
                onChange={setCategoryCode}
                options={campaign.rules.categories.map((c) => ({ value: c.code, label: c.name }))}
              />
            )}
          </>
        }
      />
    </>
  );
}

/** For applicants who read no one else's: their own applications in this campaign. */
export function OwnApplicationsTab({
  campaign,
  reloadToken,
  onOpen,
}: {
  campaign: CampaignView;
  reloadToken: number;
  onOpen: (applicationId: string) => void;
}) {
  const { t } = useTranslation();
  const [mine, setMine] = useState<ApplicationView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const columns = useApplicationColumns();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadToken is the deliberate "load again" signal
  useEffect(() => {
    campaignApi.myApplications().then((all) => setMine(all.filter((a) => a.campaignId === campaign.id)), setError);
  }, [campaign.id, reloadToken]);
  if (error) return <ErrorState error={error} />;
  return (
    <Table<ApplicationView>
      rowKey="id"
      loading={!mine}
      dataSource={mine ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns.filter((c) => c.key !== 'applicant')}
      onRow={(a) => ({ onClick: () => onOpen(a.id), style: { cursor: 'pointer' } })}
      locale={{
        emptyText: (
          <EmptyState
            description={t(campaign.canApply ? 'campaigns:web.applications.mineEmptyOpen' : 'campaigns:web.applications.mineEmpty')}
          />
        ),
      }}
    />
  );
}
