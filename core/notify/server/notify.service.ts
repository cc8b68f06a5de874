import { fromJson, newId, pageWindow, toJson, type Ctx, type PageOf } from '#kernel';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { findPermissionHolders } from '#core/access/server/access.resolve.ts';
import type { NotificationChannel, NotificationContact } from '../contract/channel.ts';
import { NotifyErrors } from '../contract/errors.ts';
import type { InboxItem, InboxQuery, ReadAllResult, UnreadCount } from '../contract/notification.schema.ts';
import type { NotificationInput, Recipients } from '../contract/notify.service.ts';
import * as repo from './notification.repo.ts';
import type { ContactRow, DeliveryRow, NotificationRow } from './notification.repo.ts';
import { hasTemplate, renderNotification, type NotifyLocale } from './templates.ts';
import { AuthErrors } from '#core/auth/contract/errors.ts';

/** The contact data channels see; the phone is decrypted only if a channel asks for it. */
export function toContact(row: ContactRow): NotificationContact {
  let phone: string | null | undefined;
  return {
    id: row.id,
    account: row.account,
    realName: row.real_name,
    email: row.email,
    get phone() {
      if (phone === undefined) phone = row.phone_cipher ? fieldCipher().decrypt(row.phone_cipher) : null;
      return phone;
    },
  };
}

/** A mistake in the calling module's code, not in the user's request: it must fail loudly, in tests. */
function assertWellFormed(message: NotificationInput): void {
  if (!hasTemplate(message.kind)) {
    throw new Error(
      `notify: no template for "${message.kind}": add notify["${message.kind}"] with title and body to the sending module's locales/zh-CN.json and en.json`,
    );
  }
  // "//host" and "/\host" would leave the console in a browser.
  if (message.link && !/^\/(?![/\\])/.test(message.link)) {
    throw new Error(`notify: link must be a console path starting with "/": "${message.link}"`);
  }
}

async function resolveRecipients(ctx: Ctx, to: Recipients): Promise<string[]> {
  const ids = new Set(to.userIds ?? []);
  const found = ids.size > 0 ? await repo.findActiveUserIds(ctx.db, [...ids]) : [];
  if (to.holdersOf) {
    const org = await repo.findOrgPath(ctx.db, to.holdersOf.orgId);
    if (!org) throw new Error(`notify: recipients' org ${to.holdersOf.orgId} does not exist`);
    found.push(...(await findPermissionHolders(ctx.db, to.holdersOf.permission, org.path)));
  }
  return [...new Set(found)].sort();
}

async function plannedDeliveries(ctx: Ctx, rows: NotificationRow[], channels: NotificationChannel[], at: string): Promise<DeliveryRow[]> {
  if (channels.length === 0) return [];
  const contacts = new Map(
    (
      await repo.findContacts(
        ctx.db,
        rows.map((r) => r.user_id),
      )
    ).map((c) => [c.id, toContact(c)]),
  );
  const out: DeliveryRow[] = [];
  for (const row of rows) {
    const contact = contacts.get(row.user_id);
    for (const channel of channels) {
      if (!contact || !channel.addressOf(contact)) continue;
      out.push({
        id: newId(),
        notification_id: row.id,
        channel: channel.id,
        status: 'pending',
        attempts: 0,
        last_error: null,
        next_attempt_at: at,
        sent_at: null,
      });
    }
  }
  return out;
}

/**
 * Puts the message in each recipient's inbox and queues one delivery per channel they have an
 * address on, inside the caller's transaction: a change that rolls back notifies nobody.
 */
export async function notify(
  ctx: Ctx,
  to: Recipients,
  message: NotificationInput,
  channels: NotificationChannel[],
): Promise<{ userIds: string[]; notificationIds: string[] }> {
  assertWellFormed(message);
  return ctx.transaction(async (tx) => {
    const userIds = await resolveRecipients(tx, to);
    if (userIds.length === 0) return { userIds, notificationIds: [] };
    const at = tx.now().toISOString();
    const rows: NotificationRow[] = userIds.map((userId) => ({
      id: newId(),
      user_id: userId,
      kind: message.kind,
      params: toJson(message.params ?? {}),
      link: message.link ?? null,
      org_id: message.orgId ?? null,
      created_at: at,
      read_at: null,
    }));
    await repo.insertNotifications(tx.db, rows);
    await repo.insertDeliveries(tx.db, await plannedDeliveries(tx, rows, channels, at));
    tx.audit({
      action: 'notify.notification.queued',
      objectType: 'notification',
      objectId: null,
      orgId: message.orgId ?? null,
      changes: { kind: message.kind, recipients: userIds.length },
    });
    return { userIds, notificationIds: rows.map((r) => r.id) };
  });
}

/** The signed-in user's id; the inbox has no meaning for the CLI or a job. */
function readerOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw AuthErrors.unauthenticated();
  return ctx.actor.id;
}

export function toInboxItem(row: NotificationRow, locale: NotifyLocale): InboxItem {
  const { title, body } = renderNotification(row.kind, fromJson<Record<string, unknown>>(row.params, {}), locale);
  return { id: row.id, kind: row.kind, title, body, link: row.link, orgId: row.org_id, createdAt: row.created_at, readAt: row.read_at };
}

/** The caller's own messages, newest first, in the reader's language. */
export async function listInbox(ctx: Ctx, query: InboxQuery, locale: NotifyLocale): Promise<PageOf<InboxItem>> {
  const userId = readerOf(ctx);
  const { page, pageSize, offset } = pageWindow(query);
  const result = await repo.listInbox(ctx.db, userId, query.unread === true, offset, pageSize);
  return {
    items: result.items.map((r) => toInboxItem(r, locale)),
    total: result.total,
    page,
    pageSize,
    ...(result.totalCapped ? { totalCapped: true } : {}),
  };
}

export async function unreadCount(ctx: Ctx): Promise<UnreadCount> {
  const { total, totalCapped } = await repo.countUnread(ctx.db, readerOf(ctx));
  return { unread: total, capped: totalCapped };
}

// Reading one's own messages is not audited: it decides nothing and would flood the log.

/** Marks one of the caller's messages read; someone else's answers not found, like a missing one. */
export async function markRead(ctx: Ctx, id: string): Promise<void> {
  const userId = readerOf(ctx);
  if (await repo.markRead(ctx.db, userId, id, ctx.now().toISOString())) return;
  if (!(await repo.findOwn(ctx.db, userId, id))) throw NotifyErrors.notificationNotFound({ id });
}

export async function markAllRead(ctx: Ctx): Promise<ReadAllResult> {
  return { marked: await repo.markAllRead(ctx.db, readerOf(ctx), ctx.now().toISOString()) };
}
