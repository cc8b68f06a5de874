import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../api.ts';

export const formatTime = (at: string, short = false) => dayjs(at).format(short ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');

/** A message's title (bold while unread, after a blue dot) and its body, clamped to `lines`. */
export function InboxMessage({ item, lines = 2 }: { item: InboxItem; lines?: number }) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span
          {...(unread ? { role: 'img', 'aria-label': t('notify:web.inbox.status.unread') } : { 'aria-hidden': true })}
          style={{ flex: 'none', width: 8, height: 8, borderRadius: 4, background: unread ? '#1d4ed8' : 'transparent' }}
        />
        <Typography.Text strong={unread} style={{ color: unread ? undefined : '#4b5563' }}>
          {item.title}
        </Typography.Text>
      </div>
      {item.body && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: lines, tooltip: item.body }}
          style={{ margin: '2px 0 0 16px', fontSize: 13 }}
        >
          {item.body}
        </Typography.Paragraph>
      )}
    </div>
  );
}
