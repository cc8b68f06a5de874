import { beforeAll, expect, it } from 'vitest';
import { beijingYear } from '#kernel/beijing-time.ts';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('work plan progress reports', (h) => {
  let ministry: Session;
  let changan: Session;
  let qiaoxi: Session;
  let task17: { id: string; targets: Array<{ id: string; count: number }> };
  let task14: string;

  beforeAll(async () => {
    ministry = await h().signInAs('rp-root', 'MOE', ['platform_admin']);
    await h().makeUser({ account: 'rp-changan', orgCode: 'GB130102', roles: ['reviewer'] });
    await h().makeUser({ account: 'rp-qiaoxi', orgCode: 'GB130104', roles: ['reviewer'] });
    changan = await h().signIn('rp-changan');
    qiaoxi = await h().signIn('rp-qiaoxi');
    const planId = (await ministry.request('GET', '/api/work-plan/plans')).json()[0].id;
    const plan = (await ministry.request('GET', `/api/work-plan/plans/${planId}`)).json();
    const tasks = plan.areas.flatMap((a: any) => a.tasks);
    task17 = tasks.find((t: any) => t.number === 17);
    task14 = tasks.find((t: any) => t.number === 14).id;
  });

  it('lists for a county bureau the tasks that name 地方各级教育行政部门, and not the ministry-only ones', async () => {
    const mine = (await changan.request('GET', '/api/work-plan/my-tasks')).json();
    const numbers = mine.map((t: { number: number }) => t.number);
    expect(numbers).toContain(17);
    expect(numbers).toContain(3);
    expect(numbers).not.toContain(14);
    expect(mine.find((t: any) => t.number === 17)).toMatchObject({ status: 'not_started', reportCount: 0 });
  });

  it("adds up the units' latest figures and moves the task to 进行中", async () => {
    const regions = task17.targets[0];
    const a = await changan.request('POST', `/api/work-plan/tasks/${task17.id}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-05-01',
      text: '已推荐典型区域。',
      figures: [{ targetId: regions.id, value: 2 }],
    });
    expect(a.statusCode, a.body).toBe(201);
    await changan.request('POST', `/api/work-plan/tasks/${task17.id}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-06-01',
      text: '又推荐一个。',
      figures: [{ targetId: regions.id, value: 3 }],
    });
    await qiaoxi.request('POST', `/api/work-plan/tasks/${task17.id}/reports`, {
      orgId: await h().orgId('GB130104'),
      reportDate: '2020-06-01',
      text: '推荐一个。',
      figures: [{ targetId: regions.id, value: 1 }],
    });
    const progress = (await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/progress`)).json();
    expect(progress.status).toBe('in_progress');
    expect(progress.targets[0]).toMatchObject({ count: 30, value: 4, isMet: false });
    expect(progress.canReview).toBe(true);
    expect((await changan.request('GET', `/api/work-plan/tasks/${task17.id}/progress`)).json().canReview).toBe(false);
  });

  it('drops a returned report from the figures and keeps the comment', async () => {
    const reports = (await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/reports`)).json();
    const qiaoxiReport = reports.find((r: { orgName: string }) => r.orgName === '桥西区教育局');
    const noComment = await ministry.request('POST', `/api/work-plan/reports/${qiaoxiReport.id}/review`, { decision: 'return' });
    expect(noComment.json().code).toBe('work-plan.return_needs_comment');
    const returned = await ministry.request('POST', `/api/work-plan/reports/${qiaoxiReport.id}/review`, {
      decision: 'return',
      comment: '请附推荐文件',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '请附推荐文件' });
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/progress`)).json().targets[0].value).toBe(3);
  });

  it('shows a unit only its own reports, the issuer all of them', async () => {
    const own = (await qiaoxi.request('GET', `/api/work-plan/tasks/${task17.id}/reports`)).json();
    expect(own.map((r: { orgName: string }) => r.orgName)).toEqual(['桥西区教育局']);
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/reports`)).json()).toHaveLength(3);
  });

  it("refuses a report from a unit the task does not name, and figures for another task's target", async () => {
    const notMine = await changan.request('POST', `/api/work-plan/tasks/${task14}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-06-01',
      text: '越权报送。',
    });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('work-plan.not_responsible');
    const stray = await changan.request('POST', `/api/work-plan/tasks/${task17.id}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-06-01',
      text: '错指标。',
      figures: [{ targetId: 'NOPE', value: 1 }],
    });
    expect(stray.json().code).toBe('work-plan.figure_not_in_task');
  });

  it('marks a task 滞后 after its due date and 已完成 once its targets are met', async () => {
    const due = await ministry.request('PATCH', `/api/work-plan/tasks/${task17.id}`, { dueDate: '2020-01-31' });
    expect(due.statusCode).toBe(204);
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/progress`)).json().status).toBe('late');
    // Shrink every target to what has been reported so far, as an issuer correcting its plan would.
    for (const t of task17.targets)
      await ministry.request('PATCH', `/api/work-plan/targets/${t.id}`, { count: t === task17.targets[0] ? 3 : 1 });
    const rest = task17.targets.slice(1).map((t) => ({ targetId: t.id, value: 1 }));
    await changan.request('POST', `/api/work-plan/tasks/${task17.id}/reports`, {
      orgId: await h().orgId('GB130102'),
      reportDate: '2020-06-15',
      text: '其余各项各完成一个。',
      figures: rest,
    });
    expect((await ministry.request('GET', `/api/work-plan/tasks/${task17.id}/progress`)).json().status).toBe('done');
    const audit = (await ministry.request('GET', '/api/audit/events?action=work-plan.&pageSize=100'))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(
      expect.arrayContaining([
        'work-plan.report.submitted',
        'work-plan.report.returned',
        'work-plan.task.updated',
        'work-plan.target.updated',
      ]),
    );
  });
});

describeOnEngines('work plan targets bound to indicators', (h) => {
  it("follows the live figure of a bound indicator over the issuer's subtree in the plan's year", async () => {
    await h().makeUser({ account: 'ib-zj', orgCode: 'GB330000', roles: ['org_admin'] });
    const zj = await h().signIn('ib-zj');
    const zhejiang = await h().orgId('GB330000');
    const year = beijingYear(h().now());
    const text = [
      `${year}年浙江省网络学习空间工作要点`,
      '重点任务',
      '(一)网络学习空间',
      '1.开通实名空间',
      `组织师生开通实名制网络学习空间，计划新增3个。(责任单位:浙江省教育厅)`,
    ].join('\n');
    const planId = (await zj.request('POST', '/api/work-plan/plans/import', { orgId: zhejiang, text })).json().plan.id;
    const task = (await zj.request('GET', `/api/work-plan/plans/${planId}`)).json().areas[0].tasks[0];
    const target = task.targets[0];
    expect(target).toMatchObject({ count: 3, object: '实名制网络学习空间' });
    const bad = await zj.request('PATCH', `/api/work-plan/targets/${target.id}`, { indicatorId: 'nope.nothing' });
    expect(bad.json().code).toBe('work-plan.unknown_indicator');
    expect((await zj.request('PATCH', `/api/work-plan/targets/${target.id}`, { indicatorId: 'users.accounts_real_name' })).statusCode).toBe(
      204,
    );
    const before = (await zj.request('GET', `/api/work-plan/tasks/${task.id}/progress`)).json().targets[0];
    expect(before.indicatorId).toBe('users.accounts_real_name');
    const hangzhou = await h().orgId('GB330106');
    for (const [i, id] of ['110101199003070011', '110101199003070038', '110101199003070054'].entries()) {
      const res = await zj.request('POST', '/api/users', {
        account: `ib-s${i}`,
        realName: '空间学生',
        orgId: hangzhou,
        idNumber: id,
        password: 'Space-Student-2026',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = (await zj.request('GET', `/api/work-plan/tasks/${task.id}/progress`)).json();
    expect(after.targets[0].value).toBe(before.value + 3);
    expect(after.targets[0].isMet).toBe(true);
    expect(after.status).toBe('done');
  });
});

describeOnEngines('work plan dashboard', (h) => {
  it("counts the 2020 plan's tasks by area and unit, and follows a report", async () => {
    await h().makeUser({ account: 'db-root', orgCode: 'MOE', roles: ['platform_admin'] });
    const admin = await h().signIn('db-root');
    const planId = (await admin.request('GET', '/api/work-plan/plans')).json()[0].id;
    const before = (await admin.request('GET', `/api/work-plan/plans/${planId}/dashboard`)).json();
    expect(before.totals).toEqual({ not_started: 32, in_progress: 0, done: 0, late: 0 });
    expect(before.byArea).toHaveLength(11);
    expect(before.byArea[5]).toMatchObject({ title: '扎实开展百区千校万课引领行动', counts: { not_started: 1 } });
    expect(before.byUnit[0].name).toBe('科技司');
    const task17 = before.tasks.find((t: { number: number }) => t.number === 17);
    await admin.request('POST', `/api/work-plan/tasks/${task17.taskId}/reports`, {
      orgId: await h().orgId('GB130000'),
      reportDate: '2020-05-01',
      text: '推荐中。',
    });
    const after = (await admin.request('GET', `/api/work-plan/plans/${planId}/dashboard`)).json();
    expect(after.totals).toMatchObject({ not_started: 31, in_progress: 1 });
    expect(after.byArea[5].counts).toMatchObject({ in_progress: 1, not_started: 0 });
  });
});

describeOnEngines('work plan ledger', (h) => {
  it('exports one row per target (one per task without) with units, goals and status', async () => {
    const ExcelJS = (await import('exceljs')).default;
    await h().makeUser({ account: 'lg-root', orgCode: 'MOE', roles: ['platform_admin'] });
    const admin = await h().signIn('lg-root');
    const planId = (await admin.request('GET', '/api/work-plan/plans')).json()[0].id;
    const res = await admin.request('GET', `/api/work-plan/plans/${planId}/ledger`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('工作要点台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '方面',
      '任务编号',
      '任务',
      '责任单位（牵头单位在前）',
      '量化指标',
      '目标',
      '当前值',
      '完成度',
      '状态',
      '完成时限',
      '报告数',
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
    expect(rows.filter((r) => r[1] === 17)).toHaveLength(9);
    expect(rows.find((r) => r[1] === 3)?.[5]).toBe('20个以上');
    expect(rows.find((r) => r[1] === 17)?.[3]).toBe('科技司、相关业务司局、中央电教馆、地方各级教育行政部门、基教司');
    expect(rows.find((r) => r[1] === 1)?.[8]).toBe('未启动');
    expect(rows.length).toBe(22 + 24);
  });
});

describeOnEngines('work plans year over year', (h) => {
  it("matches every task of a revised plan to last year's and names the target that changed", async () => {
    const { readFileSync } = await import('node:fs');
    await h().makeUser({ account: 'yy-root', orgCode: 'MOE', roles: ['platform_admin'] });
    const admin = await h().signIn('yy-root');
    const previousId = (await admin.request('GET', '/api/work-plan/plans')).json()[0].id;
    const text = readFileSync(new URL('../seed/2020-education-informatization-work-plan.txt', import.meta.url), 'utf8')
      .replaceAll('2020年教育信息化和网络安全工作要点', '2021年教育信息化和网络安全工作要点')
      .replaceAll('遴选30个典型区域', '遴选35个典型区域');
    const imported = await admin.request('POST', '/api/work-plan/plans/import', { orgId: await h().orgId('MOE'), text });
    expect(imported.statusCode, imported.body).toBe(201);
    const res = await admin.request('GET', `/api/work-plan/plans/${imported.json().plan.id}/compare?with=${previousId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.continuing).toBe(32);
    const t17 = body.matches.find((m: any) => m.current.number === 17);
    expect(t17.previous.number).toBe(17);
    expect(t17.targetChanges).toEqual([{ object: '典型区域', unit: '个', before: 30, after: 35 }]);
    expect(body.matches.filter((m: any) => m.targetChanges.length > 0)).toHaveLength(1);
  });
});
