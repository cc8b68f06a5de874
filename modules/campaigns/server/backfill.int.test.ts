import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { PRESETS } from './presets.ts';

const LESSON = (node: string) => ({
  stage: '初中',
  grade: '七年级',
  subject: '数学',
  edition: '人教版',
  node,
  lessonUrl: 'https://example.edu.cn/lesson',
  summary: '课例。',
});
const DAY = 86_400_000;

/*
 * 长安区 organises a county round (no authority between its schools and it, so every 晒课 is
 * recommended at once) with two places. Ranked a 90, c 80, b 70, d 60: a and b are selected,
 * c teaches a's node (one per node) and d comes after the quota. An objection against a is
 * upheld during 公示; 递补 takes c, whose conflict with a is gone, and the display restarts.
 */
describeOnEngines('递补: an upheld objection frees a place for the next in rank', (h) => {
  let organiser: Session;
  let campaignId: string;
  const apps: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const selected = async () => {
    const res = await organiser.request('GET', `/api/campaigns/${campaignId}/selection`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().decisions as Array<{
      applicationId: string;
      selected: boolean;
      exclusion: { code: string; params: Record<string, unknown> } | null;
    }>;
  };

  beforeAll(async () => {
    const root = await h().signInAs('bf-root', 'MOE', ['platform_admin']);
    const created = await root.request('POST', '/api/orgs', {
      parentId: await h().orgId('GB130102'),
      code: 'BF-SCHOOL',
      name: '长安区递补中学',
      type: 'school',
      stage: 'junior',
    });
    expect(created.statusCode, created.body).toBe(201);
    const school = created.json().id as string;
    organiser = await h().signInAs('bf-changan', 'GB130102', ['org_admin']);
    const expert = await h().signInAs('bf-expert', 'GB110000', ['expert']);

    const campaign = await organiser.request('POST', '/api/campaigns', {
      type: 'excellent_lesson',
      orgId: await h().orgId('GB130102'),
      year: 2021,
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    campaignId = campaign.json().id;
    const rules = {
      ...PRESETS.excellent_lesson.rules,
      categories: [{ ...PRESETS.excellent_lesson.rules.categories[0], quota: 2 }],
      levelQuotas: [],
      expertsPerApplication: 1,
      publicityDays: 5,
    };
    expect((await organiser.request('PATCH', `/api/campaigns/${campaignId}`, { rules })).statusCode).toBe(200);
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/open`)).statusCode).toBe(200);
    for (const [key, node] of [
      ['a', '一元一次方程'],
      ['b', '有理数'],
      ['c', '一元一次方程'],
      ['d', '勾股定理'],
    ] as const) {
      const teacher = await h().signInAs(`bf-teacher-${key}`, 'BF-SCHOOL', ['teacher']);
      const res = await teacher.request('POST', `/api/campaigns/${campaignId}/applications`, {
        categoryCode: 'lesson',
        orgId: school,
        title: `${node}（${key}）`,
        values: LESSON(node),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('recommended');
      apps[key] = res.json().id;
    }
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/close`)).statusCode).toBe(200);
    expect(
      (await organiser.request('POST', `/api/campaigns/${campaignId}/experts`, { categoryCode: 'lesson', userIds: [expert.userId] }))
        .statusCode,
    ).toBe(200);
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/draw`, { seed: 7 })).json()).toMatchObject({
      assigned: 4,
      shortfalls: [],
    });
    const mark = { [apps.a]: 9, [apps.c]: 8, [apps.b]: 7, [apps.d]: 6 };
    for (const review of (await expert.request('GET', '/api/campaigns/reviews/mine')).json() as Array<{
      id: string;
      applicationId: string;
    }>) {
      const m = mark[review.applicationId];
      const res = await expert.request('PUT', `/api/campaigns/reviews/${review.id}`, {
        marks: { design: m, integration: m, effect: m, resources: m },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/backfill`)).json().code).toBe('campaigns.wrong_status');
    const result = (await organiser.request('POST', `/api/campaigns/${campaignId}/selection`)).json();
    expect(result.decisions.map((d: { applicationId: string; selected: boolean }) => [d.applicationId, d.selected])).toEqual([
      [apps.a, true],
      [apps.c, false],
      [apps.b, true],
      [apps.d, false],
    ]);
    expect(result.decisions[1].exclusion).toEqual({ code: 'duplicate', params: { rule: 'one_per_node', winnerId: apps.a } });
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/publicity`, { days: 7 })).statusCode).toBe(204);
  });

  it('refuses 递补 while no objection has been upheld', async () => {
    const res = await organiser.request('POST', `/api/campaigns/${campaignId}/backfill`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('campaigns.nothing_to_backfill');
  });

  it('promotes the next in rank once, even when asked twice at the same moment, and restarts the display', async () => {
    const filed = await h().anonymous('POST', `/api/public/campaigns/${campaignId}/objections`, {
      applicationId: apps.a,
      name: '李某某',
      phone: '13912345678',
      text: '该课例抄袭他人作品，请核查。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    h().advance(8 * DAY);
    organiser = await h().signIn('bf-changan');
    const objection = (await organiser.request('GET', `/api/campaigns/${campaignId}/objections`)).json()[0];
    expect(
      (
        await organiser.request('POST', `/api/campaigns/objections/${objection.id}/resolve`, {
          decision: 'upheld',
          resolution: '经核查属实，异议成立。',
        })
      ).statusCode,
    ).toBe(204);

    const asked = h().now().getTime();
    const [one, two] = await Promise.all([
      organiser.request('POST', `/api/campaigns/${campaignId}/backfill`),
      organiser.request('POST', `/api/campaigns/${campaignId}/backfill`),
    ]);
    // SQLite runs the two one after the other (the second finds nothing left); PostgreSQL may refuse the loser on the campaign's version.
    const answers = [one, two].map((r) =>
      r.statusCode === 200 ? r.json().promoted.map((p: { applicationId: string }) => p.applicationId) : r.json().code,
    );
    expect(answers.flat().filter((x) => x === apps.c)).toHaveLength(1);
    expect(
      answers
        .flat()
        .filter((x) => x !== apps.c)
        .every((x) => x === 'campaigns.campaign_changed'),
    ).toBe(true);
    const winner = [one, two].find((r) => r.statusCode === 200 && r.json().promoted.length === 1)!.json();
    expect(winner.promoted).toEqual([
      { applicationId: apps.c, title: '一元一次方程（c）', categoryName: '部级优课', orgName: '长安区递补中学' },
    ]);
    // The rules' five days from now, not the seven the list was first shown for.
    expect(Date.parse(winner.publicityUntil)).toBeGreaterThanOrEqual(asked + 5 * DAY);
    expect(Date.parse(winner.publicityUntil)).toBeLessThanOrEqual(h().now().getTime() + 5 * DAY);

    const decisions = await selected();
    expect(decisions.filter((d) => d.selected).map((d) => d.applicationId)).toEqual([apps.c, apps.b]);
    expect(decisions.find((d) => d.applicationId === apps.a)!.exclusion).toMatchObject({ code: 'objection_upheld' });
    expect(decisions.find((d) => d.applicationId === apps.d)!.exclusion).toEqual({
      code: 'category_quota_full',
      params: { category: 'lesson', quota: 2, tie: false },
    });
    const shown = (await h().anonymous('GET', `/api/public/campaigns/${campaignId}`)).json();
    expect(shown).toMatchObject({ publicityUntil: winner.publicityUntil });
    expect(shown.entries.map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([apps.b, apps.c].sort());
    const audit = (await h()
      .platform.database.db.selectFrom('core_audit_events')
      .select('changes')
      .where('action', '=', 'campaigns.selection.backfilled')
      .execute()) as Array<{ changes: string }>;
    expect(audit.map((a) => JSON.parse(a.changes).promoted)).toContainEqual([apps.c]);
  });

  it('lets the public object to the newcomer and refuses publication until the restarted display ends', async () => {
    const filed = await h().anonymous('POST', `/api/public/campaigns/${campaignId}/objections`, {
      applicationId: apps.c,
      name: '赵某某',
      phone: '13712345678',
      text: '递补课例的教学设计不完整。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/publish`)).json().code).toBe('campaigns.publicity_not_over');
    const objection = (await organiser.request('GET', `/api/campaigns/${campaignId}/objections`))
      .json()
      .find((o: { applicationId: string }) => o.applicationId === apps.c);
    expect(
      (
        await organiser.request('POST', `/api/campaigns/objections/${objection.id}/resolve`, {
          decision: 'dismissed',
          resolution: '经核查设计完整，异议不成立。',
        })
      ).statusCode,
    ).toBe(204);
  });

  it('promotes nobody when nothing else fits, leaving the display period alone', async () => {
    const before = (await h().anonymous('GET', `/api/public/campaigns/${campaignId}`)).json().publicityUntil;
    h().advance(DAY);
    organiser = await h().signIn('bf-changan');
    const res = await organiser.request('POST', `/api/campaigns/${campaignId}/backfill`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ promoted: [], publicityUntil: before });
  });

  it('publishes with certificates for the kept and the promoted, not the upheld', async () => {
    h().advance(5 * DAY);
    organiser = await h().signIn('bf-changan');
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/publish`)).json()).toEqual({ certificates: 2 });
    const certificates = (await h()
      .platform.database.db.selectFrom('cp_certificates')
      .select('application_id')
      .where('campaign_id', '=', campaignId)
      .execute()) as Array<{ application_id: string }>;
    expect(certificates.map((c) => c.application_id).sort()).toEqual([apps.b, apps.c].sort());
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/backfill`)).json().code).toBe('campaigns.wrong_status');
  });
});
