import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, ConfirmAction, EmptyState, ErrorState, FormDrawer, problemMessage } from '#ui';
import { campaignApi, outcomeApi, publicListPath, type CampaignView, type ObjectionView } from '../api.ts';
import { formatTime } from './format-time.ts';

const OBJECTION_COLORS = { open: 'warning', upheld: 'error', dismissed: 'default' } as const;

function ResolveDrawer({
  objection,
  onClose,
  onResolved,
}: {
  objection: ObjectionView | null;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDrawer<{ decision: 'upheld' | 'dismissed'; resolution: string }>
      open={!!objection}
      title={t('campaigns:web.publicity.resolveTitle')}
      onClose={onClose}
      submitText={t('campaigns:web.publicity.resolveSubmit')}
      onSubmit={async (values) => {
        if (objection) {
          await outcomeApi.resolveObjection(objection.id, { decision: values.decision, resolution: values.resolution.trim() });
          onResolved();
        }
      }}
    >
      {objection && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'application', label: t('campaigns:web.publicity.columns.application'), children: objection.applicationTitle },
            {
              key: 'filer',
              label: t('campaigns:web.publicity.columns.filer'),
              children: `${objection.filerName}（${objection.filerPhone}）`,
            },
            {
              key: 'text',
              label: t('campaigns:web.publicity.columns.text'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{objection.text}</span>,
            },
          ]}
        />
      )}
      <Form.Item
        name="decision"
        label={t('campaigns:web.publicity.decision')}
        rules={[{ required: true, message: t('campaigns:web.publicity.decisionRequired') }]}
      >
        <Radio.Group
          id="objection-decision"
          options={[
            { value: 'dismissed', label: t('campaigns:web.publicity.dismissed') },
            { value: 'upheld', label: t('campaigns:web.publicity.upheld') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="resolution"
        label={t('campaigns:web.publicity.resolution')}
        extra={t('campaigns:web.publicity.resolutionHint')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('campaigns:web.publicity.resolutionRequired') }]}
      >
        <Input.TextArea id="objection-resolution" rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}

/** 公示与发布: put the selected list on public display, rule on objections, publish with certificates, export the list. */
export function PublicityTab({ campaign, onChanged }: { campaign: CampaignView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | null>(campaign.rules.publicityDays);
  const [objections, setObjections] = useState<ObjectionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [resolving, setResolving] = useState<ObjectionView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const shown = campaign.status === 'publicity' || campaign.status === 'published';
  const load = useCallback(() => {
    if (shown) {
      setError(null);
      outcomeApi.objections(campaign.id).then(setObjections, setError);
    }
  }, [campaign.id, shown]);
  useEffect(load, [load]);
  const publicUrl = `${window.location.origin}${publicListPath(campaign.id)}`;
  const open = (objections ?? []).filter((o) => o.status === 'open').length;
  const hasUpheld = (objections ?? []).some((o) => o.status === 'upheld');

  async function exportList() {
    setExporting(true);
    try {
      await campaignApi.downloadWinners(campaign.id, i18n.resolvedLanguage === 'en' ? 'en' : undefined);
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {campaign.status === 'reviewing' && (
        <Card size="small" title={t('campaigns:web.publicity.startTitle')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('campaigns:web.publicity.startHint')}</Typography.Text>
            <Space wrap>
              <span>{t('campaigns:web.publicity.days')}</span>
              <InputNumber
                aria-label={t('campaigns:web.publicity.days')}
                min={1}
                max={60}
                precision={0}
                value={days}
                onChange={setDays}
                style={{ width: 100 }}
              />
              <ConfirmAction
                type="primary"
                title={t('campaigns:web.publicity.startConfirm', { days: days ?? campaign.rules.publicityDays })}
                successText={t('campaigns:web.publicity.started')}
                onConfirm={async () => {
                  await outcomeApi.startPublicity(campaign.id, days ?? undefined);
                  onChanged();
                }}
              >
                {t('campaigns:web.publicity.start')}
              </ConfirmAction>
            </Space>
          </Space>
        </Card>
      )}
      {shown && (
        <Card
          size="small"
          title={t(campaign.status === 'published' ? 'campaigns:web.publicity.publishedTitle' : 'campaigns:web.publicity.periodTitle')}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'period',
                label: t('campaigns:web.publicity.period'),
                children: `${formatTime(campaign.publicityFrom)} — ${formatTime(campaign.publicityUntil)}`,
              },
              ...(campaign.publishedAt
                ? [{ key: 'published', label: t('campaigns:web.publicity.publishedAt'), children: formatTime(campaign.publishedAt) }]
                : []),
              {
                key: 'link',
                label: t('campaigns:web.publicity.link'),
                children: (
                  <Space wrap>
                    <Typography.Text
                      copyable={{ text: publicUrl, tooltips: [t('campaigns:web.publicity.copy'), t('campaigns:web.publicity.copied')] }}
                    >
                      {publicUrl}
                    </Typography.Text>
                    <Button size="small" icon={<ExportOutlined />} href={publicListPath(campaign.id)} target="_blank" rel="noopener">
                      {t('campaigns:web.publicity.openPublic')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {campaign.status === 'publicity' && hasUpheld && (
        <Card size="small" title={t('campaigns:web.publicity.backfillTitle')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('campaigns:web.publicity.backfillHint')}</Typography.Text>
            <ConfirmAction
              title={t('campaigns:web.publicity.backfillConfirm')}
              description={t('campaigns:web.publicity.backfillDescription', { days: campaign.rules.publicityDays })}
              onConfirm={async () => {
                const { promoted, publicityUntil } = await outcomeApi.backfill(campaign.id);
                if (promoted.length === 0) void message.info(t('campaigns:web.publicity.backfillNone'));
                else
                  void message.success(
                    t('campaigns:web.publicity.backfilled', {
                      count: promoted.length,
                      titles: new Intl.ListFormat(i18n.resolvedLanguage, { type: 'conjunction' }).format(
                        promoted.map((p) => `“${p.title}”`),
                      ),
                      until: formatTime(publicityUntil),
                    }),
                  );
                load();
                onChanged();
              }}
            >
              {t('campaigns:web.publicity.backfill')}
            </ConfirmAction>
          </Space>
        </Card>
      )}
      <Space wrap>
        {campaign.status === 'publicity' && (
          <ConfirmAction
            type="primary"
            title={t('campaigns:web.publicity.publishConfirm')}
            description={t('campaigns:web.publicity.publishHint')}
            onConfirm={async () => {
              setRefusal(null);
              try {
                const { certificates } = await outcomeApi.publish(campaign.id);
                void message.success(t('campaigns:web.publicity.published', { count: certificates }));
                onChanged();
              } catch (e) {
                // The server's refusal (公示未满, 异议未处理) stays on the page, not in a passing toast;
                // the end of the display comes as an ISO time, shown as the page shows times.
                const until = e instanceof ApiError ? e.problem.params?.until : undefined;
                setRefusal(
                  problemMessage(
                    i18n,
                    typeof until === 'string' && e instanceof ApiError
                      ? new ApiError({ ...e.problem, params: { ...e.problem.params, until: formatTime(until) } })
                      : e,
                  ),
                );
              }
            }}
          >
            {t('campaigns:web.publicity.publish')}
          </ConfirmAction>
        )}
        {(campaign.counts.selected > 0 || shown) && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
            {t('campaigns:web.publicity.export')}
          </Button>
        )}
      </Space>
      {refusal && <Alert type="error" showIcon closable={{ onClose: () => setRefusal(null) }} title={refusal} role="alert" />}
      {shown && (
        <Card
          size="small"
          title={t('campaigns:web.publicity.objections')}
          extra={open > 0 && <Tag color="warning">{t('campaigns:web.publicity.openCount', { count: open })}</Tag>}
        >
          {error && !objections ? (
            <ErrorState error={error} onRetry={load} />
          ) : (
            <Table<ObjectionView>
              size="small"
              rowKey="id"
              loading={!objections}
              dataSource={objections ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyState description={t('campaigns:web.publicity.noObjections')} /> }}
              columns={[
                { key: 'application', title: t('campaigns:web.publicity.columns.application'), dataIndex: 'applicationTitle' },
                {
                  key: 'filer',
                  title: t('campaigns:web.publicity.columns.filer'),
                  render: (_, o) => (
                    <Space orientation="vertical" size={0}>
                      <span>{o.filerName}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {o.filerPhone}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: 'text',
                  title: t('campaigns:web.publicity.columns.text'),
                  width: '32%',
                  render: (_, o) => (
                    <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                      {o.text}
                    </Typography.Paragraph>
                  ),
                },
                {
                  key: 'createdAt',
                  title: t('campaigns:web.publicity.columns.createdAt'),
                  render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(o.createdAt)}</span>,
                },
                {
                  key: 'status',
                  title: t('campaigns:web.publicity.columns.status'),
                  render: (_, o) => (
                    <Tag color={OBJECTION_COLORS[o.status]}>{t(`campaigns:web.publicity.objectionStatus.${o.status}`)}</Tag>
                  ),
                },
                {
                  key: 'resolution',
                  title: t('campaigns:web.publicity.columns.resolution'),
                  width: '24%',
                  render: (_, o) =>
                    o.status === 'open' ? (
                      <Button size="small" type="primary" onClick={() => setResolving(o)}>
                        {t('campaigns:web.publicity.resolve')}
                      </Button>
                    ) : (
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                        {o.resolution}
                      </Typography.Paragraph>
                    ),
                },
              ]}
            />
          )}
        </Card>
      )}
      <ResolveDrawer
        objection={resolving}
        onClose={() => setResolving(null)}
        onResolved={() => {
          setResolving(null);
          void message.success(t('campaigns:web.publicity.resolved'));
          load();
          onChanged();
        }}
      />
    </Space>
  );
}
