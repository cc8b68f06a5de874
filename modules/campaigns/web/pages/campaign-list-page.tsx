import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageShell, useSession } from '#ui';
import { campaignApi, type CampaignView } from '../api.ts';
import { CampaignStatusTag } from '../components/status-tags.tsx';
import { CreateCampaignDrawer } from '../components/create-campaign-drawer.tsx';
import { mayApplyHere, useCurrentOrgType } from '../components/applicant-eligibility.ts';

const MANAGE = 'campaigns.campaign.manage';

/** 评选活动: the campaigns the user organises, reviews or may take part in; organisers start new ones from a preset. */
export default function CampaignListPage() {
  const { t } = useTranslation();
  const { can, currentOrg } = useSession();
  const orgType = useCurrentOrgType();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [campaigns, setCampaigns] = useState<CampaignView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    setError(null);
    campaignApi.list().then(setCampaigns, setError);
  }, []);
  useEffect(load, [load]);

  const createButton = can(MANAGE) && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('campaigns:web.list.create')}
    </Button>
  );

  return (
    <PageShell title={t('campaigns:web.list.title')} description={t('campaigns:web.list.description')} actions={createButton}>
      {error && !campaigns ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Table<CampaignView>
          rowKey="id"
          loading={!campaigns}
          dataSource={campaigns ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{
            emptyText: (
              <EmptyState
                description={t(can(MANAGE) ? 'campaigns:web.list.emptyManage' : 'campaigns:web.list.empty')}
                action={createButton}
              />
            ),
          }}
          columns={[
            {
              key: 'title',
              title: t('campaigns:web.list.columns.title'),
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`campaigns:web.type.${c.type}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            { key: 'year', title: t('campaigns:web.list.columns.year'), dataIndex: 'year', width: 80 },
            { key: 'org', title: t('campaigns:web.list.columns.org'), dataIndex: 'orgName' },
            {
              key: 'status',
              title: t('campaigns:web.list.columns.status'),
              width: 100,
              render: (_, c) => <CampaignStatusTag status={c.status} />,
            },
            { key: 'applyUntil', title: t('campaigns:web.list.columns.applyUntil'), width: 120, render: (_, c) => c.applyUntil ?? '—' },
            { key: 'counts', title: t('campaigns:web.list.columns.counts'), render: (_, c) => t('campaigns:web.list.counts', c.counts) },
            {
              key: 'actions',
              title: '',
              width: 110,
              render: (_, c) =>
                mayApplyHere(c, currentOrg.id, orgType, can('campaigns.application.submit')) ? (
                  <Button size="small" type="primary" ghost onClick={() => navigate(`/campaigns/${c.id}?apply=1`)}>
                    {t('campaigns:web.campaign.apply')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <CreateCampaignDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void message.success(t('campaigns:web.create.created', { title: c.title }));
          navigate(`/campaigns/${c.id}`);
        }}
      />
    </PageShell>
  );
}
