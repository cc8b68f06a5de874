import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, ErrorState, problemMessage } from '#ui';
import {
  workflowApi,
  type ActionBody,
  type ActionPath,
  type HistoryEntry,
  type InstanceDetail,
  type StepView,
  type TaskView,
} from '../api.ts';
import { ActionDialog } from './action-dialog.tsx';
import { DueCell, formatTime, OriginTag, StateTag, usePick } from './workflow-labels.tsx';

const STEP_STATUS = { done: 'finish', current: 'process', returned: 'error', rejected: 'error', pending: 'wait', skipped: 'wait' } as const;

/** The steps up the tree, each with the org acting there and how far it got. */
export function StepTimeline({ steps }: { steps: StepView[] }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={Math.max(
        0,
        steps.findIndex((s) => s.status === 'current' || s.status === 'returned' || s.status === 'rejected'),
      )}
      items={steps.map((s) => ({
        title: (
          <span style={s.status === 'skipped' ? { textDecoration: 'line-through', color: '#9ca3af' } : undefined}>{pick(s.label)}</span>
        ),
        status: STEP_STATUS[s.status],
        content: (
          <Space size={4} wrap>
            <span>{s.orgName ?? '—'}</span>
            <Tag>{t(`workflow:web.stepStatus.${s.status}`)}</Tag>
            {s.countersignRule && <Tag color="purple">{t(`workflow:web.countersign.${s.countersignRule}`)}</Tag>}
            {s.status !== 'skipped' && (s.dueWorkingDays || s.deadlineHours) && (
              <Typography.Text type="secondary">
                {s.dueWorkingDays
                  ? t('workflow:web.deadlineWorkingDays', { count: s.dueWorkingDays })
                  : t('workflow:web.deadline', { hours: s.deadlineHours })}
              </Typography.Text>
            )}
          </Space>
        ),
      }))}
    />
  );
}

function AssigneeList({ tasks }: { tasks: TaskView[] }) {
  const { t } = useTranslation();
  const live = tasks.filter((k) => k.status !== 'cancelled' && k.kind !== 'applicant');
  if (live.length === 0) return <Typography.Text type="secondary">{t('workflow:web.drawer.noAssignees')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {live.map((k) => (
        <Space key={k.id} size={4} wrap>
          <span>{k.kind === 'org' ? t('workflow:web.task.orgTask', { org: k.orgName ?? '' }) : k.userName}</span>
          <OriginTag origin={k.origin} />
          {k.status === 'open' ? (
            <Tag color="processing">{t('workflow:web.task.open')}</Tag>
          ) : (
            <Tag color={k.decision === 'approve' ? 'success' : 'error'}>
              {t(`workflow:web.task.decision.${k.decision}`, { defaultValue: t('workflow:web.task.done') })}
              {k.kind === 'org' && k.decidedByName ? ` · ${k.decidedByName}` : ''}
            </Tag>
          )}
        </Space>
      ))}
    </Space>
  );
}

function HistoryList({ history, steps }: { history: HistoryEntry[]; steps: StepView[] }) {
  const { t } = useTranslation();
  const pick = usePick();
  const stepName = (id: string | null) => pick(steps.find((s) => s.id === id)?.label) || id || '';
  const COLORS: Record<string, string> = {
    approve: 'green',
    reject: 'red',
    return: 'orange',
    withdraw: 'gray',
    escalate: 'red',
    remind: 'gray',
  };
  return (
    <Timeline
      items={history.map((h) => ({
        key: h.seq,
        color: COLORS[h.operation] ?? 'blue',
        content: (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Space size={6} wrap>
              <Typography.Text strong>{t(`workflow:web.operation.${h.operation}`)}</Typography.Text>
              <span>{h.actorName === 'system' ? t('workflow:web.history.system') : h.actorName}</span>
              <Typography.Text type="secondary">{formatTime(h.at)}</Typography.Text>
            </Space>
            {(h.fromStep || h.toStep) && h.operation !== 'submit' && h.operation !== 'resubmit' && (
              <Typography.Text type="secondary">
                {t('workflow:web.history.move', {
                  from: stepName(h.fromStep),
                  to: h.toStep
                    ? stepName(h.toStep)
                    : h.operation === 'return'
                      ? t('workflow:web.history.toApplicant')
                      : t('workflow:web.history.finished'),
                })}
              </Typography.Text>
            )}
            {(h.operation === 'add_signer' || h.operation === 'transfer') && h.targetUserName && (
              <Typography.Text type="secondary">{t(`workflow:web.history.${h.operation}`, { name: h.targetUserName })}</Typography.Text>
            )}
            {h.targetOrgName && (
              <Typography.Text type="secondary">{t('workflow:web.history.targetOrg', { name: h.targetOrgName })}</Typography.Text>
            )}
            {h.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</div>}
            {h.files.map((f) => (
              <div key={f.id}>
                <PaperClipOutlined />{' '}
                <a href={`/api/files/${f.id}/content`} download={f.name}>
                  {f.name}
                </a>
              </div>
            ))}
          </Space>
        ),
      }))}
    />
  );
}

const ACTIONS: Array<{ path: ActionPath; allowed: (a: InstanceDetail['actions']) => boolean; primary?: boolean; danger?: boolean }> = [
  { path: 'approve', allowed: (a) => a.approve, primary: true },
  { path: 'reject', allowed: (a) => a.reject, danger: true },
  { path: 'return', allowed: (a) => a.return },
  { path: 'add-signer', allowed: (a) => a.addSigner },
  { path: 'transfer', allowed: (a) => a.transfer },
  { path: 'resubmit', allowed: (a) => a.resubmit, primary: true },
  { path: 'withdraw', allowed: (a) => a.withdraw },
];

/** One review: its steps up the tree, who holds it now, its history, and the operations the user may take. */
export function InstanceDrawer({
  instanceId,
  onClose,
  onChanged,
}: {
  instanceId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const pick = usePick();
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<ActionPath | null>(null);

  const load = useCallback(() => {
    if (!instanceId) return;
    setError(null);
    workflowApi.instance(instanceId).then(setDetail, setError);
  }, [instanceId]);
  useEffect(() => {
    setDetail(null);
    load();
  }, [load]);

  async function run(action: ActionPath, body: Omit<ActionBody, 'version'>) {
    if (!detail) return;
    try {
      setDetail(await workflowApi.act(detail.instance.id, action, { version: detail.instance.version, ...body }));
      setActing(null);
      void message.success(t('workflow:web.dialog.done'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'workflow.instance_changed') {
        setActing(null);
        void message.warning(t('workflow:web.dialog.changed'));
        load();
        onChanged();
        return;
      }
      throw e;
    }
  }

  const i = detail?.instance;
  const buttons = detail ? ACTIONS.filter((a) => a.allowed(detail.actions)) : [];
  return (
    <Drawer
      open={!!instanceId}
      size={720}
      onClose={onClose}
      title={i ? i.title : t('workflow:web.drawer.title')}
      footer={
        buttons.length > 0 && (
          <Space wrap>
            {buttons.map((b) => (
              <Button key={b.path} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setActing(b.path)}>
                {t(`workflow:web.action.${b.path}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {error ? (
        <ErrorState error={error} onRetry={load} />
      ) : !detail || !i ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'workflow', label: t('workflow:web.drawer.workflow'), children: pick(i.definitionLabel) },
              { key: 'state', label: t('workflow:web.drawer.state'), children: <StateTag state={i.state} /> },
              { key: 'applicant', label: t('workflow:web.drawer.applicant'), children: i.applicantName },
              { key: 'org', label: t('workflow:web.drawer.org'), children: i.orgName },
              {
                key: 'step',
                label: t('workflow:web.drawer.step'),
                children: i.state === 'in_progress' ? `${pick(i.stepLabel)} · ${i.actingOrgName ?? ''}` : '—',
              },
              { key: 'due', label: t('workflow:web.drawer.due'), children: <DueCell dueAt={i.dueAt} isOverdue={i.isOverdue} /> },
              { key: 'submitted', label: t('workflow:web.drawer.submittedAt'), children: formatTime(i.createdAt) },
              ...(i.link
                ? [
                    {
                      key: 'link',
                      label: t('workflow:web.drawer.subject'),
                      children: <Link to={i.link}>{t('workflow:web.drawer.openRecord')}</Link>,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('workflow:web.drawer.steps')}
          </Typography.Title>
          <StepTimeline steps={detail.steps} />
          {i.state === 'in_progress' && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 8 }}>
                {t('workflow:web.drawer.assignees')}
              </Typography.Title>
              <AssigneeList tasks={detail.tasks} />
            </>
          )}
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('workflow:web.drawer.history')}
          </Typography.Title>
          <HistoryList history={detail.history} steps={detail.steps} />
          <ActionDialog
            action={acting}
            detail={detail}
            onCancel={() => setActing(null)}
            onSubmit={(action, body) =>
              run(action, body).catch((e) => {
                void message.error(problemMessage(i18n, e));
              })
            }
          />
        </>
      )}
    </Drawer>
  );
}
