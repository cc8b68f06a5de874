import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Collapse, Descriptions, Empty, Space, Spin, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, ErrorState, PageShell, useSession } from '#ui';
import { toChineseNumeral } from '../../server/chinese-numerals.ts';
import { planApi, planEditApi, type PlanDetail, type TargetView, type TaskView, type UnitView } from '../api.ts';
import { TargetTag } from '../components/target-tag.tsx';
import { UnitTag } from '../components/unit-tag.tsx';
import { MapUnitDialog } from '../components/map-unit-dialog.tsx';
import { TaskProgressDrawer } from '../components/task-progress-drawer.tsx';
import { CompareDialog } from '../components/compare-dialog.tsx';
import { TaskEditDrawer } from '../components/task-edit-drawer.tsx';
import { TargetFormDrawer } from '../components/target-form-drawer.tsx';

// The units list closes each paragraph in the document; the tags below show it with its mapping.
const withoutUnitList = (text: string) => text.replace(/[（(]\s*(责任单位|牵头单位|责任部门)\s*[:：][^)）]*[)）]\s*[。.]?\s*$/, '');

interface TaskEditing {
  onEditTask: (task: TaskView) => void;
  onAddTarget: (task: TaskView) => void;
  onEditTarget: (target: TargetView) => void;
  onDeleteTarget: (target: TargetView) => Promise<void>;
}

function TargetLine({ target, editing }: { target: TargetView; editing?: TaskEditing }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', marginRight: 8 }}>
      <TargetTag target={target} />
      {editing && (
        <>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('work-plan:web.edit.editTarget')}
            title={t('work-plan:web.edit.editTarget')}
            onClick={() => editing.onEditTarget(target)}
          />
          <ConfirmAction
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('work-plan:web.edit.deleteTarget')}
            title={t('work-plan:web.edit.deleteConfirm', { object: target.object })}
            successText={t('work-plan:web.edit.deleted')}
            onConfirm={() => editing.onDeleteTarget(target)}
          >
            {null}
          </ConfirmAction>
        </>
      )}
    </span>
  );
}

function TaskCard({
  task,
  onMap,
  onProgress,
  editing,
}: {
  task: TaskView;
  onMap: (u: UnitView) => void;
  onProgress: (taskId: string) => void;
  editing?: TaskEditing;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <span>
          {t('work-plan:web.detail.task', { number: task.number })}　{task.title}
        </span>
      }
      extra={
        <Space>
          {task.dueDate && <Typography.Text type="secondary">{t('work-plan:web.edit.dueOn', { date: task.dueDate })}</Typography.Text>}
          {editing && (
            <Button size="small" icon={<EditOutlined />} onClick={() => editing.onEditTask(task)}>
              {t('work-plan:web.edit.task')}
            </Button>
          )}
          <Button size="small" onClick={() => onProgress(task.id)}>
            {t('work-plan:web.myTasks.progress')}
          </Button>
        </Space>
      }
    >
      {task.paragraphs.map((p, i) => (
        <div key={p.id} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ marginBottom: 6 }}>{withoutUnitList(p.text)}</Typography.Paragraph>
          <Space size={[0, 4]} wrap>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {t('work-plan:web.detail.units')}
            </Typography.Text>
            {p.units.map((u, ui) => (
              <UnitTag key={u.name} unit={u} lead={i === 0 && ui === 0} onMap={onMap} />
            ))}
          </Space>
        </div>
      ))}
      <Space size={[0, 4]} wrap>
        <Typography.Text type="secondary" style={{ marginRight: 8 }}>
          {t('work-plan:web.detail.targets')}
        </Typography.Text>
        {task.targets.length === 0 && (
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('work-plan:web.detail.noTargets')}
          </Typography.Text>
        )}
        {task.targets.map((g) => (
          <TargetLine key={g.id} target={g} editing={editing} />
        ))}
        {editing && (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => editing.onAddTarget(task)}>
            {t('work-plan:web.edit.addTarget')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** One plan as the document reads, with every unit's mapping and every target picked out. */
export default function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mapping, setMapping] = useState<UnitView | null>(null);
  const [progressOf, setProgressOf] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const [editingTask, setEditingTask] = useState<TaskView | null>(null);
  const [addingTo, setAddingTo] = useState<TaskView | null>(null);
  const [editingTarget, setEditingTarget] = useState<TargetView | null>(null);
  const { can } = useSession();

  const load = useCallback(() => {
    setError(null);
    planApi.get(id).then(setPlan, setError);
  }, [id]);
  useEffect(load, [load]);

  const editing: TaskEditing | undefined = can('work-plan.plan.update')
    ? {
        onEditTask: setEditingTask,
        onAddTarget: setAddingTo,
        onEditTarget: setEditingTarget,
        onDeleteTarget: async (target) => {
          await planEditApi.deleteTarget(target.id);
          load();
        },
      }
    : undefined;
  const closeEdits = () => {
    setEditingTask(null);
    setAddingTo(null);
    setEditingTarget(null);
  };
  const saved = () => {
    closeEdits();
    load();
  };

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!plan)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  const tasks = plan.areas.flatMap((a) => a.tasks);
  const targets = tasks.reduce((n, task) => n + task.targets.length, 0);
  const unmapped = new Set(
    tasks.flatMap((task) => task.paragraphs.flatMap((p) => p.units.filter((u) => u.kind === 'unmapped').map((u) => u.name))),
  );

  return (
    <PageShell
      title={plan.title}
      description={
        <>
          {plan.issuer && `${plan.issuer} · `}
          {t('work-plan:web.detail.summary', { areas: plan.areas.length, tasks: tasks.length, targets })}
          {unmapped.size > 0 && (
            <Typography.Text type="warning"> · {t('work-plan:web.detail.unmappedCount', { count: unmapped.size })}</Typography.Text>
          )}
        </>
      }
      actions={
        <Space>
          <Button onClick={() => setComparing(true)}>{t('work-plan:web.compare.open')}</Button>
          <Link to={`/plans/${plan.id}/dashboard`}>
            <Button type="primary">{t('work-plan:web.dashboard.open')}</Button>
          </Link>
          <Link to="/plans">{t('work-plan:web.detail.back')}</Link>
        </Space>
      }
    >
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'approach', label: t('work-plan:web.detail.approach'), children: plan.approach || '—' },
          {
            key: 'goals',
            label: t('work-plan:web.detail.goals'),
            children: plan.goals.length ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {plan.goals.map((g) => (
                  <li key={g.ordinal}>{g.title}</li>
                ))}
              </ol>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('work-plan:web.detail.areas')}
      </Typography.Title>
      {plan.areas.length === 0 ? (
        <Empty />
      ) : (
        <Collapse
          defaultActiveKey={[plan.areas[0].id]}
          items={plan.areas.map((a) => ({
            key: a.id,
            label: (
              <strong>
                （{toChineseNumeral(a.ordinal)}）{a.title}
              </strong>
            ),
            extra: (
              <Typography.Text type="secondary">
                {t('work-plan:web.detail.areaCounts', {
                  tasks: a.tasks.length,
                  targets: a.tasks.reduce((n, task) => n + task.targets.length, 0),
                })}
              </Typography.Text>
            ),
            children: a.tasks.map((task) => (
              <TaskCard key={task.id} task={task} onMap={setMapping} onProgress={setProgressOf} editing={editing} />
            )),
          }))}
        />
      )}
      <TaskEditDrawer task={editingTask} onClose={closeEdits} onSaved={saved} />
      <TargetFormDrawer task={addingTo} target={editingTarget} onClose={closeEdits} onSaved={saved} />
      <CompareDialog planId={plan.id} open={comparing} onClose={() => setComparing(false)} />
      <TaskProgressDrawer taskId={progressOf} onClose={() => setProgressOf(null)} />
      <MapUnitDialog
        unit={mapping}
        scopeOrgId={plan.orgId}
        onClose={() => setMapping(null)}
        onMapped={() => {
          setMapping(null);
          load();
        }}
      />
    </PageShell>
  );
}
