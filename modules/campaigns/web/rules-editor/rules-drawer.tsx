import { useMemo } from 'react';
import { Button, Checkbox, DatePicker, Divider, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '#ui';
import { ORG_TYPES, ORG_TYPE_LABELS } from '#core/orgs/contract/org-types.ts';
import { campaignApi, type CampaignView, type FormField } from '../api.ts';
import { BUILT_IN_UNIQUE_FIELDS, LEVELS, nextCode, toFormValues, toUpdate, weightTotal, type RulesFormValues } from './rules-form.ts';

const KINDS = ['region', 'school', 'lesson', 'course'] as const;
const FIELD_TYPES: FormField['type'][] = ['text', 'textarea', 'number', 'select', 'url', 'date'];
const k = (key: string) => `campaigns:web.rules.${key}`;

function Section({ title, hint }: { title: string; hint?: string }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 24 }}>
        {title}
      </Divider>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {hint}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** A row of a list: its inputs side by side (wrapping on a narrow screen), the remove button at the end of the first line. */
function ListRow({
  children,
  onRemove,
  removable,
  removeLabel,
}: {
  children: React.ReactNode;
  onRemove: () => void;
  removable: boolean;
  removeLabel: string;
}) {
  return (
    <div
      style={{
        position: 'relative',
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        flexWrap: 'wrap',
        borderBottom: '1px dashed #e5e7eb',
        padding: '8px 40px 0 0',
        marginBottom: 8,
      }}
    >
      {children}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={removeLabel}
        disabled={!removable}
        onClick={onRemove}
        style={{ position: 'absolute', right: 0, top: 38 }}
      />
    </div>
  );
}

function Categories({ t }: { t: TFunction }) {
  const categories = Form.useWatch('categories') as RulesFormValues['categories'] | undefined;
  const orgTypes = ORG_TYPES.map((type) => ({ value: type, label: t(`orgs:web.type.${type}`, { defaultValue: ORG_TYPE_LABELS[type] }) }));
  return (
    <Form.List name="categories">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <ListRow key={field.key} onRemove={() => remove(field.name)} removable={fields.length > 1} removeLabel={t(k('remove'))}>
              <Form.Item name={[field.name, 'code']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                label={t(k('categoryName'))}
                style={{ flex: '2 1 180px', marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t(k('categoryNameRequired')) }]}
              >
                <Input id={`rules-category-${index}-name`} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'quota']}
                label={t('campaigns:web.overview.quota')}
                style={{ flex: '0 0 110px', marginBottom: 8 }}
                rules={[{ required: true, message: t(k('quotaRequired')) }]}
              >
                <InputNumber id={`rules-category-${index}-quota`} min={1} max={100_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'kind']}
                label={t('campaigns:web.overview.kind')}
                style={{ flex: '0 0 100px', marginBottom: 8 }}
                rules={[{ required: true }]}
              >
                <Select options={KINDS.map((kind) => ({ value: kind, label: t(`campaigns:web.kind.${kind}`) }))} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'applicantOrgTypes']}
                label={t('campaigns:web.overview.applicantTypes')}
                style={{ flex: '3 1 220px', marginBottom: 8 }}
                rules={[{ required: true, type: 'array', min: 1, message: t(k('applicantTypesRequired')) }]}
              >
                <Select mode="multiple" options={orgTypes} />
              </Form.Item>
            </ListRow>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                code: nextCode(
                  'category_',
                  (categories ?? []).map((c) => c?.code ?? ''),
                ),
                name: '',
                quota: 10,
                kind: 'school',
                applicantOrgTypes: ['school'],
              })
            }
          >
            {t(k('addCategory'))}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function LevelQuotas({ t }: { t: TFunction }) {
  return (
    <>
      {LEVELS.map((level) => (
        <div key={level} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Form.Item
            name={['levels', level, 'mode']}
            label={t(k('levelMode'), { level: t(`campaigns:web.level.${level}`) })}
            style={{ flex: '0 0 180px', marginBottom: 8 }}
          >
            <Select
              id={`rules-level-${level}`}
              options={(['none', 'share', 'max'] as const).map((mode) => ({ value: mode, label: t(k(`mode.${mode}`)) }))}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={[['levels', level, 'mode']]}>
            {({ getFieldValue }) => {
              const mode = getFieldValue(['levels', level, 'mode']);
              if (mode === 'none') return null;
              return (
                <>
                  {mode === 'share' ? (
                    <Form.Item
                      name={['levels', level, 'percent']}
                      label={t(k('percent'))}
                      style={{ flex: '0 0 140px', marginBottom: 8 }}
                      rules={[{ required: true, message: t(k('percentRequired')) }]}
                    >
                      <InputNumber id={`rules-level-${level}-percent`} min={0.1} max={100} step={5} suffix="%" style={{ width: '100%' }} />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name={['levels', level, 'max']}
                      label={t(k('max'))}
                      style={{ flex: '0 0 140px', marginBottom: 8 }}
                      rules={[{ required: true, message: t(k('maxRequired')) }]}
                    >
                      <InputNumber id={`rules-level-${level}-max`} min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  )}
                  <Form.Item name={['levels', level, 'minimum']} label={t(k('minimum'))} style={{ flex: '0 0 140px', marginBottom: 8 }}>
                    <InputNumber id={`rules-level-${level}-minimum`} min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
        </div>
      ))}
    </>
  );
}

function Rubric({ t }: { t: TFunction }) {
  const rubric = Form.useWatch('rubric') as RulesFormValues['rubric'] | undefined;
  const total = weightTotal(rubric);
  return (
    <Form.List
      name="rubric"
      rules={[
        {
          validator: async (_, value: RulesFormValues['rubric'] | undefined) => {
            if (weightTotal(value) !== 100) throw new Error(t(k('weightsMustTotal'), { total: weightTotal(value) }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <ListRow key={field.key} onRemove={() => remove(field.name)} removable={fields.length > 1} removeLabel={t(k('remove'))}>
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                label={t('campaigns:web.overview.criterion')}
                style={{ flex: '3 1 200px', marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t(k('criterionRequired')) }]}
              >
                <Input id={`rules-criterion-${index}-name`} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'weight']}
                label={t('campaigns:web.overview.weight')}
                style={{ flex: '0 0 120px', marginBottom: 8 }}
                rules={[{ required: true, message: t(k('weightRequired')) }]}
              >
                <InputNumber id={`rules-criterion-${index}-weight`} min={0.5} max={100} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'max']}
                label={t('campaigns:web.overview.max')}
                style={{ flex: '0 0 110px', marginBottom: 8 }}
                rules={[{ required: true, message: t(k('maxMarkRequired')) }]}
              >
                <InputNumber id={`rules-criterion-${index}-max`} min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </ListRow>
          ))}
          <Typography.Text type={total === 100 ? 'secondary' : 'warning'} style={{ display: 'block', marginBottom: 8 }}>
            {t(k('weightTotal'), { total })}
          </Typography.Text>
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                id: nextCode(
                  'criterion_',
                  (rubric ?? []).map((c) => c?.id ?? ''),
                ),
                name: '',
                weight: undefined,
                max: 10,
              })
            }
          >
            {t(k('addCriterion'))}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function FormFields({ t }: { t: TFunction }) {
  const form = Form.useWatch('form') as FormField[] | undefined;
  return (
    <Form.List name="form">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <ListRow key={field.key} onRemove={() => remove(field.name)} removable removeLabel={t(k('remove'))}>
              <Form.Item name={[field.name, 'key']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'label']}
                label={t(k('fieldLabel'))}
                style={{ flex: '2 1 180px', marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t(k('fieldLabelRequired')) }]}
              >
                <Input id={`rules-field-${index}-label`} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'type']}
                label={t(k('fieldType'))}
                style={{ flex: '0 0 110px', marginBottom: 8 }}
                rules={[{ required: true }]}
              >
                <Select
                  id={`rules-field-${index}-type`}
                  options={FIELD_TYPES.map((type) => ({ value: type, label: t(`campaigns:web.fieldType.${type}`) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" label=" " style={{ flex: '0 0 70px', marginBottom: 8 }}>
                <Checkbox>{t('campaigns:web.overview.required')}</Checkbox>
              </Form.Item>
              <Form.Item noStyle dependencies={[['form', field.name, 'type']]}>
                {({ getFieldValue }) => {
                  const type = getFieldValue(['form', field.name, 'type']) as FormField['type'];
                  if (type === 'select')
                    return (
                      <Form.Item
                        name={[field.name, 'options']}
                        label={t(k('options'))}
                        style={{ flex: '1 1 100%', marginBottom: 8 }}
                        extra={t(k('optionsHint'))}
                        rules={[{ required: true, type: 'array', min: 1, message: t(k('optionsRequired')) }]}
                      >
                        <Select id={`rules-field-${index}-options`} mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
                      </Form.Item>
                    );
                  if (type === 'number')
                    return (
                      <>
                        <Form.Item name={[field.name, 'min']} label={t(k('min'))} style={{ flex: '0 0 120px', marginBottom: 8 }}>
                          <InputNumber style={{ width: '100%' }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'max']} label={t(k('maxValue'))} style={{ flex: '0 0 120px', marginBottom: 8 }}>
                          <InputNumber style={{ width: '100%' }} />
                        </Form.Item>
                      </>
                    );
                  if (type === 'text' || type === 'textarea' || type === 'url')
                    return (
                      <Form.Item name={[field.name, 'maxLength']} label={t(k('maxLength'))} style={{ flex: '0 0 140px', marginBottom: 8 }}>
                        <InputNumber min={1} max={20_000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    );
                  return null;
                }}
              </Form.Item>
            </ListRow>
          ))}
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('campaigns:web.overview.noForm')}</Typography.Paragraph>}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: nextCode(
                  'field',
                  (form ?? []).map((f) => f?.key ?? ''),
                ),
                label: '',
                type: 'text',
                required: false,
                maxLength: 200,
              })
            }
          >
            {t(k('addField'))}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function UniquenessRules({ t }: { t: TFunction }) {
  const form = Form.useWatch('form') as FormField[] | undefined;
  const uniqueness = Form.useWatch('uniqueness') as RulesFormValues['uniqueness'] | undefined;
  const fieldOptions = useMemo(
    () => [
      ...BUILT_IN_UNIQUE_FIELDS.map((f) => ({ value: f, label: t(k(`builtIn.${f}`)) })),
      ...(form ?? []).filter((f) => f?.key && f.label).map((f) => ({ value: f.key, label: f.label })),
    ],
    [form, t],
  );
  return (
    <Form.List name="uniqueness">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <ListRow key={field.key} onRemove={() => remove(field.name)} removable removeLabel={t(k('remove'))}>
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'label']}
                label={t(k('ruleLabel'))}
                style={{ flex: '1 1 100%', marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t(k('ruleLabelRequired')) }]}
              >
                <Input id={`rules-unique-${index}-label`} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'fields']}
                label={t(k('ruleFields'))}
                style={{ flex: '3 1 240px', marginBottom: 8 }}
                rules={[{ required: true, type: 'array', min: 1, message: t(k('ruleFieldsRequired')) }]}
              >
                <Select mode="multiple" options={fieldOptions} />
              </Form.Item>
              <Form.Item name={[field.name, 'within']} label={t(k('within'))} style={{ flex: '0 0 140px', marginBottom: 8 }}>
                <Select
                  options={(['campaign', 'province'] as const).map((w) => ({ value: w, label: t(`campaigns:web.overview.within.${w}`) }))}
                />
              </Form.Item>
            </ListRow>
          ))}
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('campaigns:web.overview.noUniqueness')}</Typography.Paragraph>}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                id: nextCode(
                  'rule_',
                  (uniqueness ?? []).map((u) => u?.id ?? ''),
                ),
                label: '',
                fields: [],
                within: 'campaign',
              })
            }
          >
            {t(k('addRule'))}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 编辑规则 (a draft only): the title and deadline, categories and quotas, recommendation quotas
 * per level, the province cap, the rubric, the application form and the uniqueness rules.
 */
export function RulesDrawer({
  campaign,
  open,
  onClose,
  onSaved,
}: {
  campaign: CampaignView;
  open: boolean;
  onClose: () => void;
  onSaved: (campaign: CampaignView) => void;
}) {
  const { t } = useTranslation();
  const initialValues = useMemo(() => toFormValues(campaign), [campaign]);
  return (
    <FormDrawer<RulesFormValues>
      open={open}
      width={880}
      title={t(k('title'))}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        onSaved(await campaignApi.update(campaign.id, toUpdate(values)));
      }}
    >
      <Typography.Paragraph type="secondary">{t(k('intro'))}</Typography.Paragraph>
      <Space wrap size="middle" align="start">
        <Form.Item
          name="title"
          label={t('campaigns:web.create.titleLabel')}
          style={{ width: 420 }}
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('campaigns:web.create.titleLength') }]}
        >
          <Input id="rules-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="applyUntil" label={t('campaigns:web.create.applyUntil')}>
          <DatePicker id="rules-apply-until" />
        </Form.Item>
      </Space>

      <Section title={t('campaigns:web.overview.categories')} hint={t(k('categoriesHint'))} />
      <Categories t={t} />

      <Section title={t('campaigns:web.overview.levelQuotas')} hint={t(k('levelsHint'))} />
      <LevelQuotas t={t} />

      <Section title={t('campaigns:web.overview.review')} />
      <Space wrap size="middle" align="start">
        <Form.Item name="provinceCap" label={t(k('provinceCap'))} extra={t(k('provinceCapHint'))} style={{ width: 200 }}>
          <InputNumber id="rules-province-cap" min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="expertsPerApplication"
          label={t(k('experts'))}
          style={{ width: 160 }}
          rules={[{ required: true, message: t(k('expertsRequired')) }]}
        >
          <InputNumber id="rules-experts" min={1} max={15} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="minScore"
          label={t(k('minScore'))}
          style={{ width: 160 }}
          rules={[{ required: true, message: t(k('minScoreRequired')) }]}
        >
          <InputNumber id="rules-min-score" min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="publicityDays"
          label={t(k('publicityDays'))}
          style={{ width: 160 }}
          rules={[{ required: true, message: t(k('publicityDaysRequired')) }]}
        >
          <InputNumber id="rules-publicity-days" min={1} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space>

      <Section title={t('campaigns:web.overview.rubric')} hint={t('campaigns:web.overview.rubricHint')} />
      <Rubric t={t} />

      <Section title={t('campaigns:web.overview.form')} hint={t(k('formHint'))} />
      <FormFields t={t} />

      <Section title={t('campaigns:web.overview.uniqueness')} hint={t(k('uniquenessHint'))} />
      <UniquenessRules t={t} />
    </FormDrawer>
  );
}
