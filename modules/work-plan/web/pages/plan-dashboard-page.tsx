import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Col, Progress, Row, Space, Spin, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api, ErrorState, PageShell, problemMessage } from '#ui';
import { DownloadOutlined } from '@ant-design/icons';
import { toChineseNumeral } from '../../server/chinese-numerals.ts';
import { dashboardApi, type PlanDashboard, type TaskStatus } from '../api.ts';
import { TaskStatusTag } from '../components/task-status-tag.tsx';
import { TaskProgressDrawer } from '../components/task-progress-drawer.tsx';

const Chart = lazy(() => import('#ui/components/chart.tsx'));
const STATUSES: TaskStatus[] = ['done', 'in_progress', 'late', 'not_started'];
const COLORS: Record<TaskStatus, string> = { done: '#16a34a', in_progress: '#1d4ed8', late: '#dc2626', not_started: '#cbd5e1' };

type Filter =
  | { kind: 'area'; ordinal: number; label: string }
  | { kind: 'unit'; name: string }
  | { kind: 'status'; status: TaskStatus }
  | null;

function stacked(
  categories: string[],
  counts: Array<Record<TaskStatus, number>>,
  label: (s: TaskStatus) => string,
  horizontal: boolean,
): EChartsOption {
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    axisLabel: { interval: 0, width: 110, overflow: 'truncate' as const },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: horizontal ? 130 : 40, right: 16, top: 36, bottom: horizontal ? 24 : 60 },
    xAxis: horizontal ? valueAxis : { ...categoryAxis, axisLabel: { ...categoryAxis.axisLabel, rotate: 30 } },
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: STATUSES.map((s) => ({
      name: label(s),
      type: 'bar',
      stack: 'tasks',
      itemStyle: { color: COLORS[s] },
      data: counts.map((c) => c[s]),
    })),
  };
}

/** A plan's completion by area and by unit; every bar drills down to the tasks behind it. */
export default function PlanDashboardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [data, setData] = useState<PlanDashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    dashboardApi.get(id).then(setData, setError);
  }, [id]);
  useEffect(load, [load]);

  const statusLabel = useCallback((s: TaskStatus) => t(`work-plan:web.status.${s}`), [t]);
  const areaOption = useMemo(
    () =>
      data &&
      stacked(
        data.byArea.map((a) => `（${toChineseNumeral(a.ordinal)}）${a.title}`),
        data.byArea.map((a) => a.counts),
        statusLabel,
        false,
      ),
    [data, statusLabel],
  );
  const units = data?.byUnit.slice(0, 15) ?? [];
  const unitOption = useMemo(
    () =>
      data &&
      stacked(
        units.map((u) => u.name),
        units.map((u) => u.counts),
        statusLabel,
        true,
      ),
    [data, units, statusLabel],
  );

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!data || !areaOption || !unitOption)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );

  const tasks = data.tasks.filter(
    (task) =>
      !filter ||
      (filter.kind === 'area' && task.areaOrdinal === filter.ordinal) ||
      (filter.kind === 'unit' && task.units.includes(filter.name)) ||
      (filter.kind === 'status' && task.status === filter.status),
  );
  const filterText = !filter
    ? null
    : filter.kind === 'area'
      ? filter.label
      : filter.kind === 'unit'
        ? filter.name
        : statusLabel(filter.status);
  const total = data.tasks.length;

  return (
    <PageShell
      title={t('work-plan:web.dashboard.title', { title: data.title })}
      description={t('work-plan:web.dashboard.total', { count: total })}
      actions={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void api
                .download(`/api/work-plan/plans/${id}/ledger`, { lang: i18n.resolvedLanguage === 'en' ? 'en' : undefined })
                .catch((e) => message.error(problemMessage(i18n, e)))
            }
          >
            {t('work-plan:web.dashboard.ledger')}
          </Button>
          <Link to={`/plans/${id}/print`}>
            <Button>{t('work-plan:web.print.open')}</Button>
          </Link>
          <Link to={`/plans/${id}`}>{data.title}</Link>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {STATUSES.map((s) => (
          <Col xs={12} md={6} key={s}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilter({ kind: 'status', status: s })}
              style={{ borderTop: `3px solid ${COLORS[s]}` }}
            >
              <Statistic title={statusLabel(s)} value={data.totals[s]} suffix={`/ ${total}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={14}>
          <Card size="small" title={t('work-plan:web.dashboard.byArea')}>
            <Suspense fallback={<Spin />}>
              <Chart
                label={t('work-plan:web.dashboard.byArea')}
                option={areaOption}
                height={340}
                onClick={({ dataIndex }) => {
                  const a = data.byArea[dataIndex];
                  setFilter({ kind: 'area', ordinal: a.ordinal, label: `（${toChineseNumeral(a.ordinal)}）${a.title}` });
                }}
              />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('work-plan:web.dashboard.byUnit')}>
            <Suspense fallback={<Spin />}>
              <Chart
                label={t('work-plan:web.dashboard.byUnit')}
                option={unitOption}
                height={340}
                onClick={({ name }) => setFilter({ kind: 'unit', name })}
              />
            </Suspense>
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('work-plan:web.dashboard.tasks')}
            extra={
              filterText && (
                <Space>
                  <Tag color="blue">{t('work-plan:web.dashboard.filtered', { what: filterText })}</Tag>
                  <Button size="small" onClick={() => setFilter(null)}>
                    {t('work-plan:web.dashboard.clear')}
                  </Button>
                </Space>
              )
            }
          >
            <Table
              size="small"
              rowKey="taskId"
              dataSource={tasks}
              pagination={{ pageSize: 12 }}
              onRow={(task) => ({ onClick: () => setViewing(task.taskId), style: { cursor: 'pointer' } })}
              columns={[
                { key: 'n', title: '#', dataIndex: 'number', width: 56 },
                { key: 'title', title: t('work-plan:web.myTasks.columns.task'), dataIndex: 'title' },
                {
                  key: 'area',
                  title: t('work-plan:web.dashboard.area'),
                  width: 80,
                  render: (_, task) => `（${toChineseNumeral(task.areaOrdinal)}）`,
                },
                {
                  key: 'status',
                  title: t('work-plan:web.myTasks.columns.status'),
                  width: 90,
                  render: (_, task) => <TaskStatusTag status={task.status} />,
                },
                {
                  key: 'share',
                  title: t('work-plan:web.dashboard.share'),
                  width: 200,
                  render: (_, task) => <Progress percent={Math.round(task.share * 100)} size="small" />,
                },
                { key: 'due', title: t('work-plan:web.myTasks.columns.due'), width: 110, render: (_, task) => task.dueDate ?? '—' },
              ]}
            />
          </Card>
        </Col>
      </Row>
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
