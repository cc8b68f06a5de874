import { fromJson, type Ctx } from '#kernel';
import type { NotificationChannel, RenderedNotification } from '../contract/channel.ts';
import * as repo from './notification.repo.ts';
import type { DueDelivery } from './notification.repo.ts';
import { toContact } from './notify.service.ts';
import { renderNotification } from './templates.ts';

/** A delivery that failed this many times is given up as 'failed', keeping the last error. */
export const MAX_ATTEMPTS = 5;
/** Waits after the 1st, 2nd, 3rd and 4th failure: 1, 5, 25 and 125 minutes. */
export const retryDelayMs = (attempts: number): number => 60_000 * 5 ** (attempts - 1);
/** How long a run holds a delivery it is sending before another run may take it again. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 200;

export interface DeliveryOptions {
  /** The console's address as users reach it (`https://edu.example.cn`), to make links absolute in messages that leave it. */
  publicUrl?: string | null;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Messages leave the console in Chinese, the platform's language: there is no per-user language setting yet. */
function rendered(d: DueDelivery, publicUrl: string | null): RenderedNotification {
  const { title, body } = renderNotification(d.kind, fromJson<Record<string, unknown>>(d.params, {}), 'zh-CN');
  const link = d.link === null ? null : publicUrl ? `${publicUrl.replace(/\/+$/, '')}${d.link}` : d.link;
  return { title, body, link };
}

async function deliverOne(
  ctx: Ctx,
  d: DueDelivery,
  channels: Map<string, NotificationChannel>,
  publicUrl: string | null,
  now: Date,
): Promise<keyof DeliveryReport> {
  const channel = channels.get(d.channel);
  const [contactRow] = await repo.findContacts(ctx.db, [d.user_id]);
  const contact = contactRow && contactRow.status === 'active' ? toContact(contactRow) : null;
  const address = channel && contact ? channel.addressOf(contact) : null;
  if (!channel || !address) {
    // The channel was unplugged, or the user left or removed the address since the message was queued.
    const reason = !channel
      ? `channel "${d.channel}" is not configured`
      : !contact
        ? 'user is not active'
        : 'user has no address on this channel';
    await repo.updateDelivery(ctx.db, d.id, { status: 'skipped', last_error: reason });
    return 'skipped';
  }
  const attempts = d.attempts + 1;
  try {
    await channel.send(address, rendered(d, publicUrl));
  } catch (error) {
    const giveUp = attempts >= MAX_ATTEMPTS;
    await repo.updateDelivery(ctx.db, d.id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      last_error: errorText(error),
      next_attempt_at: new Date(now.getTime() + (giveUp ? 0 : retryDelayMs(attempts))).toISOString(),
    });
    return giveUp ? 'failed' : 'retried';
  }
  await repo.updateDelivery(ctx.db, d.id, { status: 'sent', attempts, last_error: null, sent_at: ctx.now().toISOString() });
  return 'sent';
}

/**
 * Sends every delivery due at `now`, one at a time. A failed send is retried with back-off and
 * given up as 'failed' after MAX_ATTEMPTS; each delivery is claimed first, so two runs that
 * overlap never send the same one twice.
 */
export async function deliverPending(
  ctx: Ctx,
  channels: NotificationChannel[],
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
  for (;;) {
    const due = await repo.dueDeliveries(ctx.db, at, BATCH);
    for (const d of due) {
      if (!(await repo.claimDelivery(ctx.db, d.id, d.next_attempt_at, leaseUntil))) continue;
      report[await deliverOne(ctx, d, byId, options.publicUrl ?? null, now)] += 1;
    }
    if (due.length < BATCH) return report;
  }
}

export const describeReport = (r: DeliveryReport): string =>
  `sent ${r.sent}, retried ${r.retried}, failed ${r.failed}, skipped ${r.skipped}`;
