import { defineModule } from '#kernel';
import { notifyCommands } from './cli/commands.ts';
import type { NotifyPort } from './contract/notify.service.ts';
import { describeReport } from './server/delivery.ts';
import { registerNotifyRoutes } from './server/notify.routes.ts';
import { deliverNow, notifyPort } from './server/notify.port.ts';
import { pruneDeliveriesJob } from './server/prune-deliveries.ts';

export const notifyModule = defineModule({
  id: 'notify',
  tablePrefix: 'core',
  dependsOn: ['users', 'access'],
  migrationsDir: new URL('./migrations/', import.meta.url),
  createService: (host): NotifyPort => notifyPort(host),
  routes: (app) => registerNotifyRoutes(app),
  jobs: [
    {
      id: 'notify.deliver',
      label: { zh: '发送消息通知（邮件等）', en: 'Deliver notifications (e-mail and other channels)' },
      everySeconds: 30,
      run: async (ctx, host) => ({ summary: describeReport(await deliverNow(ctx, host)) }),
    },
    pruneDeliveriesJob,
  ],
  cli: notifyCommands,
});
