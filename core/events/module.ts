import { defineModule } from '#kernel';
import { EventPermissions } from './contract/permissions.ts';
import { registerDeliveryRoutes } from './server/delivery.routes.ts';
import { dispatchJob } from './server/dispatch.job.ts';
import { pruneEventsJob } from './server/prune.job.ts';
import { buildSubscriberRegistry } from './server/subscriber-registry.ts';

/**
 * The transactional outbox behind `ctx.publish` and the dispatcher that runs the subscribers
 * modules declare. No built-in role is granted its permissions: deliveries serve every org, so
 * only platform-level administrators see or settle them.
 */
export const eventsModule = defineModule({
  id: 'events',
  tablePrefix: 'core',
  dependsOn: ['jobs'],
  permissions: [
    { id: EventPermissions.read, label: { zh: '查看事件投递及死信', en: 'View event deliveries and dead letters' } },
    { id: EventPermissions.manage, label: { zh: '重新投递或放弃死信', en: 'Retry or discard dead letters' } },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  jobs: [dispatchJob, pruneEventsJob],
  // Every enabled module's subscribers, checked once at start-up (a malformed declaration stops it).
  createService: (host) => ({ subscribers: buildSubscriberRegistry([...host.modules]) }),
  routes: (app, host) => registerDeliveryRoutes(app, host),
});
