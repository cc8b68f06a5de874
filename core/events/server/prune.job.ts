import type { JobDefinition } from '#kernel';
import { eventsDb } from './events.tables.ts';
import { deleteFinishedDeliveries, deleteSettledEvents } from './event.repo.ts';

/** How long delivered (and discarded) deliveries and their events are kept, for tracing a reaction back. */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Deletes delivered and discarded deliveries older than the retention, then the events no
 * delivery refers to any more; pending and dead deliveries keep their events.
 */
export const pruneEventsJob: JobDefinition = {
  id: 'events.prune',
  label: { zh: '清理已投递的领域事件', en: 'Prune delivered domain events' },
  everySeconds: 24 * 3600,
  async run(ctx) {
    const db = eventsDb(ctx.db);
    const before = new Date(ctx.now().getTime() - EVENT_RETENTION_DAYS * 24 * 3600 * 1000).toISOString();
    const deliveries = await deleteFinishedDeliveries(db, before);
    const events = await deleteSettledEvents(db, before);
    return { summary: `删除 ${EVENT_RETENTION_DAYS} 天前的事件 ${events} 个、投递记录 ${deliveries} 条` };
  },
};
