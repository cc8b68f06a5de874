import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState } from '#ui';
import { outcomeApi, type CampaignView, type SelectionView } from '../api.ts';
import { ExclusionReason } from './exclusion-reason.tsx';

type Decision = SelectionView['decisions'][number];

/** 遴选: ranks the recommended applications by score and picks within every quota and rule; each one left out says why. */
export function SelectionTab({
  campaign,
  onChanged,
  onOpen,
}: {
  campaign: CampaignView;
  onChanged: () => void;
  onOpen: (applicationId: string) => void;
}) {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<SelectionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    outcomeApi.selection(campaign.id).then(setSelection, setError);
  }, [campaign.id]);
  useEffect(load, [load]);

  const titles = useMemo(() => new Map((selection?.decisions ?? []).map((d) => [d.applicationId, d.title])), [selection]);
  if (error && !selection) return <ErrorState error={error} onRetry={load} />;
  const selected = selection?.decisions.filter((d) => d.selected).length ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          {selection && selection.decisions.length > 0
            ? t('campaigns:web.selection.summary', { selected, count: selection.decisions.length })
            : t('campaigns:web.selection.intro', { minScore: campaign.rules.minScore })}
        </Typography.Text>
        {campaign.status === 'reviewing' && (
          <ConfirmAction
            type="primary"
            title={t('campaigns:web.selection.runConfirm')}
            description={t('campaigns:web.selection.runHint')}
            successText={t('campaigns:web.selection.ran')}
            onConfirm={async () => {
              setSelection(await outcomeApi.runSelection(campaign.id));
              onChanged();
            }}
          >
            {selection?.decisions.length ? t('campaigns:web.selection.rerun') : t('campaigns:web.selection.run')}
          </ConfirmAction>
        )}
      </div>
      {selection && selection.unfilled.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('campaigns:web.selection.unfilled')}
          description={selection.unfilled
            .map((u) => t('campaigns:web.selection.unfilledLine', { category: u.categoryName, quota: u.quota, selected: u.selected }))
            .join(t('campaigns:web.selection.separator'))}
        />
      )}
      <Table<Decision>
        size="middle"
        rowKey="applicationId"
        loading={!selection}
        dataSource={selection?.decisions ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(d) => ({ onClick: () => onOpen(d.applicationId), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: (
            <EmptyState
              description={t(campaign.status === 'reviewing' ? 'campaigns:web.selection.empty' : 'campaigns:web.selection.emptyClosed')}
            />
          ),
        }}
        columns={[
          { key: 'rank', title: t('campaigns:web.selection.columns.rank'), dataIndex: 'rank', width: 64, align: 'right' },
          {
            key: 'title',
            title: t('campaigns:web.selection.columns.title'),
            width: '22%',
            render: (_, d) => <Typography.Link>{d.title}</Typography.Link>,
          },
          {
            key: 'category',
            title: t('campaigns:web.selection.columns.category'),
            render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{d.categoryName}</span>,
          },
          {
            key: 'org',
            title: t('campaigns:web.selection.columns.org'),
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <span>{d.orgName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.applicantName}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'score',
            title: t('campaigns:web.selection.columns.score'),
            align: 'right',
            width: 90,
            render: (_, d) => (d.score === null ? '—' : d.score.toFixed(2)),
          },
          {
            key: 'result',
            title: t('campaigns:web.selection.columns.result'),
            width: 90,
            render: (_, d) =>
              d.selected ? (
                <Tag color="success">{t('campaigns:web.selection.selected')}</Tag>
              ) : (
                <Tag>{t('campaigns:web.selection.notSelected')}</Tag>
              ),
          },
          {
            key: 'reason',
            title: t('campaigns:web.selection.columns.reason'),
            width: '30%',
            render: (_, d) =>
              d.selected ? null : <ExclusionReason exclusion={d.exclusion} rules={campaign.rules} titleOf={(id) => titles.get(id)} />,
          },
        ]}
      />
    </Space>
  );
}
