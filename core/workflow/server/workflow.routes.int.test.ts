import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import type { WorkflowPort } from '../contract/workflow.service.ts';
import { createRole } from '#core/access/server/access.service.ts';
import { fixtureTransitions, REVIEW, reviewFixtureModule } from '../testing/review-fixture.ts';
import { act, detail, makeSchool, person, submit, todoIds, type KitSession } from '../testing/workflow-kit.ts';

describeOnEngines(
  'workflow: routing up the tree and the basic operations',
  (harness) => {
    let h: TestApp;
    let school: string;
    let teacher: KitSession,
      principal: KitSession,
      county: KitSession,
      county2: KitSession,
      city: KitSession,
      province: KitSession,
      ministry: KitSession,
      zhejiang: KitSession;
    let n = 0;
    const start = (definition = 'review-fixture.lesson', subjectId = `lesson-${++n}`) =>
      submit(h, teacher, { definitionId: definition, subjectId, orgId: school });

    beforeAll(async () => {
      h = harness();
      const schoolCode = await makeSchool(h, 'GB130102', 'WF-SCHOOL', '长安区实验小学');
      school = await h.orgId(schoolCode);
      teacher = await person(h, 'wf-teacher', schoolCode, ['teacher'], '王老师');
      principal = await person(h, 'wf-principal', schoolCode, ['reviewer'], '李校长');
      county = await person(h, 'wf-county', 'GB130102', ['reviewer'], '县审核员');
      county2 = await person(h, 'wf-county2', 'GB130102', ['reviewer'], '县审核员二');
      city = await person(h, 'wf-city', 'GB130100', ['reviewer'], '市审核员');
      province = await person(h, 'wf-province', 'GB130000', ['reviewer'], '省审核员');
      ministry = await person(h, 'wf-ministry', 'MOE', ['reviewer'], '部审核员');
      zhejiang = await person(h, 'wf-zhejiang', 'GB330000', ['reviewer'], '浙江审核员');
    });

    it("routes a school's submission county → city → province → ministry and finishes approved", async () => {
      const inst = await start();
      expect(inst).toMatchObject({ state: 'in_progress', stepId: 'county', actingOrgName: '长安区教育局', applicantName: '王老师' });
      const view = await detail(teacher, inst.id);
      expect(view.steps.map((s: any) => [s.id, s.orgName, s.status])).toEqual([
        ['county', '长安区教育局', 'current'],
        ['city', '石家庄市教育局', 'pending'],
        ['province', '河北省教育厅', 'pending'],
        ['ministry', '中华人民共和国教育部', 'pending'],
      ]);
      for (const [reviewer, next] of [
        [county, 'city'],
        [city, 'province'],
        [province, 'ministry'],
      ] as const) {
        expect(await todoIds(reviewer)).toContain(inst.id);
        const res = await act(reviewer, inst.id, 'approve', { comment: '同意推荐' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().instance.stepId).toBe(next);
        expect(await todoIds(reviewer)).not.toContain(inst.id);
      }
      const done = (await act(ministry, inst.id, 'approve')).json();
      expect(done.instance).toMatchObject({ state: 'approved', actingOrgId: null });
      expect(done.steps.every((s: any) => s.status === 'done')).toBe(true);
      expect(done.history.map((e: any) => `${e.operation}:${e.actorName}`)).toEqual([
        'submit:王老师',
        'approve:县审核员',
        'approve:市审核员',
        'approve:省审核员',
        'approve:部审核员',
      ]);
      expect(done.history[1]).toMatchObject({ fromStep: 'county', toStep: 'city', comment: '同意推荐' });
      expect(fixtureTransitions.filter((t) => t.instanceId === inst.id).map((t) => `${t.operation}:${t.toStep}:${t.state}`)).toEqual([
        'submit:county:in_progress',
        'approve:city:in_progress',
        'approve:province:in_progress',
        'approve:ministry:in_progress',
        'approve:null:approved',
      ]);
      const done2 = (await county.request('GET', '/api/workflow/done')).json();
      expect(done2.items.find((d: any) => d.instance.id === inst.id)).toMatchObject({
        lastOperation: 'approve',
        instance: { state: 'approved' },
      });
      const started = (await teacher.request('GET', '/api/workflow/started?definitionId=review-fixture.lesson')).json();
      expect(started.items.map((i: any) => i.id)).toContain(inst.id);
    });

    it('lists a task once for someone holding its permission through two roles on the org, and not for the next org', async () => {
      await createRole(h.system(), { code: 'wf_second_reviewer', name: '第二审核角色', permissions: [REVIEW] });
      const both = await person(h, 'wf-county-both', 'GB130102', ['reviewer', 'wf_second_reviewer'], '县审核员三');
      await start();
      await start();
      const inst = await start();
      expect((await todoIds(both)).filter((id) => id === inst.id)).toEqual([inst.id]);
      const todo = (await both.request('GET', '/api/workflow/todo?pageSize=100')).json();
      expect(todo.total).toBe(todo.items.length);
      // Pages of one walk the same list, newest first.
      const ids = todo.items.map((t: any) => t.instance.id);
      expect(ids.length).toBeGreaterThan(2);
      for (const page of [1, 2, 3]) {
        const one = (await both.request('GET', `/api/workflow/todo?pageSize=1&page=${page}`)).json();
        expect([one.total, one.items.map((t: any) => t.instance.id)]).toEqual([ids.length, [ids[page - 1]]]);
      }
      const neighbour = await person(h, 'wf-qiaoxi', 'GB130104', ['reviewer'], '桥西审核员');
      expect(await todoIds(neighbour)).not.toContain(inst.id);
    });

    it('skips a level the definition names, and one missing above the school', async () => {
      const inst = await start('review-fixture.lesson-no-city');
      await act(county, inst.id, 'approve');
      const view = await detail(province, inst.id);
      expect(view.instance.stepId).toBe('province');
      expect(view.steps.map((s: any) => s.status)).toEqual(['done', 'skipped', 'current', 'pending']);
      // Beijing's districts sit directly under the municipality: no city step there.
      const bjSchool = await h.orgId(await makeSchool(h, 'GB110108', 'WF-BJ-SCHOOL', '海淀区实验小学'));
      const bj = await submit(h, teacher, { definitionId: 'review-fixture.lesson', subjectId: 'bj-1', orgId: bjSchool });
      const bjView = (await h.platform.host
        .service<WorkflowPort>('workflow')
        .findBySubject(h.system(), 'review-fixture.application', 'bj-1'))!;
      expect(bjView.id).toBe(bj.id);
      expect((await detail(teacher, bj.id)).steps.map((s: any) => `${s.id}:${s.status}`)).toEqual([
        'county:current',
        'city:skipped',
        'province:pending',
        'ministry:pending',
      ]);
    });

    it('starts at the school itself for an applicant_org step', async () => {
      const inst = await start('review-fixture.school-first');
      expect(inst.actingOrgName).toBe('长安区实验小学');
      expect(await todoIds(principal)).toContain(inst.id);
      expect((await act(principal, inst.id, 'approve')).json().instance.stepId).toBe('county');
    });

    it('lets only the acting level act: not the county on the city step, not the city on the county step', async () => {
      const inst = await start();
      const early = await act(city, inst.id, 'approve');
      expect(early.statusCode).toBe(403);
      expect(early.json().code).toBe('workflow.not_your_turn');
      await act(county, inst.id, 'approve');
      const late = await act(county, inst.id, 'approve');
      expect(late.statusCode).toBe(403);
      expect(late.json().code).toBe('workflow.not_your_turn');
      expect((await detail(county, inst.id)).actions).toMatchObject({ approve: false, reject: false, return: false });
      expect((await detail(city, inst.id)).actions).toMatchObject({ approve: true, returnTargets: ['county', 'applicant'] });
    });

    it('hides a review from a reviewer in another province, who cannot act on it either', async () => {
      const inst = await start();
      const version = (await detail(county, inst.id)).instance.version;
      expect((await zhejiang.request('GET', `/api/workflow/instances/${inst.id}`)).statusCode).toBe(404);
      const res = await act(zhejiang, inst.id, 'approve', {}, version);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('workflow.instance_not_found');
      expect(await todoIds(zhejiang)).toEqual([]);
      expect((await zhejiang.request('GET', `/api/workflow/instances/${inst.id}/candidates`)).statusCode).toBe(404);
    });

    it('ends the review on a rejection, which needs a reason', async () => {
      const inst = await start();
      const bare = await act(county, inst.id, 'reject', { comment: '  ' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().code).toBe('workflow.comment_required');
      const res = (await act(county, inst.id, 'reject', { comment: '课例不完整' })).json();
      expect(res.instance).toMatchObject({ state: 'rejected', stepId: 'county' });
      expect(res.steps[0].status).toBe('rejected');
      expect(res.history.at(-1)).toMatchObject({ operation: 'reject', comment: '课例不完整' });
      expect(await todoIds(county)).not.toContain(inst.id);
    });

    it('returns to the previous step, a chosen step and the applicant, who resubmits', async () => {
      const inst = await start();
      await act(county, inst.id, 'approve');
      await act(city, inst.id, 'approve');
      const bad = await act(province, inst.id, 'return', { to: 'ministry', comment: '退回' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('workflow.bad_return_target');
      expect((await act(province, inst.id, 'return', { to: 'previous', comment: '请市级复核' })).json().instance.stepId).toBe('city');
      expect((await act(city, inst.id, 'return', { to: 'county', comment: '请县级补充材料' })).json().instance.stepId).toBe('county');
      expect(await todoIds(county)).toContain(inst.id);
      const back = (await act(county, inst.id, 'return', { to: 'applicant', comment: '视频不清晰' })).json();
      expect(back.instance).toMatchObject({ state: 'returned', actingOrgId: null });
      expect(back.steps[0].status).toBe('returned');
      expect(await todoIds(teacher)).toContain(inst.id);
      expect((await detail(teacher, inst.id)).actions).toMatchObject({ resubmit: true, withdraw: true, approve: false });
      const again = (await act(teacher, inst.id, 'resubmit', { comment: '已重新录制' })).json();
      expect(again.instance).toMatchObject({ state: 'in_progress', stepId: 'county' });
      expect(await todoIds(teacher)).not.toContain(inst.id);
      expect(again.history.map((e: any) => `${e.operation}:${e.fromStep}>${e.toStep}`)).toEqual([
        'submit:null>county',
        'approve:county>city',
        'approve:city>province',
        'return:province>city',
        'return:city>county',
        'return:county>null',
        'resubmit:null>county',
      ]);
      expect(again.history[5].targetUserName).toBe('王老师');
    });

    it('lets the applicant withdraw while the current step is untouched, and nobody else', async () => {
      const inst = await start('review-fixture.lesson', 'withdraw-me');
      const stranger = await act(county, inst.id, 'withdraw');
      expect(stranger.statusCode).toBe(403);
      expect(stranger.json().code).toBe('workflow.not_applicant');
      const res = (await act(teacher, inst.id, 'withdraw', { comment: '信息有误' })).json();
      expect(res.instance.state).toBe('withdrawn');
      expect(res.history.at(-1)).toMatchObject({ operation: 'withdraw', comment: '信息有误' });
      expect(await todoIds(county)).not.toContain(inst.id);
      expect(fixtureTransitions.at(-1)).toMatchObject({ instanceId: inst.id, operation: 'withdraw', state: 'withdrawn' });
      // Withdrawn is final; the owning module may submit the record afresh.
      const fresh = await start('review-fixture.lesson', 'withdraw-me');
      expect(fresh.id).not.toBe(inst.id);
      expect((await act(county, fresh.id, 'add-signer', { userId: city.userId })).statusCode).toBe(200);
      expect((await detail(teacher, fresh.id)).actions.withdraw).toBe(false);
      const late = await act(teacher, fresh.id, 'withdraw');
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('workflow.already_acted_on');
    });

    it('never lets an applicant review their own submission, even holding the permission', async () => {
      const inst = await submit(h, county, { definitionId: 'review-fixture.lesson', subjectId: 'own', orgId: school });
      expect(await todoIds(county)).not.toContain(inst.id);
      const own = await act(county, inst.id, 'approve');
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('workflow.not_your_turn');
      expect(await todoIds(county2)).toContain(inst.id);
      expect((await act(county2, inst.id, 'add-signer', { userId: county.userId })).json().code).toBe('workflow.user_cannot_act');
      expect((await act(county2, inst.id, 'approve')).json().instance.stepId).toBe('city');
    });

    it('refuses a second active review of the same record', async () => {
      await start('review-fixture.lesson', 'twice');
      await expect(start('review-fixture.lesson', 'twice')).rejects.toMatchObject({ code: 'workflow.already_in_progress' });
    });

    it("undoes the whole operation when the owning module's hook fails", async () => {
      await expect(start('review-fixture.lesson', 'explode-1')).rejects.toThrow('owner refused');
      const port = h.platform.host.service<WorkflowPort>('workflow');
      expect(await port.findBySubject(h.system(), 'review-fixture.application', 'explode-1')).toBeNull();
    });

    it('refuses a submission with no reviewing org above it', async () => {
      // A provincial review for a record of the ministry itself: nothing above.
      await expect(
        submit(h, ministry, { definitionId: 'review-fixture.provincial', subjectId: 'nowhere', orgId: await h.orgId('MOE') }),
      ).rejects.toMatchObject({ code: 'workflow.no_route' });
    });

    it("keeps attachments with their history entry, readable by the instance's readers only", async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
      const boundary = '----wf';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="教案.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const upload = await teacher.request('POST', `/api/files?orgId=${school}`, body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const fileId = upload.json().id;
      const inst = await submit(h, teacher, {
        definitionId: 'review-fixture.lesson',
        subjectId: 'with-file',
        orgId: school,
        fileIds: [fileId],
        comment: '附教案',
      });
      const view = await detail(county, inst.id);
      expect(view.history[0].files).toEqual([{ id: fileId, name: '教案.pdf' }]);
      expect((await county.request('GET', `/api/files/${fileId}/content`)).statusCode).toBe(200);
      expect((await zhejiang.request('GET', `/api/files/${fileId}/content`)).statusCode).toBe(404);
    });
  },
  { extraModules: [reviewFixtureModule] },
);
