import type { CliCommand } from '#kernel';
import { findUserByAccount } from '#core/users/server/user.repo.ts';
import { channelRegistry, deliverNow } from '../server/notify.port.ts';
import { deliveriesOf } from '../server/notification.repo.ts';
import { notify } from '../server/notify.service.ts';

const STATUS: Record<string, string> = { pending: '待重试', sent: '已发送', failed: '失败', skipped: '跳过' };

export const notifyCommands: Record<string, CliCommand> = {
  'notify test': {
    summary: '给一个账号发一条测试消息（站内信及已配置的邮件等通道），当场投递并报告结果',
    needsPlatform: true,
    async run({ positionals, out, err, ctx, host }) {
      const account = positionals[0];
      if (!account) { err('用法：educloud notify test <账号>'); return 2; }
      const user = await findUserByAccount(ctx!.db, account);
      if (!user || user.status !== 'active') { err(`找不到启用中的账号 ${account}`); return 2; }
      const channels = channelRegistry(host!).list();
      const { notificationIds } = await notify(ctx!, { userIds: [user.id] }, { kind: 'notify.test_message', params: { sender: ctx!.actor.name }, link: '/notify/inbox' }, channels);
      out(`已放入 ${account} 的消息中心。`);
      if (channels.length === 0) { out('未配置邮件等外发通道（EDUCLOUD_SMTP_URL、EDUCLOUD_MAIL_FROM），只发站内信。'); return 0; }
      await deliverNow(ctx!, host!);
      const deliveries = await deliveriesOf(ctx!.db, notificationIds);
      if (deliveries.length === 0) out(`该账号在已配置的通道（${channels.map((c) => c.id).join('、')}）上没有地址，未外发。`);
      for (const d of deliveries) out(`${d.channel}：${STATUS[d.status] ?? d.status}${d.last_error ? `（${d.last_error}）` : ''}`);
      return deliveries.some((d) => d.status !== 'sent') ? 1 : 0;
    },
  },
};
