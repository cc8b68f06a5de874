import { Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, PauseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { JobInfo, JobRun } from '../api.ts';

export const formatTime = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');

/** "每 15 分钟": the period in its largest whole unit. */
export function useEvery(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    if (seconds % 86400 === 0) return t('jobs:web.every.days', { count: seconds / 86400 });
    if (seconds % 3600 === 0) return t('jobs:web.every.hours', { count: seconds / 3600 });
    if (seconds % 60 === 0) return t('jobs:web.every.minutes', { count: seconds / 60 });
    return t('jobs:web.every.seconds', { count: seconds });
  };
}

/** Where a job stands: running, paused, retrying, or the outcome of its last run. */
export function JobStateTag({ job }: { job: JobInfo }) {
  const { t } = useTranslation();
  if (job.runningOn)
    return (
      <Tooltip title={t('jobs:web.state.runningOn', { instance: job.runningOn })}>
        <Tag icon={<SyncOutlined spin />} color="processing">
          {t('jobs:web.state.running')}
        </Tag>
      </Tooltip>
    );
  if (job.isPaused)
    return (
      <Tag icon={<PauseCircleOutlined />} color="default">
        {t('jobs:web.state.paused')}
      </Tag>
    );
  if (job.attempts > 0)
    return (
      <Tag icon={<ClockCircleOutlined />} color="warning">
        {t('jobs:web.state.retrying', { attempt: job.attempts + 1, max: job.maxAttempts })}
      </Tag>
    );
  if (job.lastStatus === 'ok')
    return (
      <Tag icon={<CheckCircleOutlined />} color="success">
        {t('jobs:web.state.ok')}
      </Tag>
    );
  if (job.lastStatus === 'failed')
    return (
      <Tag icon={<CloseCircleOutlined />} color="error">
        {t('jobs:web.state.failed')}
      </Tag>
    );
  return <Tag>{t('jobs:web.state.never')}</Tag>;
}

const RUN_COLORS: Record<JobRun['status'], string> = { running: 'processing', ok: 'success', failed: 'error' };

export function RunStatusTag({ status }: { status: JobRun['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={RUN_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`jobs:web.runStatus.${status}`)}
    </Tag>
  );
}

/** A failure's message, shortened in the table; the whole text on hover. */
export function ErrorText({ text, width = 280 }: { text: string | null; width?: number }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type="danger" ellipsis={{ tooltip: text }} style={{ maxWidth: width }}>
      {text}
    </Typography.Text>
  );
}
