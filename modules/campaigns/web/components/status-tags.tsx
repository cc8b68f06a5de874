import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, CampaignStatus } from '../api.ts';

const CAMPAIGN_COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'processing',
  reviewing: 'purple',
  publicity: 'warning',
  published: 'success',
};
const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  recommending: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  not_recommended: 'default',
  recommended: 'blue',
  selected: 'cyan',
  not_selected: 'default',
  awarded: 'success',
};

/** 草稿 / 申报中 / 评审中 / 公示中 / 已发布. */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={CAMPAIGN_COLORS[status]}>{t(`campaigns:web.status.${status}`)}</Tag>;
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={APPLICATION_COLORS[status]}>{t(`campaigns:web.applicationStatus.${status}`)}</Tag>;
}

export const APPLICATION_STATUSES = Object.keys(APPLICATION_COLORS) as ApplicationStatus[];
