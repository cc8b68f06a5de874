import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

// Issue #9 item 10: a figure of 1e308 was stored, then summed to Infinity and broke the task
// page and 我的任务 with a 500 for every unit; a null figure arrived as 0.
describeOnEngines('work plan figures are bounded and null stays not reported', (h) => {
  let ministry: Session;
  let changan: Session;
  let qiaoxi: Session;
  let task: { id: string; targets: Array<{ id: string }> };
  let changanId: string;

  beforeAll(async () => {
    ministry = await h().signInAs('fg-root', 'MOE', ['platform_admin']);
    await h().makeUser({ account: 'fg-changan', orgCode: 'GB130102', roles: ['reviewer'] });
    await h().makeUser({ account: 'fg-qiaoxi', orgCode: 'GB130104', roles: ['reviewer'] });
    changan = await h().signIn('fg-changan');
    qiaoxi = await h().signIn('fg-qiaoxi');
    changanId = await h().orgId('GB130102');
    const planId = (await ministry.request('GET', '/api/work-plan/plans')).json()[0].id;
    const plan = (await ministry.request('GET', `/api/work-plan/plans/${planId}`)).json();
    task = plan.areas.flatMap((a: any) => a.tasks).find((t: any) => t.number === 17);
  });

  const report = (session: Session, body: unknown) =>
    session.request('POST', `/api/work-plan/tasks/${task.id}/reports`, typeof body === 'string' ? body : JSON.stringify(body), {
      'content-type': 'application/json',
    });
  const withValue = (value: string) =>
    `{"orgId":"${changanId}","reportDate":"2020-05-01","text":"进展。","figures":[{"targetId":"${task.targets[0].id}","value":${value}}]}`;

  it('refuses 1e308, 1e309, -1, "Infinity", "NaN" and 10^13 as a figure with 400 naming the field, and stores nothing', async () => {
    for (const value of ['1e308', '1e309', '-1', '"Infinity"', '"NaN"', '"1e308"', '10000000000000']) {
      const res = await report(changan, withValue(value));
      expect(res.statusCode, value).toBe(400);
      expect(res.headers['content-type'], value).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('request.invalid');
      expect(
        res.json().params.fields.map((f: { field: string }) => f.field),
        value,
      ).toContain('figures.0.value');
    }
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task.id}/reports`)).json()).toEqual([]);
  });

  it('refuses a target count or maximum past 10^12 and a workflow version past the integer column', async () => {
    const target = task.targets[0].id;
    const count = await ministry.request('PATCH', `/api/work-plan/targets/${target}`, { count: 1e308 });
    expect(count.statusCode).toBe(400);
    expect(count.json().params.fields[0].field).toBe('count');
    const max = await ministry.request('POST', `/api/work-plan/tasks/${task.id}/targets`, {
      count: 1,
      max: 1e13,
      unit: '个',
      object: '示范校',
      bound: 'range',
    });
    expect(max.statusCode).toBe(400);
    expect(max.json().params.fields.map((f: { field: string }) => f.field)).toContain('max');
    const version = await ministry.request('POST', '/api/workflow/instances/NOPE/approve', { version: 2 ** 53 });
    expect(version.statusCode).toBe(400);
    expect(version.json().params.fields[0].field).toBe('version');
  });

  it('adds up large legitimate figures exactly', async () => {
    const target = task.targets[0].id;
    expect(
      (
        await report(changan, {
          orgId: changanId,
          reportDate: '2020-05-01',
          text: '进展。',
          figures: [{ targetId: target, value: 999_999_999_999 }],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await report(qiaoxi, {
          orgId: await h().orgId('GB130104'),
          reportDate: '2020-05-01',
          text: '进展。',
          figures: [{ targetId: target, value: 1e12 }],
        })
      ).statusCode,
    ).toBe(201);
    const progress = (await ministry.request('GET', `/api/work-plan/tasks/${task.id}/progress`)).json();
    expect(progress.targets[0].value).toBe(1_999_999_999_999);
  });

  it("keeps a null figure null in the report, keeps the unit's earlier figure in the sum, and answers null where nobody reported", async () => {
    const [first, second] = task.targets;
    const res = await report(changan, {
      orgId: changanId,
      reportDate: '2020-06-01',
      text: '本期未统计。',
      figures: [
        { targetId: first.id, value: null },
        { targetId: second.id, value: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().figures).toEqual(
      expect.arrayContaining([
        { targetId: first.id, value: null },
        { targetId: second.id, value: null },
      ]),
    );
    const reports = (await ministry.request('GET', `/api/work-plan/tasks/${task.id}/reports`)).json();
    expect(reports.find((r: { id: string }) => r.id === res.json().id).figures).toEqual(
      expect.arrayContaining([{ targetId: second.id, value: null }]),
    );

    const progress = await ministry.request('GET', `/api/work-plan/tasks/${task.id}/progress`);
    expect(progress.statusCode).toBe(200);
    const byId = new Map(progress.json().targets.map((g: { id: string; value: number | null }) => [g.id, g.value]));
    expect(byId.get(first.id)).toBe(1_999_999_999_999);
    expect(byId.get(second.id)).toBeNull();
    const mine = await changan.request('GET', '/api/work-plan/my-tasks');
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json()
        .find((t: { taskId: string }) => t.taskId === task.id)
        .targets.find((g: { id: string }) => g.id === second.id).value,
    ).toBeNull();
  });
});
