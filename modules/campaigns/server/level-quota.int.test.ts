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

/*
 * A city's share counts only what its counties forwarded: 长安 forwards all three of its 晒课,
 * 桥西 one of three, so 石家庄 has received four (not the six submitted under it) and may
 * forward half of them. The places grow as the other two arrive.
 */
describeOnEngines('level quotas count what reached the level', (h) => {
  let changan: Session;
  let qiaoxi: Session;
  let city: Session;
  let campaignId: string;
  const apps: Record<'changan' | 'qiaoxi', string[]> = { changan: [], qiaoxi: [] };

  const approve = async (s: Session, applicationId: string) => {
    const app = (await s.request('GET', `/api/campaigns/applications/${applicationId}`)).json();
    const inst = (await s.request('GET', `/api/workflow/instances/${app.workflowInstanceId}`)).json();
    return s.request('POST', `/api/workflow/instances/${inst.instance.id}/approve`, { version: inst.instance.version });
  };
  const cityQuota = async () => (await city.request('GET', `/api/campaigns/${campaignId}/quotas`)).json();

  beforeAll(async () => {
    const root = await h().signInAs('lq-root', 'MOE', ['platform_admin']);
    const school = async (county: string, code: string) => {
      const res = await root.request('POST', '/api/orgs', {
        parentId: await h().orgId(county),
        code,
        name: `${code}中学`,
        type: 'school',
        stage: 'junior',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const schools = { changan: await school('GB130102', 'LQ-A'), qiaoxi: await school('GB130104', 'LQ-B') };
    const organiser = await h().signInAs('lq-hebei', 'GB130000', ['org_admin']);
    changan = await h().signInAs('lq-changan', 'GB130102', ['reviewer']);
    qiaoxi = await h().signInAs('lq-qiaoxi', 'GB130104', ['reviewer']);
    city = await h().signInAs('lq-sjz', 'GB130100', ['reviewer']);
    const created = await organiser.request('POST', '/api/campaigns', {
      type: 'excellent_lesson',
      orgId: await h().orgId('GB130000'),
      year: 2022,
    });
    campaignId = created.json().id;
    const rules = { ...PRESETS.excellent_lesson.rules, levelQuotas: [{ level: 'city' as const, share: 0.5, minimum: 1 }] };
    expect((await organiser.request('PATCH', `/api/campaigns/${campaignId}`, { rules })).statusCode).toBe(200);
    expect((await organiser.request('POST', `/api/campaigns/${campaignId}/open`)).statusCode).toBe(200);
    for (const key of ['changan', 'qiaoxi'] as const) {
      const teacher = await h().signInAs(`lq-teacher-${key}`, key === 'changan' ? 'LQ-A' : 'LQ-B', ['teacher']);
      for (const node of ['一', '二', '三']) {
        const res = await teacher.request('POST', `/api/campaigns/${campaignId}/applications`, {
          categoryCode: 'lesson',
          orgId: schools[key],
          title: `${key}${node}`,
          values: LESSON(`${key}${node}`),
        });
        expect(res.statusCode, res.body).toBe(201);
        apps[key].push(res.json().id);
      }
    }
    for (const id of apps.changan) expect((await approve(changan, id)).statusCode).toBe(200);
    expect((await approve(qiaoxi, apps.qiaoxi[0])).statusCode).toBe(200);
  });

  it('counts at the city only the applications its counties forwarded', async () => {
    expect(await cityQuota()).toEqual([
      expect.objectContaining({ level: 'city', orgName: '石家庄市教育局', received: 4, used: 0, allowed: 2 }),
    ]);
  });

  it('refuses the city a third place while four have reached it', async () => {
    expect((await approve(city, apps.changan[0])).statusCode).toBe(200);
    expect((await approve(city, apps.changan[1])).statusCode).toBe(200);
    const third = await approve(city, apps.qiaoxi[0]);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'campaigns.level_quota_full', params: { received: 4, allowed: 2 } });
  });

  it('gives the city more places as more arrive', async () => {
    expect((await approve(qiaoxi, apps.qiaoxi[1])).statusCode).toBe(200);
    expect(await cityQuota()).toEqual([expect.objectContaining({ received: 5, used: 2, allowed: 2 })]);
    expect((await approve(qiaoxi, apps.qiaoxi[2])).statusCode).toBe(200);
    expect(await cityQuota()).toEqual([expect.objectContaining({ received: 6, used: 2, allowed: 3 })]);
    expect((await approve(city, apps.qiaoxi[0])).statusCode).toBe(200);
    expect((await approve(city, apps.qiaoxi[1])).json().code).toBe('campaigns.level_quota_full');
  });

  it('stops counting an application the city sent back to its county', async () => {
    const app = (await city.request('GET', `/api/campaigns/applications/${apps.changan[2]}`)).json();
    const inst = (await city.request('GET', `/api/workflow/instances/${app.workflowInstanceId}`)).json();
    const back = await city.request('POST', `/api/workflow/instances/${inst.instance.id}/return`, {
      version: inst.instance.version,
      to: 'county',
      comment: '请县里再看看',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await cityQuota()).toEqual([expect.objectContaining({ received: 5, used: 3 })]);
  });
});
