import { beforeAll, expect, it } from 'vitest';
import { updateUser } from '#core/users/server/user.service.ts';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { notifyModule } from '../module.ts';
import type { NotificationChannel, RenderedNotification } from '../contract/channel.ts';
import type { NotifyPort } from '../contract/notify.service.ts';
import { deliverPending, MAX_ATTEMPTS, retryDelayMs } from './delivery.ts';
import { deliveriesOf } from './notification.repo.ts';
import { notify } from './notify.service.ts';
import { installTestKinds, TEST_KIND } from './test-kinds.ts';

/** A channel for these tests only: it records what it is asked to send and fails as told. */
function recordingChannel(failures: number | 'always', id = 'pager') {
  const sent: Array<{ address: string; message: RenderedNotification }> = [];
  let calls = 0;
  const channel: NotificationChannel = {
    id,
    addressOf: (u) => (u.email ? `pager:${u.account}` : null),
    async send(address, message) {
      calls += 1;
      if (failures === 'always' || calls <= failures) throw new Error(`gateway refused attempt ${calls}`);
      sent.push({ address, message });
    },
  };
  return { channel, sent, calls: () => calls };
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describeOnEngines('notify: delivering to channels', (h) => {
  let userId: string;

  beforeAll(async () => {
    installTestKinds();
    userId = (await h().makeUser({ account: 'deliver-user', orgCode: 'GB130102', roles: ['teacher'] })).id;
    await updateUser(h().system(), userId, { email: 'deliver-user@example.cn' });
  });

  async function queue(channels: NotificationChannel[]) {
    const { notificationIds } = await notify(
      h().system(),
      { userIds: [userId] },
      { kind: TEST_KIND, params: { name: '上报资产台账', org: '县教育局', due: '2026-12-01' }, link: '/work-plan/my-tasks' },
      channels,
    );
    return async () => (await deliveriesOf(h().platform.database.db, notificationIds))[0];
  }

  it('sends a due delivery once, rendered in Chinese with an absolute link', async () => {
    const pager = recordingChannel(0);
    const delivery = await queue([pager.channel]);
    const now = h().now();
    expect(await deliverPending(h().system(), [pager.channel], now, { publicUrl: 'https://edu.example.cn' })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
      skipped: 0,
    });
    expect(pager.sent).toEqual([
      {
        address: 'pager:deliver-user',
        message: {
          title: '新任务：上报资产台账',
          body: '县教育局给您分配了任务“上报资产台账”，请于 2026-12-01 前完成。',
          link: 'https://edu.example.cn/work-plan/my-tasks',
        },
      },
    ]);
    expect(await delivery()).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(String) });
    await deliverPending(h().system(), [pager.channel], at(now, 3_600_000));
    expect(pager.calls()).toBe(1);
  });

  it('retries a failed send with back-off and sends it when the channel recovers', async () => {
    const pager = recordingChannel(2);
    const delivery = await queue([pager.channel]);
    const start = h().now();
    expect((await deliverPending(h().system(), [pager.channel], start)).retried).toBe(1);
    expect(await delivery()).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'gateway refused attempt 1',
      next_attempt_at: at(start, retryDelayMs(1)).toISOString(),
    });
    // Not due yet: nothing is attempted before the back-off has passed.
    await deliverPending(h().system(), [pager.channel], at(start, retryDelayMs(1) - 1));
    expect(pager.calls()).toBe(1);
    const second = at(start, retryDelayMs(1));
    expect((await deliverPending(h().system(), [pager.channel], second)).retried).toBe(1);
    expect(await delivery()).toMatchObject({ attempts: 2, next_attempt_at: at(second, retryDelayMs(2)).toISOString() });
    expect((await deliverPending(h().system(), [pager.channel], at(second, retryDelayMs(2)))).sent).toBe(1);
    expect(await delivery()).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(pager.sent).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts, keeping the last error`, async () => {
    const pager = recordingChannel('always');
    const delivery = await queue([pager.channel]);
    let now = h().now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverPending(h().system(), [pager.channel], now);
      expect(report, `attempt ${attempt}`).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      now = at(now, attempt < MAX_ATTEMPTS ? retryDelayMs(attempt) : 0);
    }
    expect(await delivery()).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_error: `gateway refused attempt ${MAX_ATTEMPTS}`,
      sent_at: null,
    });
    await deliverPending(h().system(), [pager.channel], at(now, 86_400_000));
    expect(pager.calls()).toBe(MAX_ATTEMPTS);
  });

  it('skips a delivery whose channel is no longer configured, without pretending it was sent', async () => {
    const pager = recordingChannel(0);
    const delivery = await queue([pager.channel]);
    expect(await deliverPending(h().system(), [], h().now())).toMatchObject({ skipped: 1, sent: 0 });
    expect(await delivery()).toMatchObject({ status: 'skipped', last_error: 'channel "pager" is not configured', sent_at: null });
  });

  it('skips a delivery to a user who was disabled after the message was queued', async () => {
    const other = (await h().makeUser({ account: 'deliver-leaver', orgCode: 'GB130102' })).id;
    await updateUser(h().system(), other, { email: 'leaver@example.cn' });
    const pager = recordingChannel(0);
    const { notificationIds } = await notify(h().system(), { userIds: [other] }, { kind: TEST_KIND, params: {} }, [pager.channel]);
    await updateUser(h().system(), other, { status: 'disabled' });
    await deliverPending(h().system(), [pager.channel], h().now());
    expect((await deliveriesOf(h().platform.database.db, notificationIds))[0]).toMatchObject({
      status: 'skipped',
      last_error: 'user is not active',
    });
    expect(pager.calls()).toBe(0);
  });

  it('sends each delivery once when two runs overlap', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slow: NotificationChannel = {
      id: 'slow',
      addressOf: () => 'x',
      send: async () => {
        calls += 1;
        await gate;
      },
    };
    const delivery = await queue([slow]);
    const now = h().now();
    const first = deliverPending(h().system(), [slow], now);
    const second = deliverPending(h().system(), [slow], now);
    setTimeout(release, 200);
    const reports = await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(await delivery()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('is sent by the notify.deliver job over the channels a deployment registered', async () => {
    const job = notifyModule.jobs.find((j) => j.id === 'notify.deliver')!;
    expect(job.everySeconds).toBe(30);
    const pager = recordingChannel(0, 'pager');
    const port = h().platform.host.service<NotifyPort>('notify');
    port.registerChannel(pager.channel);
    await port.notify(
      h().system(),
      { userIds: [userId] },
      { kind: TEST_KIND, params: { name: '报送', org: '县教育局', due: '2026-12-01' } },
    );
    expect(await job.run(h().system(), h().platform.host)).toEqual({ summary: 'sent 1, retried 0, failed 0, skipped 0' });
    expect(pager.sent.map((s) => s.message.title)).toEqual(['新任务：报送']);
  });
});
