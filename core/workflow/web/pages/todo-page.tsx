import { useEffect, useMemo, useState } from 'react';
import { Button, Select, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, PageShell, type DataColumn } from '#ui';
import { workflowApi, type DefinitionInfo, type DoneItem, type InstanceSummary, type TodoItem } from '../api.ts';
import { InstanceDrawer } from '../components/instance-drawer.tsx';
import { DueCell, formatTime, OriginTag, StateTag, usePick } from '../components/workflow-labels.tsx';

type Tab = 'todo' | 'done' | 'started';

/** 我的待办: tasks waiting for the user across every module (待办), what they handled (已办), what they submitted. */
export default function TodoPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const [params, setParams] = useSearchParams();
  const tab = (['todo', 'done', 'started'].includes(params.get('tab') ?? '') ? params.get('tab') : 'todo') as Tab;
  const opened = params.get('instance');
  const [definitionId, setDefinitionId] = useState<string | undefined>();
  const [definitions, setDefinitions] = useState<DefinitionInfo[]>([]);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    workflowApi.definitions().then(setDefinitions, () => setDefinitions([]));
  }, []);

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === null) next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  };
  const open = (id: string) => update({ instance: id });

  const subject = (i: InstanceSummary, extra?: React.ReactNode) => (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <Typography.Text strong>{i.title}</Typography.Text>
        {extra}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pick(i.definitionLabel)}
      </Typography.Text>
    </Space>
  );
  const view = (id: string) => (
    // The row opens on click too; this button is the keyboard's way in.
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={(e) => {
        e.stopPropagation();
        open(id);
      }}
    >
      {t('workflow:web.column.view')}
    </Button>
  );
  const applicant = (i: InstanceSummary) => (
    <Space orientation="vertical" size={0}>
      <span>{i.applicantName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {i.orgName}
      </Typography.Text>
    </Space>
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: subject, applicant and view are render helpers that read only t and pick, which are listed
  const todoColumns = useMemo<DataColumn<TodoItem>[]>(
    () => [
      { key: 'title', title: t('workflow:web.column.title'), render: (_, r) => subject(r.instance, <OriginTag origin={r.origin} />) },
      {
        key: 'step',
        title: t('workflow:web.column.step'),
        render: (_, r) =>
          r.kind === 'applicant' ? (
            <Typography.Text type="warning">{t('workflow:web.applicantTask')}</Typography.Text>
          ) : (
            pick(r.instance.stepLabel)
          ),
      },
      { key: 'actingOrg', title: t('workflow:web.column.actingOrg'), render: (_, r) => r.instance.actingOrgName ?? '—' },
      { key: 'applicant', title: t('workflow:web.column.applicant'), render: (_, r) => applicant(r.instance) },
      {
        key: 'assigned',
        title: t('workflow:web.column.assigned'),
        render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.assignedAt)}</span>,
      },
      {
        key: 'due',
        title: t('workflow:web.column.due'),
        render: (_, r) => <DueCell dueAt={r.instance.dueAt} isOverdue={r.instance.isOverdue} />,
      },
      { key: 'view', title: '', width: 64, render: (_, r) => view(r.instance.id) },
    ],
    [t, pick],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: subject, applicant and view are render helpers that read only t and pick, which are listed
  const doneColumns = useMemo<DataColumn<DoneItem>[]>(
    () => [
      { key: 'title', title: t('workflow:web.column.title'), render: (_, r) => subject(r.instance) },
      {
        key: 'lastOperation',
        title: t('workflow:web.column.lastOperation'),
        render: (_, r) => t(`workflow:web.operation.${r.lastOperation}`),
      },
      {
        key: 'lastActedAt',
        title: t('workflow:web.column.lastActedAt'),
        render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.lastActedAt)}</span>,
      },
      { key: 'state', title: t('workflow:web.column.state'), render: (_, r) => <StateTag state={r.instance.state} /> },
      {
        key: 'step',
        title: t('workflow:web.column.step'),
        render: (_, r) => (r.instance.state === 'in_progress' ? `${pick(r.instance.stepLabel)} · ${r.instance.actingOrgName ?? ''}` : '—'),
      },
      { key: 'applicant', title: t('workflow:web.column.applicant'), render: (_, r) => applicant(r.instance) },
      { key: 'view', title: '', width: 64, render: (_, r) => view(r.instance.id) },
    ],
    [t, pick],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: subject, applicant and view are render helpers that read only t and pick, which are listed
  const startedColumns = useMemo<DataColumn<InstanceSummary>[]>(
    () => [
      { key: 'title', title: t('workflow:web.column.title'), render: (_, r) => subject(r) },
      { key: 'state', title: t('workflow:web.column.state'), render: (_, r) => <StateTag state={r.state} /> },
      { key: 'step', title: t('workflow:web.column.step'), render: (_, r) => (r.state === 'in_progress' ? pick(r.stepLabel) : '—') },
      { key: 'actingOrg', title: t('workflow:web.column.actingOrg'), render: (_, r) => r.actingOrgName ?? '—' },
      {
        key: 'created',
        title: t('workflow:web.column.created'),
        render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.createdAt)}</span>,
      },
      { key: 'view', title: '', width: 64, render: (_, r) => view(r.id) },
    ],
    [t, pick],
  );

  const filter = (
    <Select
      allowClear
      style={{ minWidth: 200 }}
      placeholder={t('workflow:web.filter.definition')}
      aria-label={t('workflow:web.filter.definition')}
      value={definitionId}
      onChange={setDefinitionId}
      options={definitions.map((d) => ({ value: d.id, label: pick(d.label) }))}
    />
  );
  const common = { query: { definitionId }, filters: filter, reloadToken: reload };

  return (
    <PageShell title={t('workflow:web.title')} description={t('workflow:web.description')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key })}
        items={[
          {
            key: 'todo',
            label: t('workflow:web.tabs.todo'),
            children: (
              <DataTable<TodoItem>
                id="workflow-todo"
                url="/api/workflow/todo"
                columns={todoColumns}
                rowKey={(r) => r.taskId}
                {...common}
                emptyDescription={t('workflow:web.empty.todo')}
                onRow={(r) => ({ onClick: () => open(r.instance.id), style: { cursor: 'pointer' } })}
              />
            ),
          },
          {
            key: 'done',
            label: t('workflow:web.tabs.done'),
            children: (
              <DataTable<DoneItem>
                id="workflow-done"
                url="/api/workflow/done"
                columns={doneColumns}
                rowKey={(r) => r.instance.id}
                {...common}
                emptyDescription={t('workflow:web.empty.done')}
                onRow={(r) => ({ onClick: () => open(r.instance.id), style: { cursor: 'pointer' } })}
              />
            ),
          },
          {
            key: 'started',
            label: t('workflow:web.tabs.started'),
            children: (
              <DataTable<InstanceSummary>
                id="workflow-started"
                url="/api/workflow/started"
                columns={startedColumns}
                rowKey={(r) => r.id}
                {...common}
                emptyDescription={t('workflow:web.empty.started')}
                onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
              />
            ),
          },
        ]}
      />
      <InstanceDrawer instanceId={opened} onClose={() => update({ instance: null })} onChanged={() => setReload((n) => n + 1)} />
    </PageShell>
  );
}
