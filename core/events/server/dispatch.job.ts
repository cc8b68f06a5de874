import type { JobDefinition } from '#kernel';
import { dispatchEvents } from './dispatcher.ts';

/**
 * The dispatcher's guarantee: every 15 s (the scheduler's default tick) one instance delivers
 * what the after-commit nudge did not (events published by the command line or another
 * instance, retries after back-off, deliveries of an instance that stopped mid-way).
 */
export const dispatchJob: JobDefinition = {
  id: 'events.dispatch',
  label: { zh: '投递领域事件', en: 'Deliver domain events' },
  everySeconds: 15,
  async run(ctx, host) {
    const r = await dispatchEvents(ctx, host);
    return { summary: `分发 ${r.fannedOut} 个事件，投递成功 ${r.delivered}，待重试 ${r.retrying}，转入死信 ${r.dead}` };
  },
};
