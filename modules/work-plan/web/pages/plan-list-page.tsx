import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Table } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { EmptyState, ErrorState, PageShell, useSession } from '#ui';
import { planApi, type PlanSummary } from '../api.ts';
import { ImportPlanDrawer } from '../components/import-plan-drawer.tsx';

export default function PlanListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);

  const load = useCallback(() => {
    setError(null);
    planApi.list().then(setPlans, setError);
  }, []);
  useEffect(load, [load]);

  const importButton = can('work-plan.plan.import') && (
    <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
      {t('work-plan:web.list.import')}
    </Button>
  );

  return (
    <PageShell title={t('work-plan:web.list.title')} description={t('work-plan:web.list.description')} actions={importButton}>
      {error && !plans ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Table<PlanSummary>
          rowKey="id"
          loading={!plans}
          dataSource={plans ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('work-plan:web.list.empty')} /> }}
          columns={[
            { key: 'title', title: t('work-plan:web.list.columns.title'), render: (_, p) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
            { key: 'year', title: t('work-plan:web.list.columns.year'), dataIndex: 'year', width: 90 },
            { key: 'issuer', title: t('work-plan:web.list.columns.issuer'), dataIndex: 'issuer' },
            { key: 'org', title: t('work-plan:web.list.columns.org'), dataIndex: 'orgName' },
            { key: 'tasks', title: t('work-plan:web.list.columns.tasks'), dataIndex: 'taskCount', align: 'right', width: 100 },
            { key: 'targets', title: t('work-plan:web.list.columns.targets'), dataIndex: 'targetCount', align: 'right', width: 120 },
            {
              key: 'createdAt',
              title: t('work-plan:web.list.columns.createdAt'),
              render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              key: 'dashboard',
              title: '',
              render: (_, p) => <Link to={`/plans/${p.id}/dashboard`}>{t('work-plan:web.dashboard.open')}</Link>,
            },
          ]}
        />
      )}
      <ImportPlanDrawer
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(r) => {
          setImporting(false);
          void message.success(t('work-plan:web.import.done', { title: r.plan.title, tasks: r.plan.taskCount }));
          if (r.unmappedUnits.length) modal.info({ title: t('work-plan:web.import.unmapped', { names: r.unmappedUnits.join('、') }) });
          load();
        }}
      />
    </PageShell>
  );
}
