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

/*
 * Administrative rank of each org type: 0 is the ministry, larger numbers sit lower in the
 * tree. A child's type must rank strictly below its parent's, so a county bureau cannot hold a
 * "city" or "province" inside itself and route reviews through it. Documented exceptions:
 * - a county-level bureau may sit directly under a province (省直辖县级行政单位, the districts
 *   of 直辖市), which the strict rule allows anyway (3 below 1);
 * - schools, enterprises and other bodies are not authorities: they share the lowest rank and
 *   may sit under any org that is not a school (a 教育集团 recorded as `other` may hold schools).
 */
export const ORG_TYPE_RANK: Readonly<Record<OrgType, number>> = {
  ministry: 0,
  department: 1,
  affiliated_unit: 1,
  university: 1,
  provincial_authority: 1,
  city_authority: 2,
  county_authority: 3,
  school: 4,
  enterprise: 4,
  other: 4,
};

/** Types that exercise authority over the orgs below them (review, quotas, reports). */
export const AUTHORITY_TYPES: readonly OrgType[] = [
  'ministry',
  'department',
  'affiliated_unit',
  'university',
  'provincial_authority',
  'city_authority',
  'county_authority',
];

export const isAuthorityType = (type: string): boolean => (AUTHORITY_TYPES as readonly string[]).includes(type);

/** Whether an org of `childType` may sit directly under one of `parentType`. */
export function canContain(parentType: string, childType: string): boolean {
  const parent = ORG_TYPE_RANK[parentType as OrgType];
  const child = ORG_TYPE_RANK[childType as OrgType];
  if (parent === undefined || child === undefined || parentType === 'school' || childType === 'ministry') return false;
  if (child > parent) return true;
  return !isAuthorityType(childType) && !isAuthorityType(parentType);
}

/*
 * Administrative levels of the tree, national first. Today the tree is re-derived from org
 * types in five places (core/workflow routing.ts AUTHORITY_TYPE, modules/campaigns
 * recommendation.ts AUTHORITY_OF, campaign.service.ts ORGANISER_TYPES, application.service.ts,
 * and bench/workflow-todo-seed.ts): each maps a level to exactly one type, the ministry standing
 * for the national level. adminLevelOf keeps that mapping, so the contract's ancestorAtLevel
 * answers what those places compute:
 * - ministry → national; provincial_authority → province; city_authority → city;
 *   county_authority → county; school → school;
 * - department, affiliated_unit and university sit at rank 1 beside the provinces but are not
 *   the national authority (no review or quota is routed to them), and enterprise and other are
 *   not authorities: all five have no level (null).
 * Since a child's type ranks below its parent's, a path holds at most one org of each level.
 */
export const ADMIN_LEVELS = ['national', 'province', 'city', 'county', 'school'] as const;

export type AdminLevel = (typeof ADMIN_LEVELS)[number];

const ADMIN_LEVEL_OF: Readonly<Record<OrgType, AdminLevel | null>> = {
  ministry: 'national',
  department: null,
  affiliated_unit: null,
  university: null,
  provincial_authority: 'province',
  city_authority: 'city',
  county_authority: 'county',
  school: 'school',
  enterprise: null,
  other: null,
};

/** The administrative level an org of `type` stands for; null for types that stand for none. */
export const adminLevelOf = (type: OrgType): AdminLevel | null => ADMIN_LEVEL_OF[type] ?? null;
