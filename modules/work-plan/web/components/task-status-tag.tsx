import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskProgress, TaskStatus } from '../api.ts';
import { formatCount } from './target-tag.tsx';

const COLORS: Record<TaskStatus, string> = { not_started: 'default', in_progress: 'processing', done: 'success', late: 'error' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`work-plan:web.status.${status}`)}</Tag>;
}

/** One report's figures under their targets' names; a figure the unit left out reads 未报送, never 0. */
export function ReportFigures({
  figures,
  targets,
}: {
  figures: Array<{ targetId: string; value: number | null }>;
  targets: TaskProgress['targets'];
}) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  const text = (value: number | null) => (value === null ? t('work-plan:web.progress.notReported') : formatCount(value));
  return <div>{figures.map((f) => `${targets.find((g) => g.id === f.targetId)?.object ?? ''} ${text(f.value)}`).join('；')}</div>;
}

/** Each target's figure against it, as a bar: "4 / 30个 典型区域". */
export function TargetProgressList({ targets }: { targets: TaskProgress['targets'] }) {
  const { t } = useTranslation();
  if (targets.length === 0) return <Typography.Text type="secondary">{t('work-plan:web.detail.noTargets')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%', minWidth: 260 }} size={4}>
      {targets.map((g) => (
        <div key={g.id}>
          <Typography.Text style={{ fontSize: 12 }}>
            {g.value === null ? '—' : formatCount(g.value)} / {formatCount(g.count)}
            {g.unit} {g.object}
            {g.indicatorId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {t('work-plan:web.progress.bound', { id: g.indicatorId })}
              </Typography.Text>
            )}
          </Typography.Text>
          <Progress
            percent={Math.round(g.share * 100)}
            size="small"
            status={g.isMet ? 'success' : 'normal'}
            aria-label={`${g.object} ${Math.round(g.share * 100)}%`}
          />
        </div>
      ))}
    </Space>
  );
}
