import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '#kernel';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { up as checkTypeRanks } from '../migrations/20261204T1600_core_orgs_check_type_ranks.ts';
import { canContain } from '../contract/org-types.ts';
import { importOrgs } from './org.import.ts';
import { orgsDb } from './orgs.tables.ts';
import { resolveAccess } from '#core/access/server/access.resolve.ts';

describe('org type ranks', () => {
  it('lets a child sit only below its parent, with schools and other units under any non-school', () => {
    expect(canContain('provincial_authority', 'city_authority')).toBe(true);
    expect(canContain('provincial_authority', 'county_authority')).toBe(true);
    expect(canContain('county_authority', 'city_authority')).toBe(false);
    expect(canContain('county_authority', 'provincial_authority')).toBe(false);
    expect(canContain('county_authority', 'county_authority')).toBe(false);
    expect(canContain('city_authority', 'provincial_authority')).toBe(false);
    expect(canContain('other', 'school')).toBe(true);
    expect(canContain('other', 'county_authority')).toBe(false);
    expect(canContain('school', 'other')).toBe(false);
    expect(canContain('ministry', 'ministry')).toBe(false);
  });
});

describeOnEngines('org hierarchy rules', (h) => {
  let countyAdmin: Session;
  let cityAdmin: Session;
  let provinceAdmin: Session;
  let county: string;
  let city: string;

  beforeAll(async () => {
    county = await h().orgId('GB130102');
    city = await h().orgId('GB130100');
    countyAdmin = await h().signInAs('hier-county', 'GB130102', ['org_admin']);
    cityAdmin = await h().signInAs('hier-city', 'GB130100', ['org_admin']);
    provinceAdmin = await h().signInAs('hier-province', 'GB130000', ['org_admin']);
  });

  const create = (s: Session, parentId: string, code: string, type: string, extra: Record<string, unknown> = {}) =>
    s.request('POST', '/api/orgs', { parentId, code, name: `层级测试${code}`, type, ...extra });

  it('refuses a city or provincial authority inside a county, whoever asks', async () => {
    for (const type of ['city_authority', 'provincial_authority', 'county_authority']) {
      const res = await create(countyAdmin, county, `FAKE-${type}`, type);
      expect(res.statusCode, type).toBe(400);
      expect(res.json().code).toBe('orgs.type_not_allowed_under_parent');
    }
    const byProvince = await create(provinceAdmin, county, 'FAKE-CITY-P', 'city_authority');
    expect(byProvince.json().code).toBe('orgs.type_not_allowed_under_parent');
  });

  it('lets only a level above the parent place an authority', async () => {
    const byCity = await create(cityAdmin, city, 'NEW-COUNTY-C', 'county_authority');
    expect(byCity.statusCode).toBe(403);
    expect(byCity.json().code).toBe('orgs.authority_needs_scope_above');
    const byProvince = await create(provinceAdmin, city, 'NEW-COUNTY-P', 'county_authority');
    expect(byProvince.statusCode).toBe(201);
  });

  it('still lets a county add schools and units, and schools under a unit', async () => {
    const group = await create(countyAdmin, county, 'HIER-GROUP', 'other');
    expect(group.statusCode).toBe(201);
    const school = await create(countyAdmin, group.json().id, 'HIER-SCHOOL', 'school', { stage: 'primary' });
    expect(school.statusCode).toBe(201);
  });

  it('refuses to move an authority under a lower one', async () => {
    const other = await h().orgId('GB130104');
    const res = await provinceAdmin.request('POST', `/api/orgs/${other}/move`, { parentId: county });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('orgs.type_not_allowed_under_parent');
  });

  it('leaves a county bureau itself to the level above: no rename, re-code, move or deactivation by the county', async () => {
    const rename = await countyAdmin.request('PATCH', `/api/orgs/${county}`, { name: '被县自己改名的教育局' });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().code).toBe('orgs.change_needs_scope_above');
    const recode = await countyAdmin.request('PATCH', `/api/orgs/${county}`, { code: 'GB-MINE' });
    expect(recode.json().code).toBe('orgs.change_needs_scope_above');
    const deactivate = await countyAdmin.request('POST', `/api/orgs/${county}/deactivate`);
    expect(deactivate.json().code).toBe('orgs.change_needs_scope_above');
    const move = await countyAdmin.request('POST', `/api/orgs/${county}/move`, { parentId: county });
    expect(move.json().code).toBe('orgs.change_needs_scope_above');
    const byCity = await cityAdmin.request('PATCH', `/api/orgs/${county}`, { shortName: '长安' });
    expect(byCity.statusCode).toBe(200);
    const child = await create(countyAdmin, county, 'HIER-RENAME', 'school', { stage: 'junior' });
    const renameChild = await countyAdmin.request('PATCH', `/api/orgs/${child.json().id}`, { name: '县里改名的学校' });
    expect(renameChild.statusCode).toBe(200);
  });

  it('applies the same rules to imports, row by row', async () => {
    const access = await resolveAccess(h().platform.database.db, countyAdmin.userId);
    const ctx = h().platform.makeCtx({ actor: { kind: 'user', id: countyAdmin.userId, name: countyAdmin.account }, access });
    const report = await importOrgs(
      ctx,
      [
        { code: 'IMP-FAKE-CITY', name: '假的地市教育局', type: 'city_authority', parentCode: 'GB130102' },
        { code: 'IMP-SCHOOL', name: '导入的学校', type: 'school', stage: '小学', parentCode: 'GB130102' },
      ],
      { dryRun: false },
    );
    expect(report.created).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, code: 'orgs.type_not_allowed_under_parent' })]);
  });

  it('refuses to start on stored data that breaks the rule, naming the rows', async () => {
    const db = h().platform.database.db;
    const orgs = orgsDb(db);
    const parent = await orgs
      .selectFrom('core_orgs')
      .select(['id', 'path', 'depth'])
      .where('code', '=', 'GB130102')
      .executeTakeFirstOrThrow();
    const id = newId();
    const at = h().now().toISOString();
    await orgs
      .insertInto('core_orgs')
      .values({
        id,
        code: 'LEGACY-FAKE-PROV',
        name: '历史遗留的假省厅',
        type: 'provincial_authority',
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: Number(parent.depth) + 1,
        isActive: 1,
        isSample: 0,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    try {
      await expect(checkTypeRanks(db)).rejects.toThrow(/LEGACY-FAKE-PROV 历史遗留的假省厅 \(provincial_authority\) 的上级 GB130102/);
    } finally {
      await orgs.deleteFrom('core_orgs').where('id', '=', id).execute();
    }
    await expect(checkTypeRanks(db)).resolves.toBeUndefined();
  });
});
