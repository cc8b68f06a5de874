import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Tabs, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataTable, PageShell, problemMessage, type DataColumn } from '#ui';
import { announceInboxChanged, inboxApi, inboxLanguage, useInboxChanged, type InboxItem } from '../api.ts';
import { formatTime, InboxMessage } from '../components/inbox-message.tsx';

type Tab = 'all' | 'unread';

/** 消息中心: the signed-in user's messages, all or unread, newest first; a click opens the message's page. */
export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('all');
  const [reloadToken, setReloadToken] = useState(0);
  const reload = useCallback(() => setReloadToken((n) => n + 1), []);
  // The bell marks messages read too; the list follows it.
  useInboxChanged(reload);

  async function markRead(item: InboxItem) {
    if (item.readAt !== null) return;
    await inboxApi.markRead(item.id);
    announceInboxChanged();
  }

  async function open(item: InboxItem) {
    try {
      await markRead(item);
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    }
    if (item.link) navigate(item.link);
  }

  async function markAllRead() {
    try {
      const { marked } = await inboxApi.markAllRead();
      void message.success(marked > 0 ? t('notify:web.inbox.markedAll', { count: marked }) : t('notify:web.inbox.nothingUnread'));
      announceInboxChanged();
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the cell renderers read i18n, markRead and message at click time; rebuilding the columns for them would reset the table
  const columns = useMemo<DataColumn<InboxItem>[]>(
    () => [
      {
        key: 'message',
        title: t('notify:web.inbox.column.message'),
        render: (_, item) => <InboxMessage item={item} lines={3} />,
        width: '70%',
      },
      {
        key: 'createdAt',
        title: t('notify:web.inbox.column.time'),
        render: (_, item) => (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {formatTime(item.createdAt)}
          </Typography.Text>
        ),
      },
      {
        key: 'action',
        title: t('notify:web.inbox.column.action'),
        render: (_, item) =>
          item.readAt === null ? (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={(click) => {
                click.stopPropagation();
                void markRead(item).catch((e: unknown) => void message.error(problemMessage(i18n, e)));
              }}
            >
              {t('notify:web.inbox.markRead')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('notify:web.inbox.status.read')}</Typography.Text>
          ),
      },
      // markRead and message only close over stable values.
    ],
    [t],
  );

  return (
    <PageShell
      title={t('notify:web.inbox.title')}
      description={t('notify:web.inbox.description')}
      actions={
        <Button icon={<CheckOutlined />} onClick={() => void markAllRead()}>
          {t('notify:web.inbox.markAllRead')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'all', label: t('notify:web.inbox.all') },
          { key: 'unread', label: t('notify:web.inbox.unread') },
        ]}
        style={{ marginTop: -8 }}
      />
      <DataTable<InboxItem>
        id="notify-inbox"
        url="/api/notify/inbox"
        query={{ unread: tab === 'unread' ? true : undefined, lang: inboxLanguage(i18n) }}
        columns={columns}
        rowKey={(item) => item.id}
        reloadToken={reloadToken}
        emptyDescription={tab === 'unread' ? t('notify:web.inbox.emptyUnread') : t('notify:web.inbox.empty')}
        onRow={(item) => ({ onClick: () => void open(item), style: { cursor: item.link ? 'pointer' : undefined } })}
      />
    </PageShell>
  );
}
