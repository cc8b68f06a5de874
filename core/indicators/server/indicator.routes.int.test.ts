import { beforeAll, expect, it } from 'vitest';
import { createUser } from '#core/users/server/user.service.ts';
import { describeOnEngines, TEST_PASSWORD, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('indicators', (h) => {
  let hebeiReader: Session;
  let county: string;

  beforeAll(async () => {
    county = await h().orgId('GB130102');
    const sys = h().system();
    await createUser(sys, { account: 'ind-a', realName: '甲', orgId: county, password: TEST_PASSWORD, idNumber: '11010519491231002X' });
    await createUser(sys, { account: 'ind-b', realName: '乙', orgId: county, password: TEST_PASSWORD });
    hebeiReader = await h().signInAs('ind-reader', 'GB130000', ['reviewer']);
  });

  it('lists the core indicators with Chinese names and units', async () => {
    const res = await hebeiReader.request('GET', '/api/indicators');
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(res.json().map((i: { id: string }) => [i.id, i]));
    expect(byId['orgs.count.school'].name.zh).toBe('学校数');
    expect(byId['users.accounts_opened'].unit).toBe('个');
    expect(byId['users.accounts_real_name'].isFlow).toBe(true);
  });

  it('counts accounts opened and real-name accounts in a subtree this year', async () => {
    const opened = await hebeiReader.request('GET', `/api/indicators/users.accounts_opened/value?orgId=${county}&fresh=true`);
    expect(opened.statusCode).toBe(200);
    // ind-a and ind-b live in the county; the reader's own account lives at the province.
    expect(opened.json().value).toBe(2);
    const realName = await hebeiReader.request('GET', `/api/indicators/users.accounts_real_name/value?orgId=${county}&fresh=true`);
    expect(realName.json().value).toBe(1);
  });

  it('counts only within the period asked for', async () => {
    const res = await hebeiReader.request(
      'GET',
      `/api/indicators/users.accounts_opened/value?orgId=${county}&from=2019-01-01T00:00:00Z&to=2020-01-01T00:00:00Z`,
    );
    expect(res.json().value).toBe(0);
  });

  it('counts the counties of a province', async () => {
    const hebei = await h().orgId('GB130000');
    const res = await hebeiReader.request('GET', `/api/indicators/orgs.count.county_authority/value?orgId=${hebei}`);
    expect(res.json().value).toBeGreaterThan(100);
  });

  it('serves a recent figure from the cache until asked to recount', async () => {
    const url = `/api/indicators/users.accounts_opened/value?orgId=${county}`;
    // An open period ends at the next whole minute (the cache key): start just after one, so the
    // requests below cannot straddle a boundary on a slow machine.
    h().advance(60_000 - (h().system().now().getTime() % 60_000) + 10);
    const first = (await hebeiReader.request('GET', url)).json();
    await createUser(h().system(), { account: 'ind-c', realName: '丙', orgId: county, password: TEST_PASSWORD });
    expect((await hebeiReader.request('GET', url)).json().value).toBe(first.value);
    expect((await hebeiReader.request('GET', `${url}&fresh=true`)).json().value).toBe(first.value + 1);
  });

  it("hides another province's figures and names unknown indicators", async () => {
    const zhejiang = await h().orgId('GB330000');
    expect((await hebeiReader.request('GET', `/api/indicators/users.accounts_opened/value?orgId=${zhejiang}`)).statusCode).toBe(404);
    const unknown = await hebeiReader.request('GET', `/api/indicators/nope.nothing/value?orgId=${county}`);
    expect(unknown.json().code).toBe('indicators.unknown_indicator');
  });
});
