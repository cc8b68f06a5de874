// The fixed vocabulary of the sample data: where it lives, what schools look like, which
// names people carry. The seeded generator only chooses among these.
import type { SchoolStage } from '#core/orgs/contract/org-types.ts';

/** Changing the seed changes every generated name, ID number and phone. */
export const DEMO_SEED = 20250901;

/** Used when EDUCLOUD_DEMO_PASSWORD is not set; meets core/auth's password policy. */
export const DEFAULT_DEMO_PASSWORD = 'EduCloud-Demo-2025';

/**
 * Ages are counted at the start of the 2025 school year, not "today", so that a run next
 * year produces the same students (who are then a year older, as real students would be).
 */
export const SCHOOL_YEAR_START = { year: 2025, month: 9, day: 1 } as const;

export const TEACHERS_PER_SCHOOL = 4;
export const STUDENTS_PER_SCHOOL = 10;

export interface DemoCounty {
  code: string;
  name: string;
  stages: SchoolStage[];
}
export interface DemoCity {
  code: string;
  name: string;
  counties: DemoCounty[];
}
export interface DemoProvince {
  code: string;
  name: string;
  city: DemoCity;
}

// Codes of reference orgs seeded from GB/T 2260 (core/orgs/server/reference-data.ts).
// The stage mix differs per county so that every stage below appears at least once.
export const DEMO_REGIONS: readonly DemoProvince[] = [
  {
    code: 'GB130000',
    name: '河北省',
    city: {
      code: 'GB130100',
      name: '石家庄市',
      counties: [
        { code: 'GB130102', name: '长安区', stages: ['primary', 'junior', 'senior', 'kindergarten'] },
        { code: 'GB130104', name: '桥西区', stages: ['primary', 'nine_year', 'secondary_vocational'] },
      ],
    },
  },
  {
    code: 'GB330000',
    name: '浙江省',
    city: {
      code: 'GB330100',
      name: '杭州市',
      counties: [
        { code: 'GB330102', name: '上城区', stages: ['primary', 'junior', 'kindergarten'] },
        { code: 'GB330106', name: '西湖区', stages: ['primary', 'junior', 'senior', 'nine_year'] },
      ],
    },
  },
];

export const divisionOf = (orgCode: string): string => orgCode.replace(/^GB/, '');

export interface StageRule {
  /** Ending of the school's name: 育才 + 小学. */
  suffix: string;
  /** Age on entering the first grade, and how many grades the stage has. */
  entryAge: number;
  grades: number;
}

export const STAGE_RULES: Partial<Record<SchoolStage, StageRule>> = {
  kindergarten: { suffix: '幼儿园', entryAge: 3, grades: 3 },
  primary: { suffix: '小学', entryAge: 6, grades: 6 },
  junior: { suffix: '中学', entryAge: 12, grades: 3 },
  senior: { suffix: '高级中学', entryAge: 15, grades: 3 },
  nine_year: { suffix: '学校', entryAge: 6, grades: 9 },
  secondary_vocational: { suffix: '职业技术学校', entryAge: 15, grades: 3 },
};

/** 字号: the distinctive part of a school's name. */
export const SCHOOL_NAMES = [
  '育才',
  '实验',
  '新华',
  '光明',
  '阳光',
  '朝阳',
  '东风',
  '青年路',
  '建设路',
  '胜利',
  '红星',
  '和平',
  '文昌',
  '博雅',
  '启明',
  '明德',
  '崇文',
  '求是',
  '春晖',
  '南湖',
  '北苑',
  '城东',
  '城西',
  '翠苑',
] as const;

// The most frequent surnames first: the generator draws most people from the head.
export const COMMON_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
] as const;
export const OTHER_SURNAMES = [
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '金',
  '石',
  '廖',
  '贾',
  '夏',
  '韦',
  '方',
  '白',
  '邹',
  '孟',
  '熊',
  '秦',
  '邱',
  '江',
  '尹',
  '薛',
  '段',
  '雷',
  '侯',
  '龙',
  '史',
  '陶',
  '贺',
  '顾',
  '毛',
  '郝',
  '龚',
  '邵',
  '万',
  '钱',
  '严',
  '武',
  '戴',
  '孔',
  '汤',
] as const;
export const COMPOUND_SURNAMES = ['欧阳', '上官', '司马'] as const;

/** Two-character given names, as each generation tends to carry them. */
export const GIVEN_NAMES = {
  child: {
    male: [
      '子轩',
      '浩然',
      '宇航',
      '梓睿',
      '俊杰',
      '博文',
      '一鸣',
      '天佑',
      '明轩',
      '皓宇',
      '泽宇',
      '思远',
      '嘉懿',
      '晨阳',
      '子墨',
      '奕辰',
      '沐阳',
      '梓豪',
    ],
    female: [
      '梓涵',
      '欣怡',
      '诗涵',
      '雨桐',
      '一诺',
      '思彤',
      '佳怡',
      '语嫣',
      '可馨',
      '子涵',
      '若曦',
      '雨萱',
      '紫萱',
      '静怡',
      '嘉欣',
      '梓萌',
      '欣然',
      '芷若',
    ],
  },
  adult: {
    male: [
      '志强',
      '建华',
      '国栋',
      '海涛',
      '建军',
      '晓东',
      '振宇',
      '文博',
      '家豪',
      '鹏飞',
      '立新',
      '永刚',
      '承志',
      '德明',
      '宏伟',
      '海波',
      '志刚',
      '俊峰',
    ],
    female: [
      '海燕',
      '丽娟',
      '秀英',
      '晓燕',
      '春梅',
      '丽华',
      '淑珍',
      '雅静',
      '婉清',
      '晓雯',
      '雪梅',
      '美玲',
      '玉兰',
      '慧敏',
      '红霞',
      '丽萍',
      '晓丽',
      '静雯',
    ],
  },
} as const;

/** One-character given names, the other common form (王伟, 李娜). */
export const GIVEN_NAME_CHARACTERS = {
  male: [
    '伟',
    '强',
    '磊',
    '军',
    '勇',
    '杰',
    '涛',
    '明',
    '超',
    '刚',
    '辉',
    '鹏',
    '华',
    '飞',
    '鑫',
    '波',
    '斌',
    '宇',
    '浩',
    '凯',
    '健',
    '俊',
    '帆',
    '旭',
    '宁',
    '阳',
    '博',
    '睿',
    '哲',
    '航',
  ],
  female: [
    '芳',
    '娜',
    '敏',
    '静',
    '丽',
    '艳',
    '娟',
    '霞',
    '秀',
    '玲',
    '婷',
    '雪',
    '慧',
    '佳',
    '欣',
    '琳',
    '颖',
    '怡',
    '梦',
    '雨',
    '涵',
    '萱',
    '馨',
    '悦',
    '彤',
    '妍',
    '钰',
    '琪',
    '晴',
    '瑶',
  ],
} as const;

// Mainland mobile prefixes of the three carriers, as they appear on real phones.
export const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '166',
  '175',
  '176',
  '185',
  '186',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '199',
] as const;

/** Birth-year ranges of the adults, so that a teacher is 27–55 in 2025. */
export const BIRTH_YEARS = {
  teacher: [1970, 1998],
  official: [1968, 1990],
} as const;

/** How much older than their child a parent is, in years. */
export const PARENT_AGE_GAP = [24, 38] as const;
