import { useCallback, useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState, formatBytes, problemMessage } from '#ui';
import { reportApi, type ReportView, type TaskProgress } from '../api.ts';
import { ReportFigures, TargetProgressList, TaskStatusTag } from './task-status-tag.tsx';

const REPORT_COLORS = { submitted: 'processing', accepted: 'success', returned: 'warning' } as const;

/** A task's status, targets against figures, and its reports; reviewers accept or return them. */
export function TaskProgressDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [returning, setReturning] = useState<ReportView | null>(null);
  const [comment, setComment] = useState('');

  const load = useCallback(() => {
    if (!taskId) return;
    setError(null);
    Promise.all([reportApi.progress(taskId), reportApi.reports(taskId)]).then(([p, r]) => {
      setProgress(p);
      setReports(r);
    }, setError);
  }, [taskId]);
  useEffect(() => {
    setProgress(null);
    setReports(null);
    load();
  }, [load]);

  async function review(report: ReportView, decision: 'accept' | 'return', text?: string) {
    try {
      await reportApi.review(report.id, decision, text);
      void message.success(t('work-plan:web.progress.reviewed'));
      setReturning(null);
      setComment('');
      load();
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    }
  }

  return (
    <Drawer
      open={!!taskId}
      size={640}
      onClose={onClose}
      title={progress ? t('work-plan:web.progress.title', { number: progress.number }) : ''}
    >
      {error ? (
        <ErrorState error={error} onRetry={load} />
      ) : !progress || !reports ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'task', label: t('work-plan:web.myTasks.columns.task'), children: progress.title },
              { key: 'status', label: t('work-plan:web.myTasks.columns.status'), children: <TaskStatusTag status={progress.status} /> },
              { key: 'due', label: t('work-plan:web.myTasks.columns.due'), children: progress.dueDate ?? '—' },
              {
                key: 'targets',
                label: t('work-plan:web.myTasks.columns.targets'),
                children: <TargetProgressList targets={progress.targets} />,
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('work-plan:web.progress.reports')}
          </Typography.Title>
          {reports.length === 0 ? (
            <Empty description={t('work-plan:web.report.none')} />
          ) : (
            <List
              dataSource={reports}
              renderItem={(r) => (
                <List.Item
                  actions={
                    r.status === 'submitted' && progress.canReview
                      ? [
                          <Button key="a" size="small" type="primary" onClick={() => void review(r, 'accept')}>
                            {t('work-plan:web.progress.accept')}
                          </Button>,
                          <Button key="r" size="small" onClick={() => setReturning(r)}>
                            {t('work-plan:web.progress.return')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        {r.orgName}
                        <Typography.Text type="secondary">{r.reportDate}</Typography.Text>
                        <Tag color={REPORT_COLORS[r.status]}>{t(`work-plan:web.progress.${r.status}`)}</Tag>
                      </Space>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap', color: '#1f2937' }}>{r.text}</div>
                        <ReportFigures figures={r.figures} targets={progress.targets} />
                        {r.files.length > 0 && (
                          <div>
                            {r.files.map((f) => (
                              <div key={f.id}>
                                <PaperClipOutlined />{' '}
                                <a href={`/api/files/${f.id}/content`} download={f.name}>
                                  {f.name}
                                </a>{' '}
                                <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
                              </div>
                            ))}
                          </div>
                        )}
                        {r.reviewComment && (
                          <Typography.Text type="warning">
                            {t('work-plan:web.progress.comment')}：{r.reviewComment}
                          </Typography.Text>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
          <Modal
            open={!!returning}
            title={t('work-plan:web.progress.returnTitle')}
            onCancel={() => setReturning(null)}
            okButtonProps={{ disabled: !comment.trim() }}
            onOk={() => returning && void review(returning, 'return', comment)}
          >
            <Input.TextArea
              aria-label={t('work-plan:web.progress.comment')}
              placeholder={t('work-plan:web.progress.commentRequired')}
              rows={4}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Modal>
        </>
      )}
    </Drawer>
  );
}
