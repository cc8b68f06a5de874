import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, FormDrawer } from '#ui';
import { CERTIFICATE_PATH, publicApi, type PublicList } from '../api.ts';
import { formatTime } from '../components/format-time.ts';

type Entry = PublicList['entries'][number];
interface ObjectionValues {
  applicationId: string;
  name: string;
  phone: string;
  text: string;
}

/** The 公示 list anyone may read without signing in, and the real-name objection form while the display lasts. */
export default function PublicListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [list, setList] = useState<PublicList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [objecting, setObjecting] = useState(false);
  const [filed, setFiled] = useState(false);
  // Phones get one column per entry instead of a table wider than the screen.
  const narrow = !Grid.useBreakpoint().md;
  const load = useCallback(() => {
    setError(null);
    publicApi.list(id).then(setList, setError);
  }, [id]);
  useEffect(load, [load]);

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!list)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  const published = list.status === 'published';
  const objectionsOpen = list.status === 'publicity' && !!list.publicityUntil && Date.now() < Date.parse(list.publicityUntil);
  const objectButton = (
    <Button type="primary" onClick={() => setObjecting(true)}>
      {t('campaigns:web.public.object')}
    </Button>
  );
  const certificateLink = (e: Entry) =>
    e.certificateNumber ? <a href={`${CERTIFICATE_PATH}?number=${encodeURIComponent(e.certificateNumber)}`}>{e.certificateNumber}</a> : '—';
  const columns: ColumnsType<Entry> = narrow
    ? [
        { key: 'n', title: '#', width: 40, render: (_, _e, i) => i + 1 },
        {
          key: 'entry',
          title: t('campaigns:web.public.columns.title'),
          render: (_, e) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{e.title}</Typography.Text>
              <Typography.Text type="secondary">
                {e.categoryName} · {e.applicantName}
              </Typography.Text>
              <Typography.Text type="secondary">{e.orgName}</Typography.Text>
              {published && (
                <span>
                  <Typography.Text type="secondary">{t('campaigns:web.public.columns.certificate')}</Typography.Text> {certificateLink(e)}
                </span>
              )}
            </Space>
          ),
        },
      ]
    : [
        { key: 'n', title: '#', width: 56, render: (_, _e, i) => i + 1 },
        { key: 'category', title: t('campaigns:web.public.columns.category'), dataIndex: 'categoryName' },
        { key: 'title', title: t('campaigns:web.public.columns.title'), dataIndex: 'title' },
        { key: 'applicant', title: t('campaigns:web.public.columns.applicant'), dataIndex: 'applicantName' },
        { key: 'org', title: t('campaigns:web.public.columns.org'), dataIndex: 'orgName' },
        ...(published
          ? [
              {
                key: 'certificate',
                title: t('campaigns:web.public.columns.certificate'),
                render: (_: unknown, e: Entry) => certificateLink(e),
              },
            ]
          : []),
      ];

  return (
    <Card
      styles={{ header: { paddingBlock: 12 } }}
      title={
        // The status sits with the title rather than in `extra`, which squeezed a long title on a phone.
        <Space size={[12, 4]} wrap align="center">
          <h1 style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>{list.title}</h1>
          <Tag color={published ? 'success' : 'warning'}>
            {t(published ? 'campaigns:web.public.published' : 'campaigns:web.public.onDisplay')}
          </Tag>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'organiser', label: t('campaigns:web.public.organiser'), children: list.organiser },
          {
            key: 'period',
            label: t('campaigns:web.public.period'),
            children: `${formatTime(list.publicityFrom)} — ${formatTime(list.publicityUntil)}`,
          },
        ]}
      />
      <Alert
        type={published ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          published
            ? 'campaigns:web.public.publishedNote'
            : objectionsOpen
              ? 'campaigns:web.public.displayNote'
              : 'campaigns:web.public.displayOver',
          { count: list.entries.length },
        )}
        action={objectionsOpen && !filed && !narrow ? objectButton : undefined}
        description={objectionsOpen && !filed && narrow ? <div style={{ marginTop: 8 }}>{objectButton}</div> : undefined}
      />
      {filed && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('campaigns:web.public.filed')} />}
      <Table<Entry>
        rowKey="applicationId"
        dataSource={list.entries}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={narrow ? undefined : { x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={t('campaigns:web.public.empty')} /> }}
        columns={columns}
      />
      <FormDrawer<ObjectionValues>
        open={objecting}
        title={t('campaigns:web.public.objectTitle')}
        submitText={t('campaigns:web.public.objectSubmit')}
        onClose={() => setObjecting(false)}
        onSubmit={async (values) => {
          await publicApi.object(id, {
            applicationId: values.applicationId,
            name: values.name.trim(),
            phone: values.phone.trim(),
            text: values.text.trim(),
          });
          setObjecting(false);
          setFiled(true);
        }}
      >
        <Typography.Paragraph type="secondary">{t('campaigns:web.public.objectHint')}</Typography.Paragraph>
        <Form.Item
          name="applicationId"
          label={t('campaigns:web.public.application')}
          rules={[{ required: true, message: t('campaigns:web.public.applicationRequired') }]}
        >
          <Select
            id="objection-application"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('campaigns:web.form.choose')}
            options={list.entries.map((e) => ({ value: e.applicationId, label: `${e.title}（${e.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('campaigns:web.public.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 30, message: t('campaigns:web.public.nameRequired') }]}
        >
          <Input id="objection-name" maxLength={30} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('campaigns:web.public.phone')}
          extra={t('campaigns:web.public.phoneHint')}
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('campaigns:web.public.phoneInvalid') }]}
        >
          <Input id="objection-phone" maxLength={11} inputMode="numeric" autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('campaigns:web.public.text')}
          rules={[{ required: true, whitespace: true, min: 10, message: t('campaigns:web.public.textRequired') }]}
        >
          <Input.TextArea id="objection-text" rows={6} maxLength={5000} showCount />
        </Form.Item>
      </FormDrawer>
    </Card>
  );
}
