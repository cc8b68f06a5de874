import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('editing an imported work plan', (h) => {
  let ministry: Session;
  let county: Session;
  let task3: { id: string; targets: Array<{ id: string; object: string }> };

  const targetsOf = async (taskId: string) =>
    (await ministry.request('GET', `/api/work-plan/tasks/${taskId}/progress`)).json().targets as Array<Record<string, unknown>>;

  beforeAll(async () => {
    ministry = await h().signInAs('pe-root', 'MOE', ['platform_admin']);
    county = await h().signInAs('pe-county', 'GB130102', ['org_admin']);
    const planId = (await ministry.request('GET', '/api/work-plan/plans')).json()[0].id;
    const plan = (await ministry.request('GET', `/api/work-plan/plans/${planId}`)).json();
    task3 = plan.areas.flatMap((a: any) => a.tasks).find((t: any) => t.number === 3);
  });

  it('adds a target to a task, which then shows in its progress and is audited', async () => {
    const res = await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 5,
      max: null,
      unit: '个',
      object: '省级平台完成对接',
      bound: 'at_least',
      dueDate: '2020-10-31',
      indicatorId: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    const added = (await targetsOf(task3.id)).find((g) => g.id === res.json().id);
    expect(added).toMatchObject({ count: 5, unit: '个', object: '省级平台完成对接', bound: 'at_least', value: null });
    const audit = (await ministry.request('GET', '/api/audit/events?action=work-plan.target.created')).json();
    expect(audit.items.map((e: { objectId: string }) => e.objectId)).toContain(res.json().id);
  });

  it('refuses a range without its upper end, an upper end below the lower, and an unknown indicator', async () => {
    const range = await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 40,
      unit: '个',
      object: '区域',
      bound: 'range',
    });
    expect(range.json().code).toBe('work-plan.range_needs_max');
    const below = await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 40,
      max: 20,
      unit: '个',
      object: '区域',
      bound: 'range',
    });
    expect(below.json().code).toBe('work-plan.max_below_count');
    const unknown = await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 1,
      unit: '个',
      object: '区域',
      bound: 'exact',
      indicatorId: 'nope.nothing',
    });
    expect(unknown.json().code).toBe('work-plan.unknown_indicator');
    const badUnit = await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 1,
      unit: '',
      object: '区域',
      bound: 'exact',
    });
    expect(badUnit.statusCode).toBe(400);
  });

  it("changes a task's title and due date with before and after in the audit", async () => {
    const res = await ministry.request('PATCH', `/api/work-plan/tasks/${task3.id}`, {
      title: '加快推进国家数字教育资源公共服务体系建设',
      dueDate: '2020-12-31',
    });
    expect(res.statusCode, res.body).toBe(204);
    const audit = (await ministry.request('GET', '/api/audit/events?action=work-plan.task.updated')).json().items[0];
    expect(audit.changes.dueDate).toEqual([null, '2020-12-31']);
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task3.id}/progress`)).json().dueDate).toBe('2020-12-31');
  });

  it('deletes a target nobody reported on, and keeps one that has figures', async () => {
    const fresh = (
      await ministry.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
        count: 2,
        unit: '次',
        object: '专项督导',
        bound: 'exact',
      })
    ).json().id;
    const reported = task3.targets[0].id;
    const report = await county.request('POST', `/api/work-plan/tasks/${task3.id}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-06-01',
      text: '已汇聚资源。',
      figures: [{ targetId: reported, value: 3 }],
    });
    expect(report.statusCode, report.body).toBe(201);
    const kept = await ministry.request('DELETE', `/api/work-plan/targets/${reported}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().code).toBe('work-plan.target_has_figures');
    expect((await ministry.request('DELETE', `/api/work-plan/targets/${fresh}`)).statusCode).toBe(204);
    const ids = (await targetsOf(task3.id)).map((g) => g.id);
    expect(ids).toContain(reported);
    expect(ids).not.toContain(fresh);
  });

  it("does not let a county administrator edit the ministry's plan", async () => {
    const res = await county.request('POST', `/api/work-plan/tasks/${task3.id}/targets`, {
      count: 1,
      unit: '个',
      object: '区域',
      bound: 'exact',
    });
    expect(res.statusCode).toBe(404);
    expect((await county.request('PATCH', `/api/work-plan/tasks/${task3.id}`, { dueDate: '2021-01-01' })).statusCode).toBe(404);
  });
});
