import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { reviewFixtureModule } from '../testing/review-fixture.ts';
import { act, detail, makeSchool, person, submit, type KitSession } from '../testing/workflow-kit.ts';

describeOnEngines(
  'workflow: concurrent operations on one instance',
  (harness) => {
    let h: TestApp;
    let school: string;
    let teacher: KitSession, first: KitSession, second: KitSession;
    let n = 0;
    const start = () => submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: `race-${++n}`, orgId: school });

    beforeAll(async () => {
      h = harness();
      const code = await makeSchool(h, 'GB130107', 'WF-RACE-SCHOOL', '井陉矿区实验小学');
      school = await h.orgId(code);
      teacher = await person(h, 'r-teacher', code, ['teacher'], '周老师');
      first = await person(h, 'r-first', 'GB130107', ['reviewer'], '审核员一');
      second = await person(h, 'r-second', 'GB130107', ['reviewer'], '审核员二');
    });

    it('lets exactly one of two simultaneous approvals win; the other is told the instance changed', async () => {
      for (let round = 0; round < 5; round++) {
        const inst = await start();
        const { version } = (await detail(first, inst.id)).instance;
        const results = await Promise.all([act(first, inst.id, 'approve', {}, version), act(second, inst.id, 'approve', {}, version)]);
        const codes = results.map((r) => r.statusCode).sort();
        expect(codes, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
        expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('workflow.instance_changed');
        const view = await detail(first, inst.id);
        expect(view.instance.stepId).toBe('city');
        expect(view.history.filter((e: any) => e.operation === 'approve')).toHaveLength(1);
      }
    });

    it('lets one of a return and an approval racing on the same step win, never both', async () => {
      const inst = await start();
      const { version } = (await detail(first, inst.id)).instance;
      const results = await Promise.all([
        act(first, inst.id, 'return', { to: 'applicant', comment: '补充材料' }, version),
        act(second, inst.id, 'approve', {}, version),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const view = await detail(teacher, inst.id);
      expect(view.history).toHaveLength(2);
      expect(['returned', 'in_progress']).toContain(view.instance.state);
    });

    it('refuses an operation at a version the caller no longer sees', async () => {
      const inst = await start();
      const { version } = (await detail(first, inst.id)).instance;
      await act(first, inst.id, 'add-signer', { userId: second.userId }, version);
      const stale = await act(second, inst.id, 'approve', {}, version);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('workflow.instance_changed');
    });

    it('keeps one active review when the same record is submitted twice at once', async () => {
      const subjectId = 'race-submit';
      const results = await Promise.allSettled([
        submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId, orgId: school }),
        submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId, orgId: school }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
        code: 'workflow.already_in_progress',
      });
    });
  },
  { extraModules: [reviewFixtureModule] },
);
