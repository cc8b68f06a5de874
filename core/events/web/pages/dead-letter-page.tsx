import { useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, DataTable, PageShell, problemMessage, useSession, type DataColumn } from '#ui';
import { eventsApi, type DeliveryView } from '../api.ts';

const formatTime = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

/** Deliveries a subscriber failed too often: what, to whom, why; retry once the cause is fixed, or discard. */
export default function DeadLetterPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('events.delivery.manage');
  const isEnglish = i18n.resolvedLanguage === 'en';
  const [reloadToken, setReloadToken] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = () => setReloadToken((n) => n + 1);

  const subscriberOf = (d: DeliveryView) =>
    d.subscriberLabel ? (isEnglish ? d.subscriberLabel.en : d.subscriberLabel.zh) : d.subscriberId;
  const names = (d: DeliveryView) => ({ event: d.eventType, subscriber: subscriberOf(d) });

  async function retry(d: DeliveryView) {
    setBusy(d.id);
    try {
      await eventsApi.retry(d.id);
      void message.success(t('events:web.action.retried'));
      reload();
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setBusy(null);
    }
  }

  const columns: DataColumn<DeliveryView>[] = [
    {
      key: 'event',
      title: t('events:web.column.event'),
      render: (_, d) => (
        <div style={{ minWidth: 200, maxWidth: 280 }}>
          <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(d.payload, null, 2)}</pre>}>
            <Typography.Text strong aria-label={`${t('events:web.payload')} ${d.eventType}`}>
              {d.eventType}
            </Typography.Text>
          </Tooltip>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('events:web.publishedBy', { actor: d.publishedBy, time: formatTime(d.occurredAt) })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'subscriber',
      title: t('events:web.column.subscriber'),
      render: (_, d) => (
        <div style={{ minWidth: 160 }}>
          <Typography.Text>{subscriberOf(d)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.subscriberId}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'attempts', title: t('events:web.column.attempts'), render: (_, d) => t('events:web.attempts', { count: d.attempts }) },
    {
      key: 'lastError',
      title: t('events:web.column.lastError'),
      render: (_, d) => (
        <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 280 }}>
          {d.lastError ?? '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'updatedAt',
      title: t('events:web.column.updatedAt'),
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(d.updatedAt)}</span>,
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('events:web.column.actions'),
      render: (_, d) => (
        <Space size={0} wrap={false}>
          <Button
            type="link"
            size="small"
            loading={busy === d.id}
            aria-label={t('events:web.action.retryLabel', names(d))}
            onClick={() => void retry(d)}
          >
            {t('events:web.action.retry')}
          </Button>
          <ConfirmAction
            type="link"
            size="small"
            danger
            title={t('events:web.action.discardConfirm')}
            description={<div style={{ maxWidth: 340 }}>{t('events:web.action.discardHint')}</div>}
            successText={t('events:web.action.discarded')}
            onConfirm={async () => {
              await eventsApi.discard(d.id);
              reload();
            }}
            aria-label={t('events:web.action.discardLabel', names(d))}
          >
            {t('events:web.action.discard')}
          </ConfirmAction>
        </Space>
      ),
    });
  }

  return (
    <PageShell title={t('events:web.title')} description={t('events:web.description')}>
      <DataTable<DeliveryView>
        id="events.dead-letters"
        url={eventsApi.deadUrl}
        columns={columns}
        rowKey={(d) => d.id}
        reloadToken={reloadToken}
        emptyDescription={t('events:web.empty')}
      />
    </PageShell>
  );
}
