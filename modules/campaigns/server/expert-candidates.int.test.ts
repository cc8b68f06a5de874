import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('expert candidates: whom an organiser may add to a pool', (h) => {
  let organiser: Session;
  let campaignId: string;
  let beijingExpert: string;

  const candidates = async (s: Session, q: string) =>
    s.request('GET', `/api/campaigns/${campaignId}/expert-candidates?q=${encodeURIComponent(q)}`);

  beforeAll(async () => {
    organiser = await h().signInAs('ec-hebei', 'GB130000', ['org_admin']);
    beijingExpert = (await h().makeUser({ account: 'ec-bj-expert', orgCode: 'GB110000', roles: ['expert'], realName: '王评审' })).id;
    await h().makeUser({ account: 'ec-bj-teacher', orgCode: 'GB110000', roles: ['teacher'], realName: '王老师' });
    const gone = await h().makeUser({ account: 'ec-bj-retired', orgCode: 'GB110000', roles: ['expert'], realName: '王退休' });
    await h().platform.database.db.updateTable('core_users').set({ status: 'disabled' }).where('id', '=', gone.id).execute();
    const res = await organiser.request('POST', '/api/campaigns', {
      type: 'space_popularization',
      orgId: await h().orgId('GB130000'),
      year: 2021,
    });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
  });

  it('finds an expert from another province by account prefix or by name, and no one without the expert permission', async () => {
    const byAccount = await candidates(organiser, 'EC-BJ');
    expect(byAccount.statusCode, byAccount.body).toBe(200);
    expect(byAccount.json()).toEqual([
      { id: beijingExpert, account: 'ec-bj-expert', name: '王评审', orgName: expect.stringContaining('北京'), inPools: [] },
    ]);
    const byName = (await candidates(organiser, '王')).json();
    expect(byName.map((u: { account: string }) => u.account)).toEqual(['ec-bj-expert']);
    expect((await candidates(organiser, '老师')).json()).toEqual([]);
    // LIKE wildcards in the query match themselves, not everyone.
    expect((await candidates(organiser, '%')).json()).toEqual([]);
  });

  it('says which pools already hold a candidate', async () => {
    expect(
      (await organiser.request('POST', `/api/campaigns/${campaignId}/experts`, { categoryCode: 'school', userIds: [beijingExpert] }))
        .statusCode,
    ).toBe(200);
    expect((await candidates(organiser, 'ec-bj')).json()).toEqual([expect.objectContaining({ id: beijingExpert, inPools: ['school'] })]);
  });

  it('refuses callers who do not organise the campaign', async () => {
    const teacher = await h().signInAs('ec-hebei-teacher', 'GB130000', ['teacher']);
    expect((await candidates(teacher, 'ec')).statusCode).toBe(403);
    const reviewer = await h().signInAs('ec-hebei-reviewer', 'GB130000', ['reviewer']);
    expect((await candidates(reviewer, 'ec')).statusCode).toBe(403);
    const zhejiang = await h().signInAs('ec-zhejiang', 'GB330000', ['org_admin']);
    const other = await candidates(zhejiang, 'ec');
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('campaigns.campaign_not_found');
  });
});
