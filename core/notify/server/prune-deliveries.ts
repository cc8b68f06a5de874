import type { JobDefinition } from '#kernel';
import { deleteFinishedDeliveries } from './notification.repo.ts';

/** How long finished deliveries are kept: sent or skipped ones a month, given-up ones a quarter for follow-up. */
export const DELIVERY_RETENTION_DAYS = { done: 30, failed: 90 } as const;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();

/** Deletes finished deliveries past retention; pending ones are never touched. The inbox messages stay. */
export const pruneDeliveriesJob: JobDefinition = {
  id: 'notify.prune_deliveries',
  label: { zh: '清理已完成的消息外发记录', en: 'Prune finished notification deliveries' },
  everySeconds: 24 * 3600,
  async run(ctx) {
    const now = ctx.now();
    const deleted = await deleteFinishedDeliveries(
      ctx.db,
      daysBefore(now, DELIVERY_RETENTION_DAYS.done),
      daysBefore(now, DELIVERY_RETENTION_DAYS.failed),
    );
    return { summary: `删除已完成的外发记录 ${deleted} 条` };
  },
};
