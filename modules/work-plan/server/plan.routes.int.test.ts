import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('work plans over HTTP', (h) => {
  let admin: Session;
  let provinceAdmin: Session;
  let planId: string;

  beforeAll(async () => {
    admin = await h().signInAs('wp-root', 'MOE', ['platform_admin']);
    provinceAdmin = await h().signInAs('wp-zj', 'GB330000', ['org_admin']);
    planId = (await admin.request('GET', '/api/work-plan/plans')).json()[0].id;
  });

  it('loads the 2020 plan on first start with its 32 tasks and their targets', async () => {
    const list = (await admin.request('GET', '/api/work-plan/plans')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: '2020年教育信息化和网络安全工作要点', year: 2020, issuer: '教育部办公厅', taskCount: 32 });
    expect(list[0].targetCount).toBeGreaterThanOrEqual(20);
    const plan = (await admin.request('GET', `/api/work-plan/plans/${planId}`)).json();
    expect(plan.goals).toHaveLength(3);
    expect(plan.areas).toHaveLength(11);
    const task17 = plan.areas[5].tasks[0];
    expect(task17.number).toBe(17);
    expect(task17.targets.map((t: { count: number }) => t.count)).toEqual([30, 300, 50, 30, 20, 3000, 200, 800, 40]);
  });

  it('maps short unit names to the seeded departments and collective names to org types', async () => {
    const plan = (await admin.request('GET', `/api/work-plan/plans/${planId}`)).json();
    const units = plan.areas.flatMap((a: any) => a.tasks.flatMap((t: any) => t.paragraphs.flatMap((p: any) => p.units)));
    const kjs = units.find((u: { name: string }) => u.name === '科技司');
    expect(kjs).toMatchObject({ kind: 'org', orgName: '科学技术与信息化司' });
    const local = units.find((u: { name: string }) => u.name === '地方各级教育行政部门');
    expect(local).toMatchObject({ kind: 'org_types', orgTypes: ['provincial_authority', 'city_authority', 'county_authority'] });
    expect(units.filter((u: { kind: string }) => u.kind === 'unmapped').map((u: { name: string }) => u.name)).toEqual([]);
  });

  it("imports a province's plan and lists the names it could not map, then remembers a mapping", async () => {
    const zhejiang = await h().orgId('GB330000');
    const text = [
      '2021年浙江省教育信息化工作要点',
      '重点任务',
      '(一)推进数字校园建设',
      '1.建设智慧校园',
      '遴选100所智慧校园示范校。(责任单位:省教育技术中心、各市教育局)',
    ].join('\n');
    const res = await provinceAdmin.request('POST', '/api/work-plan/plans/import', { orgId: zhejiang, text });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().unmappedUnits).toEqual(['省教育技术中心']);
    expect(res.json().plan).toMatchObject({ year: 2021, taskCount: 1, targetCount: 1 });
    const hangzhou = await h().orgId('GB330100');
    const mapped = await provinceAdmin.request('PUT', '/api/work-plan/unit-mappings', {
      scopeOrgId: zhejiang,
      name: '省教育技术中心',
      orgId: hangzhou,
    });
    expect(mapped.json()).toMatchObject({ kind: 'org', orgId: hangzhou });
    const again = await provinceAdmin.request('POST', '/api/work-plan/plans/import', {
      orgId: zhejiang,
      text: text.replace('2021', '2022'),
    });
    expect(again.json().unmappedUnits).toEqual([]);
    const events = (await admin.request('GET', '/api/audit/events?action=work-plan.&pageSize=50')).json();
    expect(events.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['work-plan.plan.imported', 'work-plan.unit.mapped']),
    );
  });

  it('refuses a text it cannot structure, naming the line, and stores nothing', async () => {
    const zhejiang = await h().orgId('GB330000');
    const before = (await provinceAdmin.request('GET', '/api/work-plan/plans')).json().length;
    const res = await provinceAdmin.request('POST', '/api/work-plan/plans/import', {
      orgId: zhejiang,
      text: '2021年浙江省教育工作要点\n重点任务\n(一)第一方面\n1.甲\n正文。(责任单位:省教育厅)\n3.丙\n正文。(责任单位:省教育厅)',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('work-plan.unparseable');
    expect(res.json().params.problems[0]).toMatchObject({ line: 6, code: 'work-plan.task_numbering' });
    expect((await provinceAdmin.request('GET', '/api/work-plan/plans')).json().length).toBe(before);
  });

  it('keeps a province from importing for the ministry or reading its plan', async () => {
    const moe = await h().orgId('MOE');
    const res = await provinceAdmin.request('POST', '/api/work-plan/plans/import', {
      orgId: moe,
      text: '2021年教育部工作要点\n重点任务\n(一)甲\n1.乙\n正文。(责任单位:科技司)',
    });
    expect(res.statusCode).toBe(404);
    expect((await provinceAdmin.request('GET', `/api/work-plan/plans/${planId}`)).statusCode).toBe(404);
  });
});
