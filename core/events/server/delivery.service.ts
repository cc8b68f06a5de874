import { fromJson, pageWindow, type Ctx, type Host, type PageOf } from '#kernel';
import { requirePlatformLevel } from '#core/orgs/server/org.service.ts';
import type { DeliveryListQuery, DeliveryView } from '../contract/delivery.schema.ts';
import { EventErrors } from '../contract/errors.ts';
import { EventPermissions } from '../contract/permissions.ts';
import { eventsDb } from './events.tables.ts';
import * as repo from './event.repo.ts';
import { subscribersOf } from './subscriber-registry.ts';

function toView(host: Host, d: repo.DeliveryWithEvent): DeliveryView {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.type,
    payload: fromJson<unknown>(d.payload, null),
    occurredAt: d.occurredAt,
    publishedBy: d.actorName,
    subscriberId: d.subscriberId,
    subscriberLabel: subscribersOf(host).find(d.subscriberId)?.label ?? null,
    status: d.status,
    attempts: Number(d.attempts),
    nextAttemptAt: d.nextAttemptAt,
    lastError: d.lastError,
    updatedAt: d.updatedAt,
  };
}

/** Deliveries in one status (dead by default: the dead-letter view), newest change first; platform-level readers only. */
export async function listDeliveries(ctx: Ctx, host: Host, query: DeliveryListQuery): Promise<PageOf<DeliveryView>> {
  await requirePlatformLevel(ctx, EventPermissions.read);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.listDeliveries(eventsDb(ctx.db), query.status ?? 'dead', offset, pageSize);
  return { items: items.map((d) => toView(host, d)), total, totalCapped, page, pageSize };
}

async function settleDead(ctx: Ctx, host: Host, id: string, action: 'retried' | 'discarded'): Promise<DeliveryView> {
  await requirePlatformLevel(ctx, EventPermissions.manage);
  return ctx.transaction(async (tx) => {
    const db = eventsDb(tx.db);
    const before = await repo.findDeliveryWithEvent(db, id);
    if (!before) throw EventErrors.deliveryNotFound({ id });
    const at = tx.now().toISOString();
    const isChanged = await repo.reviveOrDiscard(
      db,
      id,
      action === 'retried' ? { status: 'pending', attempts: 0, nextAttemptAt: at, at } : { status: 'discarded', at },
    );
    if (!isChanged) throw EventErrors.deliveryNotDead({ id, status: before.status });
    tx.audit({
      action: `events.delivery.${action}`,
      objectType: 'events.delivery',
      objectId: id,
      orgId: null,
      changes: {
        event: before.eventId,
        eventType: before.type,
        subscriber: before.subscriberId,
        status: [before.status, action === 'retried' ? 'pending' : 'discarded'],
        attempts: Number(before.attempts),
        lastError: before.lastError,
      },
    });
    return toView(host, (await repo.findDeliveryWithEvent(db, id))!);
  });
}

/** Gives a dead delivery a fresh set of attempts, due now; the next dispatcher pass runs it. Audited. */
export const retryDelivery = (ctx: Ctx, host: Host, id: string) => settleDead(ctx, host, id, 'retried');

/** Gives up on a dead delivery (its subscriber will never handle the event); kept until pruned. Audited. */
export const discardDelivery = (ctx: Ctx, host: Host, id: string) => settleDead(ctx, host, id, 'discarded');
