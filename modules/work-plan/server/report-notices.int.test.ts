import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

type Notice = { kind: string; title: string; body: string; link: string | null };

describeOnEngines('work plan reports reach people through events', (h) => {
  let ministryReviewer: Session;
  let changan: Session;
  let bystander: Session;
  let taskId: string;

  const inbox = async (s: Session, kind: string): Promise<Notice[]> =>
    ((await s.request('GET', '/api/notify/inbox')).json().items as Notice[]).filter((n) => n.kind === kind);

  beforeAll(async () => {
    ministryReviewer = await h().signInAs('rn-root-reviewer', 'MOE', ['reviewer']);
    changan = await h().signInAs('rn-changan', 'GB130102', ['reviewer']);
    bystander = await h().signInAs('rn-qiaoxi', 'GB130104', ['reviewer']);
    const planId = (await ministryReviewer.request('GET', '/api/work-plan/plans')).json()[0].id;
    const plan = (await ministryReviewer.request('GET', `/api/work-plan/plans/${planId}`)).json();
    taskId = plan.areas.flatMap((a: { tasks: unknown[] }) => a.tasks).find((t: { number: number }) => t.number === 17).id;
  });

  it("tells the issuer's reviewers of a submitted report after dispatch, and only once", async () => {
    const res = await changan.request('POST', `/api/work-plan/tasks/${taskId}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-05-01',
      text: '已推荐典型区域。',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Nothing reaches an inbox before the dispatcher runs: the notice is a reaction, not part of the submission.
    expect(await inbox(ministryReviewer, 'work-plan.report_submitted')).toEqual([]);
    expect(await h().dispatchEvents()).toMatchObject({ dead: 0 });
    await h().dispatchEvents();
    const notices = await inbox(ministryReviewer, 'work-plan.report_submitted');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '进展报告待审阅：任务 17' });
    expect(notices[0].body).toContain('长安区教育局');
    expect(notices[0].body).toContain('2020-05-01');
    // A unit that only reports is not one of the issuer's reviewers.
    expect(await inbox(bystander, 'work-plan.report_submitted')).toEqual([]);
  });

  it('tells the reporter that the report was returned, with the comment', async () => {
    const [report] = (await ministryReviewer.request('GET', `/api/work-plan/tasks/${taskId}/reports`)).json();
    const res = await ministryReviewer.request('POST', `/api/work-plan/reports/${report.id}/review`, {
      decision: 'return',
      comment: '请附推荐文件',
    });
    expect(res.statusCode, res.body).toBe(200);
    await h().dispatchEvents();
    const notices = await inbox(changan, 'work-plan.report_returned');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '进展报告被退回：任务 17', link: '/my-tasks' });
    expect(notices[0].body).toContain('请附推荐文件');
  });
});
