import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { reviewFixtureModule } from '../testing/review-fixture.ts';
import { act, makeSchool, person, submit, type KitSession } from '../testing/workflow-kit.ts';
import { sweepDeadlines } from './deadline.service.ts';

describeOnEngines(
  'workflow: notices in the inbox',
  (harness) => {
    let h: TestApp;
    let school: string;
    let teacher: KitSession, county: KitSession, city: KitSession;
    const inbox = async (s: KitSession, lang = 'zh-CN') =>
      (await s.request('GET', `/api/notify/inbox?pageSize=100&lang=${lang}`)).json().items as Array<{
        kind: string;
        title: string;
        body: string;
        link: string;
      }>;

    beforeAll(async () => {
      h = harness();
      const code = await makeSchool(h, 'GB130108', 'WF-NOTE-SCHOOL', '裕华区实验小学');
      school = await h.orgId(code);
      teacher = await person(h, 'n-teacher', code, ['teacher'], '吴老师');
      county = await person(h, 'n-county', 'GB130108', ['reviewer'], '县审核员');
      city = await person(h, 'n-city', 'GB130100', ['reviewer'], '市审核员');
    });

    it("tells the step's holders a task arrived, in their language, linking to the review", async () => {
      const inst = await submit(h, teacher, {
        definitionId: 'review-fixture.lesson',
        subjectId: 'note-1',
        orgId: school,
        title: '《圆的认识》',
      });
      const [note] = (await inbox(county)).filter((n) => n.kind === 'workflow.task_assigned');
      expect(note).toMatchObject({ title: '待办：《圆的认识》', link: `/workflow/todo?instance=${inst.id}` });
      expect(note.body).toContain('县级推荐');
      expect((await inbox(county, 'en')).find((n) => n.kind === 'workflow.task_assigned')!.body).toContain('County recommendation');
      expect((await inbox(teacher)).filter((n) => n.kind === 'workflow.task_assigned')).toEqual([]);
      expect(await inbox(city)).toEqual([]);
    });

    it('tells the applicant why it came back, and the outcome', async () => {
      const inst = await submit(h, teacher, {
        definitionId: 'review-fixture.lesson',
        subjectId: 'note-2',
        orgId: school,
        title: '《角的度量》',
      });
      await act(county, inst.id, 'return', { to: 'applicant', comment: '请补充课件' });
      const returned = (await inbox(teacher)).find((n) => n.kind === 'workflow.returned')!;
      expect(returned.body).toContain('请补充课件');
      await act(teacher, inst.id, 'resubmit');
      await act(county, inst.id, 'reject', { comment: '不符合条件' });
      expect((await inbox(teacher)).map((n) => n.kind)).toContain('workflow.rejected');
    });

    it('tells the level above when an overdue step is escalated to it', async () => {
      await submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: 'note-3', orgId: school, title: '《搭配问题》' });
      h.advance(80 * 3600_000);
      await sweepDeadlines(h.system());
      const again = await h.signIn(city.account);
      const escalated = (await inbox(again)).find((n) => n.kind === 'workflow.escalated')!;
      expect(escalated.title).toBe('逾期上报：《搭配问题》');
    });
  },
  { extraModules: [reviewFixtureModule] },
);
