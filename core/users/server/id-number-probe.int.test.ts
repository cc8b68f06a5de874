import { beforeAll, expect, it } from 'vitest';
import { createUser } from './user.service.ts';
import { ID_NUMBER_PROBES } from './id-number-probe.ts';
import { describeOnEngines, TEST_PASSWORD, type Session } from '../../../apps/server/src/testing/test-app.ts';

/** A GB 11643 number with a valid check digit for a 17-digit body. */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

describeOnEngines('ID-number conflicts as an oracle', (h) => {
  let countyAdmin: Session;
  let officer: Session;
  const taken = idNumber('33010219800101123');

  beforeAll(async () => {
    // Someone in Zhejiang, far outside the Hebei county administrator's reach.
    await createUser(h().system(), {
      account: 'zj-holder',
      realName: '浙江持证人',
      orgId: await h().orgId('GB330102'),
      password: TEST_PASSWORD,
      idNumber: taken,
    });
    countyAdmin = await h().signInAs('probe-county', 'GB130102', ['org_admin']);
    officer = await h().signInAs('probe-officer', 'GB130000', ['security_officer']);
  });

  const conflicts = () =>
    h()
      .platform.database.db.selectFrom('core_audit_events')
      .selectAll()
      .where('action', '=', 'users.id_number.conflict')
      .where('actor_id', '=', countyAdmin.userId)
      .execute();

  it('audits each conflict with the masked number, alerts the security officers at the limit, then pauses the caller', async () => {
    const target = (
      await countyAdmin.request('POST', '/api/users', {
        account: 'probe-target',
        realName: '县内用户',
        orgId: await h().orgId('GB130102'),
        password: TEST_PASSWORD,
      })
    ).json().user.id;
    const first = await countyAdmin.request('POST', '/api/users', {
      account: 'probe-new',
      realName: '试探',
      orgId: await h().orgId('GB130102'),
      password: TEST_PASSWORD,
      idNumber: taken,
    });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('users.id_number_taken');
    expect(first.body).not.toContain('zj-holder');
    const [recorded] = await conflicts();
    expect(JSON.parse(recorded.changes)).toEqual({ idNumber: `${taken.slice(0, 3)}${'*'.repeat(11)}${taken.slice(-4)}` });
    expect(recorded.changes).not.toContain(taken);
    expect((await officer.request('GET', '/api/notify/inbox')).json().items).toEqual([]);

    for (let i = 1; i < ID_NUMBER_PROBES.limit; i++) {
      const res = await countyAdmin.request('PATCH', `/api/users/${target}`, { idNumber: taken });
      expect(res.statusCode).toBe(409);
    }
    expect(await conflicts()).toHaveLength(ID_NUMBER_PROBES.limit);
    const inbox = (await officer.request('GET', '/api/notify/inbox')).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toContain('probe-county');

    // Over the limit even a fresh, unused number waits: the caller cannot tell which ones are taken.
    const paused = await countyAdmin.request('PATCH', `/api/users/${target}`, { idNumber: idNumber('13010219900101123') });
    expect(paused.statusCode).toBe(429);
    expect(paused.json().code).toBe('users.id_number_checks_limited');
    const other = await countyAdmin.request('PATCH', `/api/users/${target}`, { displayName: '别的修改照常' });
    expect(other.statusCode).toBe(200);

    h().advance((ID_NUMBER_PROBES.windowMinutes + 1) * 60_000);
    const again = await h().signIn('probe-county');
    const later = await again.request('PATCH', `/api/users/${target}`, { idNumber: idNumber('13010219900101123') });
    expect(later.statusCode, later.body).toBe(200);
  });
});
