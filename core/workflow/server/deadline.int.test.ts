import { beforeAll, expect, it } from 'vitest';
import type { JobDefinition } from '#kernel';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { workflowModule } from '../module.ts';
import { reviewFixtureModule } from '../testing/review-fixture.ts';
import { act, detail, makeSchool, person, submit, todoIds, type KitSession } from '../testing/workflow-kit.ts';
import { sweepDeadlines } from './deadline.service.ts';

const HOUR = 3600_000;

describeOnEngines(
  'workflow: deadlines, reminders and escalation',
  (harness) => {
    let h: TestApp;
    let school: string;
    let teacher: KitSession, county: KitSession, city: KitSession;
    /** Moves the clock; sessions idle out meanwhile, so everyone signs in again. */
    const later = async (ms: number) => {
      h.advance(ms);
      [teacher, county, city] = await Promise.all([teacher, county, city].map((s) => h.signIn(s.account)));
    };

    beforeAll(async () => {
      h = harness();
      const code = await makeSchool(h, 'GB130105', 'WF-DUE-SCHOOL', '新华区实验小学');
      school = await h.orgId(code);
      teacher = await person(h, 'd-teacher', code, ['teacher'], '孙老师');
      county = await person(h, 'd-county', 'GB130105', ['reviewer'], '县审核员');
      city = await person(h, 'd-city', 'GB130100', ['reviewer'], '市审核员');
    });

    it('reminds once before the deadline, then escalates the overdue step to the level above', async () => {
      const inst = await submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: 'due-1', orgId: school });
      expect(new Date(inst.dueAt!).getTime() - h.now().getTime()).toBeGreaterThan(71.9 * HOUR);
      await later(47 * HOUR);
      expect(await sweepDeadlines(h.system())).toEqual({ reminded: 0, escalated: 0 });
      await later(1.5 * HOUR);
      expect(await sweepDeadlines(h.system())).toEqual({ reminded: 1, escalated: 0 });
      expect(await sweepDeadlines(h.system())).toEqual({ reminded: 0, escalated: 0 });
      expect((await detail(county, inst.id)).history.at(-1)).toMatchObject({ operation: 'remind', actorName: 'system' });

      await later(24 * HOUR);
      const audited = (await detail(county, inst.id)).instance.version;
      expect(await sweepDeadlines(h.system())).toEqual({ reminded: 0, escalated: 1 });
      const view = await detail(city, inst.id);
      expect(view.instance).toMatchObject({ stepId: 'county', actingOrgName: '石家庄市教育局', isOverdue: false, version: audited + 1 });
      expect(view.steps[0]).toMatchObject({ status: 'current', orgName: '石家庄市教育局' });
      expect(view.history.at(-1)).toMatchObject({ operation: 'escalate', targetOrgName: '石家庄市教育局' });
      expect(view.tasks.filter((t: any) => t.status === 'open')).toEqual([
        expect.objectContaining({ kind: 'org', origin: 'escalated', orgName: '石家庄市教育局' }),
      ]);
      expect(await todoIds(county)).not.toContain(inst.id);
      expect(await todoIds(city)).toContain(inst.id);
      expect((await act(county, inst.id, 'approve')).statusCode).toBe(403);

      // The city decides the county's step, then its own.
      expect((await act(city, inst.id, 'approve')).json().instance).toMatchObject({ stepId: 'city', actingOrgName: '石家庄市教育局' });
      expect((await act(city, inst.id, 'approve')).json().instance.stepId).toBe('province');
    });

    it('marks an overdue step in the to-do list until the sweep moves it', async () => {
      const inst = await submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: 'due-2', orgId: school });
      await later(73 * HOUR);
      const todo = (await county.request('GET', '/api/workflow/todo')).json();
      expect(todo.items.find((t: any) => t.instance.id === inst.id).instance.isOverdue).toBe(true);
      // A reviewer who acts after the deadline but before the sweep still decides it.
      expect((await act(county, inst.id, 'approve')).statusCode).toBe(200);
      expect(await sweepDeadlines(h.system())).toMatchObject({ escalated: 0 });
    });

    it('runs as the workflow.deadlines job declared in the manifest', async () => {
      const inst = await submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: 'due-3', orgId: school });
      await later(80 * HOUR);
      const job: JobDefinition = workflowModule.jobs.find((j) => j.id === 'workflow.deadlines')!;
      expect(job.everySeconds).toBeGreaterThan(0);
      expect(await job.run(h.system(), h.platform.host)).toMatchObject({
        summary: expect.stringMatching(/^reminded \d+, escalated [1-9]\d*$/),
      });
      expect((await detail(city, inst.id)).instance.actingOrgName).toBe('石家庄市教育局');
    });
  },
  { extraModules: [reviewFixtureModule] },
);
