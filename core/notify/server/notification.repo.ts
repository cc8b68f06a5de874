import type { Kysely } from 'kysely';
import { cappedCount } from '#kernel';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  params: string;
  link: string | null;
  org_id: string | null;
  created_at: string;
  read_at: string | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryRow {
  id: string;
  notification_id: string;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
}

export interface ContactRow {
  id: string;
  account: string;
  real_name: string;
  email: string | null;
  phone_cipher: string | null;
  status: string;
}

/** A due delivery with what is needed to render and address it. */
export interface DueDelivery extends DeliveryRow {
  user_id: string;
  kind: string;
  params: string;
  link: string | null;
}

// Batches keep each INSERT under SQLite's bound-parameter limit.
const BATCH = 500;

export async function insertNotifications(db: Kysely<any>, rows: NotificationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('core_notifications')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function insertDeliveries(db: Kysely<any>, rows: DeliveryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('core_notification_deliveries')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

const inboxOf = (db: Kysely<any>, userId: string, unreadOnly: boolean) => {
  const q = db.selectFrom('core_notifications').where('user_id', '=', userId);
  return unreadOnly ? q.where('read_at', 'is', null) : q;
};

export async function listInbox(db: Kysely<any>, userId: string, unreadOnly: boolean, offset: number, limit: number) {
  const q = inboxOf(db, userId, unreadOnly);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute() as Promise<NotificationRow[]>,
    cappedCount(db, q),
  ]);
  return { items, ...count };
}

export const countUnread = (db: Kysely<any>, userId: string) => cappedCount(db, inboxOf(db, userId, true));

/** Marks the user's own message read unless it already is; returns whether a row changed. */
export async function markRead(db: Kysely<any>, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('core_notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findOwn = (db: Kysely<any>, userId: string, id: string) =>
  db.selectFrom('core_notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();

export async function markAllRead(db: Kysely<any>, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('core_notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findActiveUserIds(db: Kysely<any>, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .selectFrom('core_users')
      .select('id')
      .where('id', 'in', ids.slice(i, i + BATCH))
      .where('status', '=', 'active')
      .execute();
    out.push(...rows.map((r) => r.id as string));
  }
  return out;
}

export async function findContacts(db: Kysely<any>, ids: string[]): Promise<ContactRow[]> {
  const out: ContactRow[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    out.push(
      ...((await db
        .selectFrom('core_users')
        .select(['id', 'account', 'real_name', 'email', 'phone_cipher', 'status'])
        .where('id', 'in', ids.slice(i, i + BATCH))
        .execute()) as ContactRow[]),
    );
  }
  return out;
}

export const findOrgPath = (db: Kysely<any>, orgId: string) =>
  db.selectFrom('core_orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst() as Promise<
    { id: string; path: string } | undefined
  >;

export const dueDeliveries = (db: Kysely<any>, now: string, limit: number) =>
  db
    .selectFrom('core_notification_deliveries as d')
    .innerJoin('core_notifications as n', 'n.id', 'd.notification_id')
    .select([
      'd.id',
      'd.notification_id',
      'd.channel',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.next_attempt_at',
      'd.sent_at',
      'n.user_id',
      'n.kind',
      'n.params',
      'n.link',
    ])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute() as Promise<DueDelivery[]>;

/**
 * Takes a due delivery for this run by moving its next attempt to `leaseUntil`, only if no other
 * run moved it first; a run that dies mid-send leaves it to be retried once the lease passes.
 */
export async function claimDelivery(db: Kysely<any>, id: string, seenNextAttemptAt: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('core_notification_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', seenNextAttemptAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateDelivery = (db: Kysely<any>, id: string, patch: Partial<Omit<DeliveryRow, 'id' | 'notification_id' | 'channel'>>) =>
  db.updateTable('core_notification_deliveries').set(patch).where('id', '=', id).execute();

export const deliveriesOf = (db: Kysely<any>, notificationIds: string[]) =>
  db
    .selectFrom('core_notification_deliveries')
    .selectAll()
    .where('notification_id', 'in', notificationIds)
    .orderBy('id')
    .execute() as Promise<DeliveryRow[]>;

/**
 * Deletes sent deliveries sent before `doneBefore`, skipped ones queued before it, and failed
 * ones given up before `failedBefore` (giving up sets next_attempt_at to that moment).
 */
export async function deleteFinishedDeliveries(db: Kysely<any>, doneBefore: string, failedBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('core_notification_deliveries')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', doneBefore)]),
        eb.and([eb('status', '=', 'skipped'), eb('next_attempt_at', '<', doneBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('next_attempt_at', '<', failedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
