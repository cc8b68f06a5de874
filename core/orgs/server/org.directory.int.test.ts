import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { type ADMIN_LEVELS, adminLevelOf, ORG_TYPES } from '../contract/org-types.ts';
import { OrgsService, type OrgsContract } from '../contract/orgs.service.ts';
import { createOrg } from './org.service.ts';

describeOnEngines('orgs contract service', (h) => {
  let orgs: OrgsContract;
  let moe: string;
  let hebei: string;
  let shijiazhuang: string;
  let changan: string;
  let school: { id: string; path: string };

  beforeAll(async () => {
    orgs = h().platform.host.service(OrgsService);
    moe = await h().orgId('MOE');
    hebei = await h().orgId('GB130000');
    shijiazhuang = await h().orgId('GB130100');
    changan = await h().orgId('GB130102');
    const created = await createOrg(h().system(), {
      parentId: changan,
      code: 'DIR-SCHOOL-1',
      name: '目录测试小学',
      type: 'school',
      stage: 'primary',
    });
    school = { id: created.id, path: created.path };
  });

  const db = () => h().platform.host.db;

  it('is the service module.ts provides', () => {
    expect(h().platform.host.service(OrgsService)).toBe(orgs);
  });

  it('finds an org as a summary, and null for an unknown id', async () => {
    const found = await orgs.find(db(), school.id);
    expect(found).toEqual({
      id: school.id,
      code: 'DIR-SCHOOL-1',
      name: '目录测试小学',
      shortName: null,
      type: 'school',
      stage: 'primary',
      divisionCode: null,
      parentId: changan,
      path: school.path,
      depth: 5,
      isActive: true,
    });
    expect(await orgs.find(db(), 'no-such-org')).toBeNull();
  });

  it('reads many ids in chunks, leaving missing ones out', async () => {
    const ids = [...Array.from({ length: 1200 }, (_, i) => `missing-${i}`), hebei, changan, hebei];
    const found = await orgs.byIds(db(), ids);
    expect([...found.keys()].sort()).toEqual([changan, hebei].sort());
    expect(found.get(hebei)?.type).toBe('provincial_authority');
    expect((await orgs.byIds(db(), [])).size).toBe(0);
  });

  it('lists the orgs on a path root first', async () => {
    const chain = await orgs.onPath(db(), school.path);
    expect(chain.map((o) => o.id)).toEqual([moe, hebei, shijiazhuang, changan, school.id]);
    expect(chain.map((o) => o.depth)).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds the org of each administrative level on a path, by id or by path', async () => {
    const at = async (from: string, level: (typeof ADMIN_LEVELS)[number]) => (await orgs.ancestorAtLevel(db(), from, level))?.id ?? null;
    expect(await at(school.id, 'national')).toBe(moe);
    expect(await at(school.id, 'province')).toBe(hebei);
    expect(await at(school.id, 'city')).toBe(shijiazhuang);
    expect(await at(school.id, 'county')).toBe(changan);
    expect(await at(school.id, 'school')).toBe(school.id);
    expect(await at(school.path, 'city')).toBe(shijiazhuang);
    // The org itself counts; a level below it is not on its path.
    expect(await at(changan, 'county')).toBe(changan);
    expect(await at(changan, 'school')).toBeNull();
    expect(await at('no-such-org', 'province')).toBeNull();
  });

  it("sees the caller's uncommitted writes through its transaction", async () => {
    await h()
      .system()
      .transaction(async (tx) => {
        const created = await createOrg(tx, {
          parentId: changan,
          code: 'DIR-SCHOOL-TX',
          name: '事务中的学校',
          type: 'school',
          stage: 'junior',
        });
        expect((await orgs.find(tx.db, created.id))?.code).toBe('DIR-SCHOOL-TX');
        expect((await orgs.ancestorAtLevel(tx.db, created.id, 'county'))?.id).toBe(changan);
      });
  });
});

it('gives every org type a level or none, as the workflow and campaigns derive them', () => {
  expect(Object.fromEntries(ORG_TYPES.map((t) => [t, adminLevelOf(t)]))).toEqual({
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
  });
});
