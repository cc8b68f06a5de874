import { describe, expect, it } from 'vitest';
import type { WorkflowStep } from '#kernel';
import { chainOf, earlierRouted, nextRouted, resolveRoute, type AncestorOrg } from './routing.ts';

const step = (id: string, level: WorkflowStep['level']): WorkflowStep => ({
  id,
  label: { zh: id, en: id },
  level,
  permission: 'x.y.review',
});
const steps = [step('county', 'county'), step('city', 'city'), step('province', 'province'), step('ministry', 'ministry')];
const org = (id: string, type: string, parentId: string | null): AncestorOrg => ({ id, type, parentId });

const moe = org('moe', 'ministry', null);
const hebei = org('hb', 'provincial_authority', 'moe');
const shijiazhuang = org('sjz', 'city_authority', 'hb');
const county = org('cty', 'county_authority', 'sjz');
const school = org('sch', 'school', 'cty');

describe('resolveRoute', () => {
  it('routes a school up through its county, city, province and the ministry', () => {
    expect(resolveRoute({ steps }, [moe, hebei, shijiazhuang, county, school])).toEqual([
      { stepId: 'county', orgId: 'cty' },
      { stepId: 'city', orgId: 'sjz' },
      { stepId: 'province', orgId: 'hb' },
      { stepId: 'ministry', orgId: 'moe' },
    ]);
  });

  it('skips a level the definition or the submission names', () => {
    const chain = [moe, hebei, shijiazhuang, county, school];
    expect(resolveRoute({ steps, skipLevels: ['city'] }, chain).map((r) => r.orgId)).toEqual(['cty', null, 'hb', 'moe']);
    expect(resolveRoute({ steps }, chain, ['county', 'ministry']).map((r) => r.orgId)).toEqual([null, 'sjz', 'hb', null]);
  });

  it('skips a level missing from the ancestry: a school under a municipality without cities', () => {
    const beijing = org('bj', 'provincial_authority', 'moe');
    const haidian = org('hd', 'county_authority', 'bj');
    const bjSchool = org('s2', 'school', 'hd');
    expect(resolveRoute({ steps }, [moe, beijing, haidian, bjSchool]).map((r) => r.orgId)).toEqual(['hd', null, 'bj', 'moe']);
  });

  it('never lets an authority review its own submission, but applicant_org is the org itself', () => {
    const route = resolveRoute({ steps: [step('self', 'applicant_org'), ...steps] }, [moe, hebei, shijiazhuang, county]);
    expect(route.map((r) => r.orgId)).toEqual(['cty', null, 'sjz', 'hb', 'moe']);
  });

  it('finds the next and the earlier acting steps around skipped ones', () => {
    const route = [
      { stepId: 'a', orgId: '1' },
      { stepId: 'b', orgId: null },
      { stepId: 'c', orgId: '3' },
      { stepId: 'd', orgId: null },
    ];
    expect(nextRouted(route, -1)).toBe(0);
    expect(nextRouted(route, 0)).toBe(2);
    expect(nextRouted(route, 2)).toBe(-1);
    expect(earlierRouted(route, 2)).toEqual([0]);
    expect(earlierRouted(route, 0)).toEqual([]);
  });

  it("orders a path's orgs from the root down whatever order they were read in", () => {
    expect(chainOf('/moe/hb/sjz/', [shijiazhuang, moe, hebei]).map((o) => o.id)).toEqual(['moe', 'hb', 'sjz']);
  });
});
