import { beforeAll, expect, it } from 'vitest';
import { updateUser } from '#core/users/server/user.service.ts';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import type { NotificationChannel } from '../contract/channel.ts';
import type { NotifyPort } from '../contract/notify.service.ts';
import { deliveriesOf } from './notification.repo.ts';
import { channelRegistry } from './notify.port.ts';
import { notify } from './notify.service.ts';
import { installTestKinds, TEST_KIND } from './test-kinds.ts';

const message = {
  kind: TEST_KIND,
  params: { name: '填报网络安全自查表', org: '河北省教育厅', due: '2026-12-31' },
  link: '/work-plan/my-tasks',
};

describeOnEngines('notify: recipients and queueing', (h) => {
  const users: Record<string, string> = {};
  let county: string;

  beforeAll(async () => {
    installTestKinds();
    county = await h().orgId('GB130102');
    const make = async (account: string, orgCode: string, roles: string[]) => {
      users[account] = (await h().makeUser({ account, orgCode, roles })).id;
    };
    await make('nt-county-admin', 'GB130102', ['org_admin']);
    await make('nt-province-admin', 'GB130000', ['org_admin']);
    await make('nt-zhejiang-admin', 'GB330000', ['org_admin']);
    await make('nt-sibling-admin', 'GB130104', ['org_admin']);
    await make('nt-county-teacher', 'GB130102', ['teacher']);
    await make('nt-disabled-admin', 'GB130102', ['org_admin']);
    await updateUser(h().system(), users['nt-disabled-admin'], { status: 'disabled' });
  });

  const port = () => h().platform.host.service<NotifyPort>('notify');

  it('reaches the holders of a permission on the org and its ancestors, and nobody in another province', async () => {
    const { userIds } = await port().notify(
      h().system(),
      { holdersOf: { permission: 'audit.event.read', orgId: county } },
      { ...message, orgId: county },
    );
    expect(userIds).toEqual(expect.arrayContaining([users['nt-county-admin'], users['nt-province-admin']]));
    for (const outside of ['nt-zhejiang-admin', 'nt-sibling-admin', 'nt-county-teacher', 'nt-disabled-admin'])
      expect(userIds, outside).not.toContain(users[outside]);
  });

  it('reaches named users once each, together with holders, skipping disabled and unknown ids', async () => {
    const to = {
      userIds: [users['nt-county-teacher'], users['nt-county-teacher'], users['nt-disabled-admin'], '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
      holdersOf: { permission: 'audit.event.read', orgId: county },
    };
    const { userIds } = await port().notify(h().system(), to, message);
    expect(userIds.filter((id) => id === users['nt-county-teacher'])).toHaveLength(1);
    expect(userIds).toContain(users['nt-county-admin']);
    expect(userIds).not.toContain(users['nt-disabled-admin']);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const before = await h()
      .platform.database.db.selectFrom('core_notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      h()
        .system()
        .transaction(async (tx) => {
          await port().notify(tx, { userIds: [users['nt-county-teacher']] }, message);
          throw new Error("the caller's change failed");
        }),
    ).rejects.toThrow("the caller's change failed");
    const after = await h()
      .platform.database.db.selectFrom('core_notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a kind without a template in both languages, and a link that leaves the console', async () => {
    await expect(
      port().notify(h().system(), { userIds: [users['nt-county-teacher']] }, { kind: 'test.nobody_wrote_this' }),
    ).rejects.toThrow(/no template for "test.nobody_wrote_this"/);
    await expect(
      port().notify(h().system(), { userIds: [users['nt-county-teacher']] }, { ...message, link: 'https://evil.example/' }),
    ).rejects.toThrow(/console path/);
  });

  it('queues one delivery per channel for each recipient who has an address on it', async () => {
    await updateUser(h().system(), users['nt-county-admin'], { email: 'county-admin@example.cn' });
    const email: NotificationChannel = {
      id: 'email',
      addressOf: (u) => u.email,
      send: async () => {
        throw new Error('not sent in this test');
      },
    };
    const sms: NotificationChannel = {
      id: 'sms',
      addressOf: () => null,
      send: async () => {
        throw new Error('not sent in this test');
      },
    };
    const { notificationIds, userIds } = await notify(
      h().system(),
      { userIds: [users['nt-county-admin'], users['nt-county-teacher']] },
      message,
      [email, sms],
    );
    expect(userIds).toHaveLength(2);
    const deliveries = await deliveriesOf(h().platform.database.db, notificationIds);
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([['email', 'pending', 0]]);
  });

  it('queues no delivery when no channel is configured (no SMTP here)', async () => {
    const channels = channelRegistry(h().platform.host).list();
    expect(channels).toEqual([]);
    const { notificationIds } = await notify(h().system(), { userIds: [users['nt-county-admin']] }, message, channels);
    expect(await deliveriesOf(h().platform.database.db, notificationIds)).toEqual([]);
  });
});
