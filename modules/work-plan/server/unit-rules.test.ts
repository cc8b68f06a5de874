import { describe, expect, it } from 'vitest';
import { collectiveTypes } from './unit-rules.ts';

describe('collective unit names', () => {
  it("reads the seed's collective names as org types", () => {
    expect(collectiveTypes('地方各级教育行政部门')).toEqual(['provincial_authority', 'city_authority', 'county_authority']);
    expect(collectiveTypes('地方各级教育行政部门和语委')).toEqual(['provincial_authority', 'city_authority', 'county_authority']);
    expect(collectiveTypes('省级教育行政部门')).toEqual(['provincial_authority']);
    expect(collectiveTypes('各部属高校')).toEqual(['university']);
    expect(collectiveTypes('各司局和直属单位')).toEqual(['department', 'affiliated_unit']);
    expect(collectiveTypes('相关业务司局')).toEqual(['department']);
  });

  it("reads provincial plans' names for cities and counties", () => {
    expect(collectiveTypes('各市教育局')).toEqual(['city_authority']);
    expect(collectiveTypes('各地市教育局')).toEqual(['city_authority']);
    expect(collectiveTypes('各县(市、区)教育局')).toEqual(['county_authority']);
    expect(collectiveTypes('各区县教育局')).toEqual(['county_authority']);
  });

  it('leaves single units alone', () => {
    expect(collectiveTypes('科技司')).toBeNull();
    expect(collectiveTypes('省教育技术中心')).toBeNull();
  });
});
