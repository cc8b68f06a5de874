import { useMemo } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer, useSession } from '#ui';
import { CAMPAIGN_TYPE_OPTIONS, campaignApi, type CampaignType, type CampaignView } from '../api.ts';

interface CreateValues {
  type: CampaignType;
  year: number;
  title?: string;
  applyUntil?: Dayjs | null;
}

/** 新建评选: a draft from one of the four presets, organised by the current org (an education authority). */
export function CreateCampaignDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (campaign: CampaignView) => void;
}) {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const initialValues = useMemo<Partial<CreateValues>>(() => ({ type: 'excellent_lesson', year: new Date().getFullYear() }), []);
  return (
    <FormDrawer<CreateValues>
      open={open}
      title={t('campaigns:web.create.title')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        onCreated(
          await campaignApi.create({
            type: values.type,
            orgId: currentOrg.id,
            year: values.year,
            ...(values.title?.trim() ? { title: values.title.trim() } : {}),
            ...(values.applyUntil ? { applyUntil: values.applyUntil.format('YYYY-MM-DD') } : {}),
          }),
        );
      }}
    >
      <Form.Item name="type" label={t('campaigns:web.create.type')} rules={[{ required: true }]} extra={t('campaigns:web.create.typeHint')}>
        <Select
          id="campaign-type"
          options={CAMPAIGN_TYPE_OPTIONS.map((type) => ({ value: type, label: t(`campaigns:web.type.${type}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('campaigns:web.create.org')} extra={t('campaigns:web.create.orgHint')}>
        <Typography.Text strong>{currentOrg.name}</Typography.Text>
      </Form.Item>
      <Form.Item
        name="year"
        label={t('campaigns:web.create.year')}
        rules={[{ required: true, message: t('campaigns:web.create.yearRequired') }]}
      >
        <InputNumber id="campaign-year" min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('campaigns:web.create.titleLabel')}
        extra={t('campaigns:web.create.titleHint')}
        rules={[{ min: 2, max: 100, message: t('campaigns:web.create.titleLength') }]}
      >
        <Input id="campaign-title" maxLength={100} />
      </Form.Item>
      <Form.Item name="applyUntil" label={t('campaigns:web.create.applyUntil')}>
        <DatePicker id="campaign-apply-until" />
      </Form.Item>
    </FormDrawer>
  );
}
