import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { reviewFixtureModule } from '../testing/review-fixture.ts';
import { act, detail, makeSchool, person, submit, todoIds, type KitSession } from '../testing/workflow-kit.ts';

describeOnEngines(
  'workflow: 会签, 加签 and 转办',
  (harness) => {
    let h: TestApp;
    let school: string;
    let teacher: KitSession, a: KitSession, b: KitSession, c: KitSession, city: KitSession, zhejiang: KitSession;
    let n = 0;
    const start = (definitionId: string) => submit(h, teacher, { definitionId, subjectId: `s-${++n}`, orgId: school });
    const stepOf = async (id: string) => (await detail(teacher, id)).instance;

    beforeAll(async () => {
      h = harness();
      const code = await makeSchool(h, 'GB130104', 'WF-PANEL-SCHOOL', '桥西区实验小学');
      school = await h.orgId(code);
      teacher = await person(h, 'p-teacher', code, ['teacher'], '赵老师');
      a = await person(h, 'p-a', 'GB130104', ['reviewer'], '专家甲');
      b = await person(h, 'p-b', 'GB130104', ['reviewer'], '专家乙');
      c = await person(h, 'p-c', 'GB130104', ['reviewer'], '专家丙');
      city = await person(h, 'p-city', 'GB130100', ['reviewer'], '市审核员');
      zhejiang = await person(h, 'p-zj', 'GB330000', ['reviewer'], '浙江审核员');
    });

    it('gives each county holder a vote on a 会签 step and, under "all", moves on after the last approval', async () => {
      const inst = await start('review-fixture.panel-all');
      const view = await detail(a, inst.id);
      expect(view.tasks.map((t: any) => [t.kind, t.userName]).sort()).toEqual([
        ['user', '专家丙'],
        ['user', '专家乙'],
        ['user', '专家甲'],
      ]);
      for (const s of [a, b, c]) expect(await todoIds(s)).toContain(inst.id);
      await act(a, inst.id, 'approve');
      expect(await todoIds(a)).not.toContain(inst.id);
      expect((await act(a, inst.id, 'approve')).statusCode).toBe(403);
      await act(b, inst.id, 'approve');
      expect((await stepOf(inst.id)).stepId).toBe('panel');
      await act(c, inst.id, 'approve');
      expect((await stepOf(inst.id)).stepId).toBe('city');
    });

    it('fails an "all" step on the first rejection', async () => {
      const inst = await start('review-fixture.panel-all');
      await act(a, inst.id, 'approve');
      await act(b, inst.id, 'reject', { comment: '不符合要求' });
      expect(await stepOf(inst.id)).toMatchObject({ state: 'rejected' });
      expect(await todoIds(c)).not.toContain(inst.id);
    });

    it('decides a "majority" step once more than half agree, and counts a tie as a failure', async () => {
      const passed = await start('review-fixture.panel-majority');
      await act(a, passed.id, 'approve');
      await act(b, passed.id, 'reject', { comment: '一般' });
      expect((await stepOf(passed.id)).stepId).toBe('panel');
      await act(c, passed.id, 'approve');
      expect((await stepOf(passed.id)).stepId).toBe('city');

      // A fourth signer (加签) makes two against two: not a majority.
      const tied = await start('review-fixture.panel-majority');
      expect((await act(a, tied.id, 'add-signer', { userId: city.userId, comment: '请市级专家参与' })).statusCode).toBe(200);
      await act(a, tied.id, 'approve');
      await act(city, tied.id, 'approve');
      await act(b, tied.id, 'reject', { comment: '否' });
      expect((await stepOf(tied.id)).state).toBe('in_progress');
      await act(c, tied.id, 'reject', { comment: '否' });
      expect((await stepOf(tied.id)).state).toBe('rejected');
    });

    it('passes an "any" step on the first approval and closes the other votes', async () => {
      const inst = await start('review-fixture.panel-any');
      await act(a, inst.id, 'reject', { comment: '否' });
      await act(b, inst.id, 'approve');
      const view = await detail(city, inst.id);
      expect(view.instance.stepId).toBe('city');
      expect(await todoIds(c)).not.toContain(inst.id);
    });

    it('加签: the added signer must also approve a single-reviewer step', async () => {
      const inst = await start('review-fixture.lesson');
      const added = (await act(a, inst.id, 'add-signer', { userId: city.userId, comment: '请市教研员把关' })).json();
      expect(added.tasks.map((t: any) => `${t.kind}:${t.origin}:${t.userName ?? t.orgName}`)).toEqual([
        'org:route:桥西区教育局',
        'user:added:市审核员',
      ]);
      expect(added.history.at(-1)).toMatchObject({ operation: 'add_signer', targetUserName: '市审核员', comment: '请市教研员把关' });
      expect(await todoIds(city)).toContain(inst.id);
      const twice = await act(a, inst.id, 'add-signer', { userId: city.userId });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('workflow.already_signer');
      const teacherAsSigner = await act(a, inst.id, 'add-signer', { userId: teacher.userId });
      expect(teacherAsSigner.statusCode).toBe(400);
      expect(teacherAsSigner.json().code).toBe('workflow.user_cannot_act');
      await act(b, inst.id, 'approve');
      expect((await stepOf(inst.id)).stepId).toBe('county');
      await act(city, inst.id, 'approve');
      expect((await stepOf(inst.id)).stepId).toBe('city');
    });

    it('转办: the task moves to the chosen colleague, who then decides instead', async () => {
      const inst = await start('review-fixture.panel-all');
      const candidates = (await a.request('GET', `/api/workflow/instances/${inst.id}/candidates?q=专家`)).json();
      expect(candidates.map((x: any) => x.name).sort()).toEqual(['专家丙', '专家乙']);
      expect((await act(a, inst.id, 'transfer', { userId: a.userId })).json().code).toBe('workflow.transfer_to_self');
      const outsider = await act(a, inst.id, 'transfer', { userId: zhejiang.userId });
      expect(outsider.json().code).toBe('workflow.user_cannot_act');
      // b already signs this round: a cannot hand a second vote to b.
      expect((await act(a, inst.id, 'transfer', { userId: b.userId })).json().code).toBe('workflow.already_signer');
      const moved = (await act(a, inst.id, 'transfer', { userId: city.userId, comment: '出差，请代为审核' })).json();
      expect(moved.history.at(-1)).toMatchObject({ operation: 'transfer', targetUserName: '市审核员' });
      expect(await todoIds(a)).not.toContain(inst.id);
      expect((await act(a, inst.id, 'approve')).statusCode).toBe(403);
      for (const s of [city, b, c]) expect((await act(s, inst.id, 'approve')).statusCode).toBe(200);
      expect((await stepOf(inst.id)).stepId).toBe('city');
      const done = (await a.request('GET', '/api/workflow/done')).json();
      expect(done.items.find((d: any) => d.instance.id === inst.id)?.lastOperation).toBe('transfer');
    });
  },
  { extraModules: [reviewFixtureModule] },
);
