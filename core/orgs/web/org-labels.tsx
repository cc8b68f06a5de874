import type { TFunction } from 'i18next';
import {
  ApartmentOutlined,
  BankOutlined,
  ClusterOutlined,
  HomeOutlined,
  ReadOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ORG_TYPE_LABELS, ORG_TYPES, SCHOOL_STAGE_LABELS, SCHOOL_STAGES, type OrgType, type SchoolStage } from '../contract/org-types.ts';

// The contract's Chinese labels are the fallback, so a type added there shows before its translation.
export const orgTypeLabel = (t: TFunction, type: string): string =>
  t(`orgs:web.type.${type}`, { defaultValue: ORG_TYPE_LABELS[type as OrgType] ?? type });

export const schoolStageLabel = (t: TFunction, stage: string | null | undefined): string =>
  stage ? t(`orgs:web.stage.${stage}`, { defaultValue: SCHOOL_STAGE_LABELS[stage as SchoolStage] ?? stage }) : '';

/** Types a user may create: there is only one ministry, seeded with the platform. */
export const creatableTypes = ORG_TYPES.filter((type) => type !== 'ministry');

export const typeOptions = (t: TFunction, types: readonly OrgType[] = creatableTypes) =>
  types.map((type) => ({ value: type, label: orgTypeLabel(t, type) }));

export const stageOptions = (t: TFunction) => SCHOOL_STAGES.map((stage) => ({ value: stage, label: schoolStageLabel(t, stage) }));

/** What a new org under this parent most likely is, to preselect in the form. */
export function likelyChildType(parentType: string): OrgType {
  switch (parentType) {
    case 'ministry':
      return 'department';
    case 'provincial_authority':
      return 'city_authority';
    case 'city_authority':
      return 'county_authority';
    default:
      return 'school';
  }
}

const ICONS: Record<OrgType, typeof BankOutlined> = {
  ministry: BankOutlined,
  department: TeamOutlined,
  affiliated_unit: ClusterOutlined,
  university: ReadOutlined,
  provincial_authority: ApartmentOutlined,
  city_authority: ApartmentOutlined,
  county_authority: ApartmentOutlined,
  school: HomeOutlined,
  enterprise: ShopOutlined,
  other: ClusterOutlined,
};

/** The icon of an org type, named by its label for screen readers. */
export function OrgTypeIcon({ type, t }: { type: string; t: TFunction }) {
  const Icon = ICONS[type as OrgType] ?? ClusterOutlined;
  return <Icon aria-label={orgTypeLabel(t, type)} />;
}
