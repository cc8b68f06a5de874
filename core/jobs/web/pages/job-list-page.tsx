import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState, PageShell, problemMessage, useSession } from '#ui';
import { jobsApi, type JobInfo } from '../api.ts';
import { ErrorText, formatTime, JobStateTag, useEvery } from '../components/job-cells.tsx';
import { JobRunsDrawer } from '../components/job-runs-drawer.tsx';

/** The scheduled jobs of every module: when each runs next, how its last run went, and its history. */
export default function JobListPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const every = useEvery();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const canRun = can('jobs.job.run');
  const [jobs, setJobs] = useState<JobInfo[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [viewing, setViewing] = useState<JobInfo | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setJobs(await jobsApi.list());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const labelOf = (job: JobInfo) => (isEnglish ? job.label.en : job.label.zh);

  async function act(job: JobInfo, action: 'runNow' | 'resume', done: string) {
    setBusy(`${action}:${job.id}`);
    try {
      await jobsApi[action](job.id);
      void message.success(done);
      await load();
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setBusy(null);
    }
  }

  const actions = (job: JobInfo) => (
    <Space size={0} wrap={false}>
      {canRun && !job.isPaused && (
        <Button
          type="link"
          size="small"
          loading={busy === `runNow:${job.id}`}
          aria-label={t('jobs:web.action.runLabel', { label: labelOf(job) })}
          onClick={() => void act(job, 'runNow', t('jobs:web.action.runQueued', { label: labelOf(job) }))}
        >
          {t('jobs:web.action.run')}
        </Button>
      )}
      {canRun && !job.isPaused && (
        <ConfirmAction
          type="link"
          size="small"
          title={t('jobs:web.action.pauseConfirm', { label: labelOf(job) })}
          description={<div style={{ maxWidth: 340 }}>{t('jobs:web.action.pauseHint')}</div>}
          successText={t('jobs:web.action.paused')}
          onConfirm={async () => {
            await jobsApi.pause(job.id);
            await load();
          }}
          aria-label={t('jobs:web.action.pauseLabel', { label: labelOf(job) })}
        >
          {t('jobs:web.action.pause')}
        </ConfirmAction>
      )}
      {canRun && job.isPaused && (
        <Button
          type="link"
          size="small"
          loading={busy === `resume:${job.id}`}
          aria-label={t('jobs:web.action.resumeLabel', { label: labelOf(job) })}
          onClick={() => void act(job, 'resume', t('jobs:web.action.resumed'))}
        >
          {t('jobs:web.action.resume')}
        </Button>
      )}
      <Button
        type="link"
        size="small"
        onClick={() => setViewing(job)}
        aria-label={t('jobs:web.action.historyLabel', { label: labelOf(job) })}
      >
        {t('jobs:web.action.history')}
      </Button>
    </Space>
  );

  return (
    <PageShell title={t('jobs:web.title')} description={t('jobs:web.description')}>
      {error && !jobs ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {jobs ? t('jobs:web.summary', { total: jobs.length, paused: jobs.filter((j) => j.isPaused).length }) : ''}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} aria-label={t('jobs:web.reload')} onClick={() => void load()} />
          </div>
          <Table<JobInfo>
            size="middle"
            rowKey="id"
            loading={loading}
            dataSource={jobs ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState description={t('jobs:web.empty')} /> }}
            columns={[
              {
                key: 'job',
                title: t('jobs:web.column.job'),
                render: (_, j) => (
                  <div style={{ minWidth: 160, maxWidth: 240 }}>
                    <Typography.Text strong>{labelOf(j)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {j.id}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              {
                key: 'every',
                title: t('jobs:web.column.every'),
                render: (_, j) => <span style={{ whiteSpace: 'nowrap' }}>{every(j.everySeconds)}</span>,
              },
              {
                key: 'state',
                title: t('jobs:web.column.state'),
                // The last failure's message sits under its tag, so that the actions stay in view on a laptop.
                render: (_, j) => (
                  <div>
                    <JobStateTag job={j} />
                    {j.lastStatus === 'failed' && (
                      <div style={{ marginTop: 4 }}>
                        <ErrorText text={j.lastError} width={240} />
                      </div>
                    )}
                  </div>
                ),
              },
              {
                key: 'nextRunAt',
                title: t('jobs:web.column.nextRunAt'),
                render: (_, j) => (
                  <span style={{ whiteSpace: 'nowrap', color: j.isPaused ? '#9ca3af' : undefined }}>{formatTime(j.nextRunAt)}</span>
                ),
              },
              {
                key: 'lastFinishedAt',
                title: t('jobs:web.column.lastRunAt'),
                render: (_, j) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(j.lastFinishedAt)}</span>,
              },
              { key: 'actions', title: t('jobs:web.column.actions'), render: (_, j) => actions(j) },
            ]}
          />
        </>
      )}
      <JobRunsDrawer job={viewing} onClose={() => setViewing(null)} />
    </PageShell>
  );
}
