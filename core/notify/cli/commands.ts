import type { CliCommand } from '#kernel';
import { findUserByAccount } from '#core/users/server/user.repo.ts';
import { channelRegistry, deliverNow } from '../server/notify.port.ts';
import { deliveriesOf } from '../server/notification.repo.ts';
import { notify } from '../server/notify.service.ts';

export const notifyCommands: Record<string, CliCommand> = {
  'notify test': {
    summary: 'notify:cli.test.summary',
    needsPlatform: true,
    async run({ positionals, out, err, ctx, host, text }) {
      const account = positionals[0];
      if (!account) {
        err(text('notify:cli.test.usage'));
        return 2;
      }
      const user = await findUserByAccount(ctx!.db, account);
      if (user?.status !== 'active') {
        err(text('notify:cli.test.noAccount', { account }));
        return 2;
      }
      const channels = channelRegistry(host!).list();
      const { notificationIds } = await notify(
        ctx!,
        { userIds: [user.id] },
        { kind: 'notify.test_message', params: { sender: ctx!.actor.name }, link: '/notify/inbox' },
        channels,
      );
      out(text('notify:cli.test.inboxed', { account }));
      if (channels.length === 0) {
        out(text('notify:cli.test.noChannels'));
        return 0;
      }
      await deliverNow(ctx!, host!);
      const deliveries = await deliveriesOf(ctx!.db, notificationIds);
      if (deliveries.length === 0) out(text('notify:cli.test.noAddress', { channels: channels.map((c) => c.id) }));
      for (const d of deliveries) {
        const status = text(`notify:cli.status.${d.status}`);
        out(
          text('notify:cli.test.delivery', {
            channel: d.channel,
            status,
            error: d.last_error ? text('notify:cli.test.deliveryError', { error: d.last_error }) : '',
          }),
        );
      }
      return deliveries.some((d) => d.status !== 'sent') ? 1 : 0;
    },
  },
};
