import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageShell } from '#ui';
import { reviewApi, type ReviewView } from '../api.ts';
import { ScoringDrawer } from '../components/scoring-drawer.tsx';
import { ApplicationValues } from '../components/application-values.tsx';
import { formatTime } from '../components/format-time.ts';

type Filter = 'pending' | 'submitted' | 'all';

// Unscored reviews of a closed campaign can no longer be scored: they are not waiting for the expert.
const isPending = (r: ReviewView) => !r.submittedAt && r.editable;

/** The expert's own marks, read-only, per rubric criterion (what stays once the review has closed). */
function MyMarks({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  if (!review.marks)
    return review.editable ? null : <Typography.Text type="secondary">{t('campaigns:web.reviews.noMarks')}</Typography.Text>;
  const marks = review.marks;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('campaigns:web.reviews.myMarks')}
      styles={{ label: { width: 150 } }}
      items={[
        ...review.rubric.map((c) => ({ key: c.id, label: c.name, children: `${marks[c.id] ?? '—'} / ${c.max}` })),
        ...(review.comment
          ? [
              {
                key: 'comment',
                label: t('campaigns:web.reviews.comment'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{review.comment}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}

/** 专家评审: the applications drawn for the expert, to read and mark against each campaign's rubric. */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reviews, setReviews] = useState<ReviewView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>('pending');
  const [scoring, setScoring] = useState<ReviewView | null>(null);
  const load = useCallback(() => {
    setError(null);
    reviewApi.mine().then(setReviews, setError);
  }, []);
  useEffect(load, [load]);

  const pending = (reviews ?? []).filter(isPending).length;
  const submitted = (reviews ?? []).filter((r) => r.submittedAt).length;
  const shown = useMemo(
    () => (reviews ?? []).filter((r) => filter === 'all' || (filter === 'pending' ? isPending(r) : !!r.submittedAt)),
    [reviews, filter],
  );

  return (
    <PageShell title={t('campaigns:web.reviews.title')} description={t('campaigns:web.reviews.description')}>
      {error && !reviews ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Statistic title={t('campaigns:web.reviews.pending')} value={pending} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('campaigns:web.reviews.submitted')} value={submitted} />
            </Col>
          </Row>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(['pending', 'submitted', 'all'] as const).map((f) => ({ value: f, label: t(`campaigns:web.reviews.filter.${f}`) }))}
          />
          <Table<ReviewView>
            rowKey="id"
            loading={!reviews}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowRender: (r) => (
                <Card size="small">
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    <ApplicationValues form={r.form} values={r.values} />
                    <MyMarks review={r} />
                  </Space>
                </Card>
              ),
            }}
            locale={{
              emptyText: (
                <EmptyState
                  description={t(
                    filter === 'pending' && (reviews?.length ?? 0) > 0 ? 'campaigns:web.reviews.allDone' : 'campaigns:web.reviews.empty',
                  )}
                />
              ),
            }}
            columns={[
              {
                key: 'title',
                title: t('campaigns:web.reviews.columns.title'),
                render: (_, r) => (
                  <div>
                    <Typography.Text strong>{r.title}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.campaignTitle}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { key: 'category', title: t('campaigns:web.reviews.columns.category'), dataIndex: 'categoryName' },
              { key: 'org', title: t('campaigns:web.reviews.columns.org'), dataIndex: 'orgName' },
              {
                key: 'assignedAt',
                title: t('campaigns:web.reviews.columns.assignedAt'),
                render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.assignedAt)}</span>,
              },
              {
                key: 'status',
                title: t('campaigns:web.reviews.columns.status'),
                render: (_, r) => {
                  if (r.submittedAt) return <Tag color="success">{t('campaigns:web.reviews.submitted')}</Tag>;
                  return r.editable ? (
                    <Tag color="processing">{t('campaigns:web.reviews.pending')}</Tag>
                  ) : (
                    <Tag>{t('campaigns:web.reviews.unscored')}</Tag>
                  );
                },
              },
              {
                key: 'total',
                title: t('campaigns:web.reviews.columns.total'),
                align: 'right',
                render: (_, r) => (r.total === null ? '—' : r.total.toFixed(2)),
              },
              // Once the campaign has left review the server refuses marks, so no button offers them.
              {
                key: 'actions',
                title: '',
                render: (_, r) =>
                  r.editable ? (
                    <Button size="small" type={r.submittedAt ? 'default' : 'primary'} onClick={() => setScoring(r)}>
                      {t(r.submittedAt ? 'campaigns:web.reviews.edit' : 'campaigns:web.reviews.score')}
                    </Button>
                  ) : (
                    <Tag>{t('campaigns:web.reviews.closed')}</Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
      <ScoringDrawer
        review={scoring}
        onClose={() => setScoring(null)}
        onSaved={(r) => {
          setScoring(null);
          void message.success(t('campaigns:web.reviews.saved', { title: r.title, total: r.total?.toFixed(2) ?? '' }));
          load();
        }}
      />
    </PageShell>
  );
}
