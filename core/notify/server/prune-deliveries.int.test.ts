import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { DELIVERY_RETENTION_DAYS, pruneDeliveriesJob } from './prune-deliveries.ts';

describeOnEngines('notify.prune_deliveries', (harness) => {
  it('deletes sent and skipped deliveries past a month and failed ones past a quarter, keeping the rest and every pending one', async () => {
    const h = harness();
    const user = await h.makeUser({ account: 'prune-deliveries', orgCode: 'MOE' });
    const now = h.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * 24 * 3600 * 1000).toISOString();
    const db = h.platform.host.db;
    await db
      .insertInto('core_notifications')
      .values({
        id: 'n-prune',
        user_id: user.id,
        kind: 'notify.test_message',
        params: '{}',
        link: null,
        org_id: null,
        created_at: daysAgo(200),
        read_at: null,
      })
      .execute();
    const { done, failed } = DELIVERY_RETENTION_DAYS;
    const delivery = (id: string, status: string, nextAttemptAt: string, sentAt: string | null = null) => ({
      id,
      notification_id: 'n-prune',
      channel: 'email',
      status,
      attempts: 1,
      last_error: null,
      next_attempt_at: nextAttemptAt,
      sent_at: sentAt,
    });
    await db
      .insertInto('core_notification_deliveries')
      .values([
        delivery('sent-old', 'sent', daysAgo(done + 5), daysAgo(done + 1)),
        delivery('sent-recent', 'sent', daysAgo(done + 5), daysAgo(done - 1)),
        delivery('skipped-old', 'skipped', daysAgo(done + 1)),
        delivery('skipped-recent', 'skipped', daysAgo(done - 1)),
        delivery('failed-old', 'failed', daysAgo(failed + 1)),
        delivery('failed-past-a-month', 'failed', daysAgo(done + 1)),
        delivery('pending-old', 'pending', daysAgo(failed + 10)),
      ])
      .execute();
    await pruneDeliveriesJob.run(h.system(), h.platform.host);
    const left = await db
      .selectFrom('core_notification_deliveries')
      .select('id')
      .where('notification_id', '=', 'n-prune')
      .orderBy('id')
      .execute();
    expect(left.map((d) => d.id)).toEqual(['failed-past-a-month', 'pending-old', 'sent-recent', 'skipped-recent']);
    const inbox = await db.selectFrom('core_notifications').select('id').where('id', '=', 'n-prune').execute();
    expect(inbox).toHaveLength(1);
  });
});
