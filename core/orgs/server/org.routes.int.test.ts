import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('org tree over HTTP', (h) => {
  let admin: Session;
  let countyAdmin: Session;
  let hebei: string;
  let shijiazhuang: string;

  beforeAll(async () => {
    admin = await h().signInAs('root-admin', 'MOE', ['platform_admin']);
    hebei = await h().orgId('GB130000');
    shijiazhuang = await h().orgId('GB130100');
    countyAdmin = await h().signInAs('changan-admin', 'GB130102', ['org_admin']);
  });

  it('seeds the ministry, its units and every provincial authority', async () => {
    const res = await admin.request('GET', '/api/orgs?type=provincial_authority&pageSize=50');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(31);
    expect(body.items.map((o: { name: string }) => o.name)).toContain('河北省教育厅');
    const kjs = (await admin.request('GET', '/api/orgs?q=MOE-KJS')).json();
    expect(kjs.items[0].name).toBe('科学技术与信息化司');
  });

  it('creates a school under a county and finds it by name and by code', async () => {
    const county = await h().orgId('GB130102');
    const res = await countyAdmin.request('POST', '/api/orgs', {
      parentId: county,
      code: '2113010201',
      name: '石家庄市长安区第一实验小学',
      type: 'school',
      stage: 'primary',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().depth).toBe(5);
    const byName = (await countyAdmin.request('GET', `/api/orgs?q=${encodeURIComponent('第一实验')}`)).json();
    expect(byName.items.map((o: { code: string }) => o.code)).toEqual(['2113010201']);
    const byCode = (await countyAdmin.request('GET', '/api/orgs?q=21130102')).json();
    expect(byCode.total).toBe(1);
  });

  it('refuses a school without a stage with a clear code', async () => {
    const res = await admin.request('POST', '/api/orgs', { parentId: shijiazhuang, code: 'S-NOSTAGE', name: '无学段学校', type: 'school' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('orgs.stage_required');
    expect(res.json().detail).toBeTruthy();
  });

  it('refuses a duplicate code', async () => {
    const res = await admin.request('POST', '/api/orgs', { parentId: hebei, code: 'GB130100', name: '重复的市', type: 'city_authority' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('orgs.code_taken');
  });

  it('keeps a county admin inside the county: other orgs are not found, creating outside is refused', async () => {
    expect((await countyAdmin.request('GET', `/api/orgs/${hebei}`)).statusCode).toBe(404);
    const res = await countyAdmin.request('POST', '/api/orgs', {
      parentId: shijiazhuang,
      code: 'X-OUT',
      name: '越权创建的县',
      type: 'county_authority',
    });
    expect(res.statusCode).toBe(404);
    const list = (await countyAdmin.request('GET', '/api/orgs?pageSize=100')).json();
    expect(list.items.every((o: { path: string }) => o.path.includes(`/${list.items[0].id}/`))).toBe(true);
  });

  it('moves an org with its subtree and its users, and the paths follow', async () => {
    const a = (
      await admin.request('POST', '/api/orgs', { parentId: shijiazhuang, code: 'MV-A', name: '移动测试A区', type: 'county_authority' })
    ).json();
    const school = (
      await admin.request('POST', '/api/orgs', { parentId: a.id, code: 'MV-A-S', name: '移动测试学校', type: 'school', stage: 'junior' })
    ).json();
    const user = (
      await admin.request('POST', '/api/users', { account: 'mover', realName: '移动教师', orgId: school.id, password: 'Moving-Target-9' })
    ).json();
    const handan = await h().orgId('GB130400');
    const moved = await admin.request('POST', `/api/orgs/${a.id}/move`, { parentId: handan });
    expect(moved.statusCode).toBe(200);
    const after = (await admin.request('GET', `/api/orgs/${school.id}`)).json();
    expect(after.path.startsWith(moved.json().path)).toBe(true);
    expect(after.depth).toBe(5);
    const inHandan = (await admin.request('GET', `/api/users?orgId=${handan}`)).json();
    expect(inHandan.items.map((u: { id: string }) => u.id)).toContain(user.user.id);
    const into = await admin.request('POST', `/api/orgs/${a.id}/move`, { parentId: school.id });
    expect(into.statusCode).toBe(400);
  });

  it('deactivates a subtree and hides it from default lists', async () => {
    const c = (
      await admin.request('POST', '/api/orgs', { parentId: shijiazhuang, code: 'DX-C', name: '停用测试县', type: 'county_authority' })
    ).json();
    await admin.request('POST', '/api/orgs', { parentId: c.id, code: 'DX-C-S', name: '停用测试学校', type: 'school', stage: 'senior' });
    const res = await admin.request('POST', `/api/orgs/${c.id}/deactivate`);
    expect(res.json().affected).toBe(2);
    expect((await admin.request('GET', '/api/orgs?q=DX-C')).json().total).toBe(0);
    expect((await admin.request('GET', '/api/orgs?q=DX-C&includeInactive=true')).json().total).toBe(2);
  });

  it('writes an audit record for each change', async () => {
    const events = (await admin.request('GET', '/api/audit/events?action=orgs.&pageSize=100')).json();
    const actions = events.items.map((e: { action: string }) => e.action);
    for (const a of ['orgs.org.created', 'orgs.org.moved', 'orgs.org.deactivated', 'orgs.reference.seeded']) expect(actions).toContain(a);
  });
});
