import { useMemo } from 'react';
import { Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '#ui';
import { jobsApi, type JobInfo, type JobRun } from '../api.ts';
import { ErrorText, formatTime, RunStatusTag, useEvery } from './job-cells.tsx';

const duration = (run: JobRun): number | null => (run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null);

/** A job's runs, newest first: when, where, which attempt, and what came of it. */
export function JobRunsDrawer({ job, onClose }: { job: JobInfo | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const every = useEvery();
  const columns = useMemo<DataColumn<JobRun>[]>(
    () => [
      {
        key: 'startedAt',
        title: t('jobs:web.runs.startedAt'),
        render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.startedAt)}</span>,
      },
      { key: 'status', title: t('jobs:web.runs.status'), render: (_, r) => <RunStatusTag status={r.status} /> },
      {
        key: 'duration',
        title: t('jobs:web.runs.duration'),
        align: 'right',
        render: (_, r) => {
          const ms = duration(r);
          if (ms === null) return '—';
          return ms < 1000
            ? t('jobs:web.runs.milliseconds', { value: ms })
            : t('jobs:web.runs.seconds', { value: (ms / 1000).toFixed(ms < 10_000 ? 1 : 0) });
        },
      },
      { key: 'attempt', title: t('jobs:web.runs.attempt'), align: 'right' },
      {
        key: 'result',
        title: t('jobs:web.runs.result'),
        render: (_, r) =>
          r.error ? (
            <ErrorText text={r.error} width={320} />
          ) : (
            <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: r.summary }}>
              {r.summary ?? '—'}
            </Typography.Text>
          ),
      },
      {
        key: 'instanceId',
        title: t('jobs:web.runs.instance'),
        defaultHidden: true,
        render: (_, r) => (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.instanceId}
          </Typography.Text>
        ),
      },
    ],
    [t],
  );

  return (
    <Drawer
      open={job !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={job ? t('jobs:web.runs.title', { label: isEnglish ? job.label.en : job.label.zh }) : ''}
    >
      {job && (
        <DataTable<JobRun>
          id="job-runs"
          url={jobsApi.runsUrl(job.id)}
          columns={columns}
          rowKey={(r) => r.id}
          filters={
            <Typography.Text type="secondary">
              {t('jobs:web.runs.schedule', { every: every(job.everySeconds), max: job.maxAttempts })}
            </Typography.Text>
          }
          emptyDescription={t('jobs:web.runs.empty')}
          defaultPageSize={10}
        />
      )}
    </Drawer>
  );
}
