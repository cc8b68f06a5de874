import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Label, WorkflowState } from '../api.ts';

/** Picks the reader's language from a label the server sends in both. */
export function usePick(): (label: Label | null | undefined) => string {
  const { i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return (label) => (label ? (english ? label.en : label.zh) : '');
}

export const formatTime = (at: string | null | undefined): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

const STATE_COLORS: Record<WorkflowState, string> = {
  in_progress: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function StateTag({ state }: { state: WorkflowState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`workflow:web.state.${state}`)}</Tag>;
}

/** The due time, red with an 已逾期 tag once passed. */
export function DueCell({ dueAt, isOverdue }: { dueAt: string | null; isOverdue: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">{t('workflow:web.noDeadline')}</Typography.Text>;
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={isOverdue ? 'danger' : undefined}>{formatTime(dueAt)}</Typography.Text>
      {isOverdue && <Tag color="error">{t('workflow:web.overdue')}</Tag>}
    </Space>
  );
}

/** 加签 / 转办 / 逾期上报: how a task reached its holder, when not simply by the route. */
export function OriginTag({ origin }: { origin: string }) {
  const { t } = useTranslation();
  const text = t(`workflow:web.origin.${origin}`, { defaultValue: '' });
  return text ? <Tag color={origin === 'escalated' ? 'volcano' : 'blue'}>{text}</Tag> : null;
}
