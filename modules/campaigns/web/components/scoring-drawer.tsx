import { useMemo } from 'react';
import { Descriptions, Form, Input, InputNumber, Progress, Space, Typography, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, FormDrawer } from '#ui';
import { weightedTotal } from '../../server/scoring.ts';
import { reviewApi, type ReviewView, type RubricCriterion } from '../api.ts';
import { ApplicationValues } from './application-values.tsx';

interface ScoreValues {
  marks: Record<string, number | null | undefined>;
  comment?: string;
}

/** The total the server will compute (server/scoring.ts), counting a criterion not yet marked as 0; null before any mark. */
export function previewTotal(rubric: RubricCriterion[], marks: ScoreValues['marks'] | undefined): number | null {
  const given = rubric.filter((c) => typeof marks?.[c.id] === 'number');
  if (given.length === 0) return null;
  return weightedTotal(
    rubric,
    Object.fromEntries(rubric.map((c) => [c.id, typeof marks?.[c.id] === 'number' ? (marks[c.id] as number) : 0])),
  );
}

function TotalPreview({ rubric }: { rubric: RubricCriterion[] }) {
  const { t } = useTranslation();
  const marks = Form.useWatch('marks', Form.useFormInstance<ScoreValues>());
  const total = previewTotal(rubric, marks);
  const marked = rubric.filter((c) => typeof marks?.[c.id] === 'number').length;
  return (
    <div
      role="status"
      aria-label={t('campaigns:web.reviews.total')}
      style={{ background: '#f5f7fb', borderRadius: 8, padding: '12px 16px', marginBottom: 16 }}
    >
      <Space align="baseline" size="middle" wrap>
        <Typography.Text type="secondary">{t('campaigns:web.reviews.total')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 24 }} data-testid="score-total">
          {total === null ? '—' : total.toFixed(2)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('campaigns:web.reviews.marked', { marked, count: rubric.length })}</Typography.Text>
      </Space>
      <Progress percent={total ?? 0} showInfo={false} size="small" />
    </div>
  );
}

/** The marks the server refused (`campaigns.marks_invalid` lists the criteria), under their inputs. */
function markRefusal(t: TFunction, review: ReviewView, form: FormInstance<ScoreValues>, error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'campaigns.marks_invalid') return;
  const criteria = (error.problem.params?.criteria ?? []) as string[];
  form.setFields(
    review.rubric
      .filter((c) => criteria.includes(c.id))
      .map((c) => ({ name: ['marks', c.id] as never, errors: [t('campaigns:web.reviews.outOfRange', { max: c.max })] })),
  );
}

/** An expert marks one assigned application against the rubric: one input per criterion, with the total as it will count. */
export function ScoringDrawer({
  review,
  onClose,
  onSaved,
}: {
  review: ReviewView | null;
  onClose: () => void;
  onSaved: (review: ReviewView) => void;
}) {
  const { t } = useTranslation();
  const initialValues = useMemo<Partial<ScoreValues>>(() => ({ marks: review?.marks ?? {}, comment: review?.comment ?? '' }), [review]);
  return (
    <FormDrawer<ScoreValues>
      open={!!review}
      width={620}
      title={review ? t('campaigns:web.reviews.drawerTitle', { title: review.title }) : ''}
      submitText={t('campaigns:web.reviews.submit')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values, form) => {
        if (!review) return;
        const marks = Object.fromEntries(review.rubric.map((c) => [c.id, values.marks?.[c.id] as number]));
        try {
          onSaved(await reviewApi.submit(review.id, { marks, comment: values.comment?.trim() || undefined }));
        } catch (e) {
          markRefusal(t, review, form, e);
          throw e;
        }
      }}
    >
      {review && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'campaign', label: t('campaigns:web.reviews.columns.campaign'), children: review.campaignTitle },
              { key: 'category', label: t('campaigns:web.reviews.columns.category'), children: review.categoryName },
              { key: 'org', label: t('campaigns:web.reviews.columns.org'), children: review.orgName },
            ]}
          />
          {/* The expert marks what the applicant submitted, so it stays in view while marking. */}
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('campaigns:web.application.values')}
          </Typography.Title>
          <div style={{ marginBottom: 16 }}>
            <ApplicationValues form={review.form} values={review.values} />
          </div>
          <TotalPreview rubric={review.rubric} />
          {review.rubric.map((c) => (
            <Form.Item
              key={c.id}
              name={['marks', c.id]}
              label={t('campaigns:web.reviews.criterion', { name: c.name, weight: c.weight, max: c.max })}
              rules={[{ required: true, message: t('campaigns:web.reviews.markRequired', { max: c.max }) }]}
            >
              <InputNumber id={`mark-${c.id}`} min={0} max={c.max} step={0.5} style={{ width: 160 }} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('campaigns:web.reviews.comment')}>
            <Input.TextArea id="review-comment" rows={4} maxLength={2000} showCount />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
