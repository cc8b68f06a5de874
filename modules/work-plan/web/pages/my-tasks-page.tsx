import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageShell } from '#ui';
import { reportApi, type TaskProgress } from '../api.ts';
import { ReportDrawer } from '../components/report-drawer.tsx';
import { TaskProgressDrawer } from '../components/task-progress-drawer.tsx';
import { TargetProgressList, TaskStatusTag } from '../components/task-status-tag.tsx';

/** The tasks the user's unit is responsible for, with their progress; report from here. */
export default function MyTasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tasks, setTasks] = useState<TaskProgress[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reporting, setReporting] = useState<TaskProgress | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    reportApi.myTasks().then(setTasks, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <PageShell title={t('work-plan:web.myTasks.title')} description={t('work-plan:web.myTasks.description')}>
      {error && !tasks ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Table<TaskProgress>
          rowKey="taskId"
          loading={!tasks}
          dataSource={tasks ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <EmptyState description={t('work-plan:web.myTasks.empty')} /> }}
          columns={[
            { key: 'plan', title: t('work-plan:web.myTasks.columns.plan'), dataIndex: 'planTitle', width: 170, ellipsis: true },
            { key: 'task', title: t('work-plan:web.myTasks.columns.task'), width: 280, render: (_, r) => `${r.number}. ${r.title}` },
            {
              key: 'status',
              title: t('work-plan:web.myTasks.columns.status'),
              render: (_, r) => <TaskStatusTag status={r.status} />,
              width: 90,
            },
            { key: 'due', title: t('work-plan:web.myTasks.columns.due'), render: (_, r) => r.dueDate ?? '—', width: 110 },
            {
              key: 'targets',
              title: t('work-plan:web.myTasks.columns.targets'),
              render: (_, r) => <TargetProgressList targets={r.targets} />,
            },
            { key: 'reports', title: t('work-plan:web.myTasks.columns.reports'), dataIndex: 'reportCount', align: 'right', width: 80 },
            {
              key: 'actions',
              title: t('work-plan:web.myTasks.columns.actions'),
              width: 170,
              render: (_, r) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => setReporting(r)}>
                    {t('work-plan:web.myTasks.report')}
                  </Button>
                  <Button size="small" onClick={() => setViewing(r.taskId)}>
                    {t('work-plan:web.myTasks.progress')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ReportDrawer
        task={reporting}
        onClose={() => setReporting(null)}
        onSubmitted={() => {
          setReporting(null);
          void message.success(t('work-plan:web.report.submitted'));
          load();
        }}
      />
      <TaskProgressDrawer
        taskId={viewing}
        onClose={() => {
          setViewing(null);
          load();
        }}
      />
    </PageShell>
  );
}
