import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Badge, Button, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, problemMessage } from '#ui';
import { announceInboxChanged, inboxApi, inboxLanguage, useUnreadCount, type InboxItem } from '../api.ts';
import { formatTime, InboxMessage } from './inbox-message.tsx';

const LATEST = 6;

/** The header's bell: the unread count, and on click the latest messages with a way to the inbox. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { unread, capped } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    setFailed(false);
    try {
      setItems((await inboxApi.list({ page: 1, pageSize: LATEST, lang: inboxLanguage(i18n) })).items);
    } catch {
      setFailed(true);
    }
  }

  function toggle(next: boolean) {
    setOpen(next);
    if (next) void load();
  }

  async function openItem(item: InboxItem) {
    setOpen(false);
    try {
      if (item.readAt === null) {
        await inboxApi.markRead(item.id);
        announceInboxChanged();
      }
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    }
    navigate(item.link ?? '/notify/inbox');
  }

  async function markAllRead() {
    try {
      await inboxApi.markAllRead();
      announceInboxChanged();
      await load();
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    }
  }

  const panel = (
    <div style={{ width: 360 }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '0 4px 8px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong>{t('notify:web.bell.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void markAllRead()}>
          {t('notify:web.bell.markAllRead')}
        </Button>
      </div>
      <div style={{ maxHeight: 400, overflowY: 'auto' }}>
        {failed ? (
          <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
            {t('notify:web.bell.loadFailed')}
          </Typography.Paragraph>
        ) : items === null ? (
          <div style={{ padding: 24, textAlign: 'center' }}>
            <Spin />
          </div>
        ) : items.length === 0 ? (
          <EmptyState description={t('notify:web.bell.empty')} />
        ) : (
          <ul aria-label={t('notify:web.bell.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <li key={item.id} style={{ borderBottom: '1px solid #f5f5f5' }}>
                <button
                  type="button"
                  onClick={() => void openItem(item)}
                  className="notify-bell-item"
                  style={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'left',
                    background: 'none',
                    border: 0,
                    padding: '10px 4px',
                    cursor: 'pointer',
                  }}
                >
                  <InboxMessage item={item} lines={2} />
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 16 }}>
                    {formatTime(item.createdAt, true)}
                  </Typography.Text>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div style={{ textAlign: 'center', paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/notify/inbox');
          }}
        >
          {t('notify:web.bell.viewAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover content={panel} trigger="click" placement="bottomRight" open={open} onOpenChange={toggle} arrow={false}>
      <button
        type="button"
        aria-label={unread > 0 ? t('notify:web.bell.unreadLabel', { count: capped ? `${unread}+` : unread }) : t('notify:web.bell.label')}
        style={{ background: 'none', border: 0, cursor: 'pointer', padding: 4, display: 'flex', alignItems: 'center' }}
      >
        <Badge count={unread} overflowCount={99} size="small">
          <BellOutlined style={{ fontSize: 18, color: '#374151' }} />
        </Badge>
      </button>
    </Popover>
  );
}
