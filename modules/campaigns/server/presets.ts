import type { OrgType } from '#core/orgs/contract/org-types.ts';
import type { CampaignRules, CampaignType, CategoryRule, FormField, RubricCriterion } from '../contract/campaign-rules.ts';

// The figures are the seed's (2020年教育信息化和网络安全工作要点, tasks 8, 17 and 18); the
// rubrics and form fields are sensible starting points an organiser edits before opening.

const AUTHORITIES: OrgType[] = ['provincial_authority', 'city_authority', 'county_authority'];
const SCHOOLS: OrgType[] = ['school', 'university'];

const category = (code: string, name: string, quota: number, kind: CategoryRule['kind'], applicantOrgTypes: OrgType[]): CategoryRule => ({
  code,
  name,
  quota,
  kind,
  applicantOrgTypes,
});

const SUMMARY: FormField[] = [
  { key: 'summary', label: '申报简介', type: 'textarea', required: true, maxLength: 2000 },
  { key: 'evidenceUrl', label: '成果展示网址', type: 'url', required: false, maxLength: 500 },
];

const PRACTICE_RUBRIC: RubricCriterion[] = [
  { id: 'plan', name: '规划与机制', weight: 20, max: 10 },
  { id: 'infrastructure', name: '基础环境', weight: 20, max: 10 },
  { id: 'application', name: '应用成效', weight: 40, max: 10 },
  { id: 'innovation', name: '特色与创新', weight: 20, max: 10 },
];

const LESSON_RUBRIC: RubricCriterion[] = [
  { id: 'design', name: '教学设计', weight: 30, max: 10 },
  { id: 'integration', name: '信息技术融合', weight: 30, max: 10 },
  { id: 'effect', name: '教学效果', weight: 25, max: 10 },
  { id: 'resources', name: '资源质量', weight: 15, max: 10 },
];

const LESSON_FORM: FormField[] = [
  { key: 'stage', label: '学段', type: 'select', required: true, options: ['小学', '初中', '高中'] },
  {
    key: 'grade',
    label: '年级',
    type: 'select',
    required: true,
    options: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三'],
  },
  {
    key: 'subject',
    label: '学科',
    type: 'select',
    required: true,
    options: [
      '语文',
      '数学',
      '英语',
      '道德与法治',
      '历史',
      '地理',
      '物理',
      '化学',
      '生物',
      '科学',
      '信息技术',
      '音乐',
      '美术',
      '体育与健康',
    ],
  },
  { key: 'edition', label: '教材版本', type: 'text', required: true, maxLength: 50 },
  { key: 'node', label: '教材章节（知识节点）', type: 'text', required: true, maxLength: 100 },
  { key: 'lessonUrl', label: '课例网址', type: 'url', required: true, maxLength: 500 },
  { key: 'summary', label: '教学设计说明', type: 'textarea', required: true, maxLength: 2000 },
];

const base = { levelQuotas: [], uniqueness: [], regionCaps: [], expertsPerApplication: 3, minScore: 60, publicityDays: 7 };

export const PRESETS: Record<CampaignType, { title: string; rules: CampaignRules }> = {
  // Task 17: 启动百区千校万课引领行动 — nine quotas.
  benchmark: {
    title: '百区千校万课引领行动',
    rules: {
      ...base,
      categories: [
        category('region', '典型区域', 30, 'region', AUTHORITIES),
        category('school_basic', '基础教育标杆学校', 300, 'school', ['school']),
        category('school_vocational', '职业教育标杆学校', 50, 'school', ['school']),
        category('school_higher', '高等教育标杆学校', 30, 'school', ['university', 'school']),
        category('school_continuing', '继续教育标杆学校', 20, 'school', SCHOOLS),
        category('lesson_basic', '基础教育示范课例', 3000, 'lesson', ['school']),
        category('lesson_vocational', '职业教育示范课例', 200, 'lesson', ['school']),
        category('course_mooc', '国家精品在线开放课程', 800, 'course', ['university', 'school']),
        category('lesson_continuing', '继续教育示范课例', 40, 'lesson', SCHOOLS),
      ],
      levelQuotas: [{ level: 'province', share: 0.3, minimum: 1 }],
      uniqueness: [
        { id: 'one_per_applicant', label: '同一单位同一类别只能入选一项', fields: ['applicantOrg', 'category'], within: 'campaign' },
      ],
      rubric: PRACTICE_RUBRIC,
      form: SUMMARY,
    },
  },
  // Task 8 (一师一优课，一课一名师): 晒课 → 县优 → 市优 → 省优 → 部优.
  excellent_lesson: {
    title: '“一师一优课、一课一名师”活动',
    rules: {
      ...base,
      categories: [category('lesson', '部级优课', 800, 'lesson', ['school'])],
      levelQuotas: [
        { level: 'county', share: 0.2, minimum: 1 },
        { level: 'city', share: 0.5, minimum: 1 },
      ],
      uniqueness: [
        {
          id: 'one_per_node',
          label: '同一省份同一年级、学科、教材版本、章节只评一堂优课',
          fields: ['grade', 'subject', 'edition', 'node'],
          within: 'province',
        },
        { id: 'one_per_teacher', label: '每位教师只评一堂优课', fields: ['applicant'], within: 'campaign' },
      ],
      regionCaps: [{ level: 'province', max: 800 }],
      rubric: LESSON_RUBRIC,
      form: LESSON_FORM,
    },
  },
  // Task 8: 网络学习空间应用普及活动 — 40 excellent regions and 200 excellent schools.
  space_popularization: {
    title: '网络学习空间应用普及活动',
    rules: {
      ...base,
      categories: [
        category('region', '网络学习空间应用优秀区域', 40, 'region', AUTHORITIES),
        category('school', '网络学习空间应用优秀学校', 200, 'school', SCHOOLS),
      ],
      uniqueness: [{ id: 'one_per_applicant', label: '同一单位只能入选一次', fields: ['applicantOrg'], within: 'campaign' }],
      rubric: PRACTICE_RUBRIC,
      form: [...SUMMARY, { key: 'spaceCount', label: '已开通实名空间数', type: 'number', required: true, min: 0 }],
    },
  },
  // Task 18: 智慧教育示范区 — new zones ("5个以上") and yearly performance reviews of earlier ones.
  smart_zone: {
    title: '智慧教育示范区创建与绩效评估',
    rules: {
      ...base,
      categories: [
        category('creation', '新增创建区域', 5, 'region', AUTHORITIES),
        category('review', '年度绩效评估', 100, 'region', AUTHORITIES),
      ],
      uniqueness: [{ id: 'one_per_applicant', label: '同一区域每年只能申报一项', fields: ['applicantOrg'], within: 'campaign' }],
      rubric: PRACTICE_RUBRIC,
      form: [...SUMMARY, { key: 'plan', label: '创建方案或年度报告要点', type: 'textarea', required: true, maxLength: 5000 }],
      expertsPerApplication: 5,
    },
  },
};
