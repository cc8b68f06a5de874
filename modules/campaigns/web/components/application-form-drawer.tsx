import { useMemo } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, FormDrawer, useSession } from '#ui';
import { campaignApi, type ApplicationView, type CampaignView, type FormField } from '../api.ts';
import { eligibleCategories, useCurrentOrgType } from './applicant-eligibility.ts';

type Problem = 'required' | 'type' | 'too_long' | 'not_an_option' | 'out_of_range' | 'unknown';
type FormValues = { categoryCode: string; title: string } & Record<string, string | number | Dayjs | null | undefined>;

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** The words under a field for a problem the server (server/application-form.ts) or the form found. */
export function fieldProblemText(t: TFunction, field: FormField, problem: Problem): string {
  const k = (key: string) => `campaigns:web.form.problem.${key}`;
  switch (problem) {
    case 'required':
      return t(k(field.type === 'select' || field.type === 'date' ? 'choose' : 'required'), { label: field.label });
    case 'too_long':
      return t(k('too_long'), { max: field.maxLength });
    case 'not_an_option':
      return t(k('not_an_option'));
    case 'out_of_range':
      return t(k('out_of_range'), { range: rangeText(t, field) });
    case 'type':
      return t(k(field.type === 'url' ? 'url' : field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'type'));
    default:
      return t(k('unknown'));
  }
}

/** "0 ~ 100", "不小于 0" or "不大于 100". */
export function rangeText(t: TFunction, field: FormField): string {
  if (field.min !== undefined && field.max !== undefined) return t('campaigns:web.form.rangeBoth', { min: field.min, max: field.max });
  return field.min !== undefined
    ? t('campaigns:web.form.rangeMin', { min: field.min })
    : t('campaigns:web.form.rangeMax', { max: field.max });
}

function rulesFor(t: TFunction, field: FormField): Rule[] {
  const rules: Rule[] = [];
  const isText = field.type === 'text' || field.type === 'textarea' || field.type === 'url';
  // `whitespace` makes the check a string check, which a number or a date would fail.
  if (field.required)
    rules.push({ required: true, ...(isText ? { whitespace: true } : {}), message: fieldProblemText(t, field, 'required') });
  if (field.maxLength && isText) rules.push({ max: field.maxLength, message: fieldProblemText(t, field, 'too_long') });
  if (field.type === 'url') rules.push({ pattern: URL_PATTERN, message: fieldProblemText(t, field, 'type') });
  return rules;
}

// Prefixed: a form key such as `title` must not collide with another element's id.
const fieldId = (field: FormField) => `application-${field.key}`;

/** The control for one form field; Form.Item hands it `value`, `onChange` and the rest, which go straight to the control. */
function FieldInput({ field, ...control }: { field: FormField; value?: unknown; onChange?: (value: unknown) => void }) {
  const { t } = useTranslation();
  const props = { ...control, id: fieldId(field) } as Record<string, unknown>;
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea {...props} rows={4} maxLength={field.maxLength} showCount={!!field.maxLength} />;
    case 'number':
      return <InputNumber {...props} min={field.min} max={field.max} style={{ width: 200 }} />;
    case 'select':
      return (
        <Select
          {...props}
          showSearch
          allowClear
          placeholder={t('campaigns:web.form.choose')}
          options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
        />
      );
    case 'date':
      return <DatePicker {...props} />;
    case 'url':
      return <Input {...props} maxLength={field.maxLength} placeholder="https://" />;
    default:
      return <Input {...props} maxLength={field.maxLength} />;
  }
}

/** The form's values as the server takes them: dates as YYYY-MM-DD, empty ones left out. */
function formValues(form: FormField[], values: FormValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of form) {
    const v = values[field.key];
    if (v === undefined || v === null || v === '') continue;
    out[field.key] = typeof v === 'object' ? v.format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/**
 * The server lists every field's problem while FormDrawer marks only `params.field` with the
 * summary: give each field its own words, then let FormDrawer show the summary above the form.
 */
function markServerProblems(t: TFunction, fields: FormField[], form: FormInstance<FormValues>, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'campaigns.form_invalid') return error;
  const problems = (error.problem.params?.problems ?? []) as Array<{ field: string; problem: Problem }>;
  const marked = problems.flatMap((p) => {
    const field = fields.find((f) => f.key === p.field);
    return field ? [{ name: field.key as never, errors: [fieldProblemText(t, field, p.problem)] }] : [];
  });
  if (marked.length === 0) return error;
  form.setFields(marked);
  const { field: _field, ...params } = error.problem.params ?? {};
  return new ApiError({ ...error.problem, params });
}

/** 我要申报: the campaign's own form (rules.form), for the current org, in an eligible category. */
export function ApplicationFormDrawer({
  campaign,
  onClose,
  onSubmitted,
}: {
  campaign: CampaignView | null;
  onClose: () => void;
  onSubmitted: (application: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const orgType = useCurrentOrgType();
  const categories = useMemo(() => (campaign ? eligibleCategories(campaign.rules, orgType) : []), [campaign, orgType]);
  const initialValues = useMemo<Partial<FormValues>>(
    () => (categories.length === 1 ? { categoryCode: categories[0].code } : {}),
    [categories],
  );
  const fields = campaign?.rules.form ?? [];

  return (
    <FormDrawer<FormValues>
      open={!!campaign}
      width={600}
      title={campaign ? t('campaigns:web.form.title', { campaign: campaign.title }) : ''}
      submitText={t('campaigns:web.form.submit')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values, form) => {
        if (!campaign) return;
        try {
          onSubmitted(
            await campaignApi.submit(campaign.id, {
              categoryCode: values.categoryCode,
              orgId: currentOrg.id,
              title: values.title.trim(),
              values: formValues(fields, values),
            }),
          );
        } catch (e) {
          throw markServerProblems(t, fields, form, e);
        }
      }}
    >
      <Form.Item label={t('campaigns:web.form.org')} extra={t('campaigns:web.form.orgHint')}>
        <Typography.Text strong>{currentOrg.name}</Typography.Text>
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('campaigns:web.form.category')}
        rules={[{ required: true, message: t('campaigns:web.form.categoryRequired') }]}
      >
        <Select
          id="application-category"
          placeholder={t('campaigns:web.form.choose')}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('campaigns:web.form.titleLabel')}
        extra={t('campaigns:web.form.titleHint')}
        rules={[
          { required: true, whitespace: true, message: t('campaigns:web.form.titleRequired') },
          { min: 2, message: t('campaigns:web.form.titleRequired') },
        ]}
      >
        <Input id="application-title" maxLength={200} />
      </Form.Item>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={field.key}
          htmlFor={fieldId(field)}
          label={field.label}
          rules={rulesFor(t, field)}
          extra={
            field.type === 'number' && (field.min !== undefined || field.max !== undefined)
              ? t('campaigns:web.form.range', { range: rangeText(t, field) })
              : undefined
          }
        >
          <FieldInput field={field} />
        </Form.Item>
      ))}
    </FormDrawer>
  );
}
