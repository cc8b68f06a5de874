// Vocabulary shared by the org server code and its clients. Kept free of
// runtime dependencies so the web app can import it as well.

export const ORG_TYPES = [
  'ministry',
  'department',
  'affiliated_unit',
  'university',
  'provincial_authority',
  'city_authority',
  'county_authority',
  'school',
  'enterprise',
  'other',
] as const;

export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Readonly<Record<OrgType, string>> = {
  ministry: '教育部',
  department: '部内司局',
  affiliated_unit: '直属单位',
  university: '部属高校',
  provincial_authority: '省级教育行政部门',
  city_authority: '地市教育局',
  county_authority: '区县教育局',
  school: '学校',
  enterprise: '企业',
  other: '其他',
};

export const SCHOOL_STAGES = [
  'kindergarten',
  'primary',
  'junior',
  'senior',
  'complete_secondary',
  'nine_year',
  'twelve_year',
  'secondary_vocational',
  'higher_vocational',
  'undergraduate',
  'open_university',
  'special',
] as const;

export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const SCHOOL_STAGE_LABELS: Readonly<Record<SchoolStage, string>> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  complete_secondary: '完全中学',
  nine_year: '九年一贯制',
  twelve_year: '十二年一贯制',
  secondary_vocational: '中职',
  higher_vocational: '高职',
  undergraduate: '本科',
  open_university: '开放大学',
  special: '特殊教育',
};
