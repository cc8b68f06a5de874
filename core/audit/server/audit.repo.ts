import type { Kysely } from 'kysely';
import { cappedCount, inSubtrees } from '#kernel';

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  ip: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  org_id: string | null;
  org_path: string | null;
  changes: string;
  prev_hash: string;
  hash: string;
  /** Where the org stands now (moves with it, not hashed); readers are scoped by it. */
  scope_path: string | null;
}

export const lockHead = (db: Kysely<any>) =>
  // The no-op update takes PostgreSQL's row lock before the head is read (SQLite already
  // serialises writers), so two transactions cannot both extend the same head.
  db
    .updateTable('core_audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .execute()
    .then(() => db.selectFrom('core_audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow()) as Promise<{
    seq: number;
    hash: string;
  }>;

export const saveHead = (db: Kysely<any>, seq: number, hash: string) =>
  db.updateTable('core_audit_head').set({ seq, hash }).where('id', '=', 1).execute();

export const insertEvents = (db: Kysely<any>, rows: AuditRow[]) => db.insertInto('core_audit_events').values(rows).execute();

export async function orgPathsOf(db: Kysely<any>, orgIds: string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom('core_orgs').select(['id', 'path']).where('id', 'in', orgIds).execute();
  return new Map(rows.map((r) => [r.id as string, r.path as string]));
}

export interface AuditFilter {
  scopes: string[];
  actorId?: string;
  actorName?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<any>, f: AuditFilter) {
  let q = db.selectFrom('core_audit_events').where((eb) => inSubtrees(eb, 'scope_path', f.scopes));
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.actorName) q = q.where('actor_name', '=', f.actorName);
  if (f.action) q = q.where('action', f.action.endsWith('.') ? '>=' : '=', f.action);
  if (f.action?.endsWith('.')) q = q.where('action', '<', `${f.action.slice(0, -1)}/`);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
}

export async function listEvents(db: Kysely<any>, f: AuditFilter, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').offset(offset).limit(limit).execute() as Promise<AuditRow[]>,
    cappedCount(db, filtered(db, f)),
  ]);
  return { items, ...count };
}

export const findEvent = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_audit_events').selectAll().where('id', '=', id).executeTakeFirst() as Promise<AuditRow | undefined>;

export const eventsAfter = (db: Kysely<any>, seq: number, limit: number, untilSeq?: number) => {
  let q = db.selectFrom('core_audit_events').selectAll().where('seq', '>', seq);
  if (untilSeq !== undefined) q = q.where('seq', '<=', untilSeq);
  return q.orderBy('seq').limit(limit).execute() as Promise<AuditRow[]>;
};

/** The record with the highest seq (what the table really ends with, whatever the head row says). */
export const lastEvent = (db: Kysely<any>) =>
  db.selectFrom('core_audit_events').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst() as Promise<
    { seq: number; hash: string; at: string } | undefined
  >;

export const countEvents = async (db: Kysely<any>, untilSeq: number) =>
  Number(
    (
      await db
        .selectFrom('core_audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('seq', '<=', untilSeq)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** seq → hash of the records at these seqs (absent seqs are missing from the map). */
export async function hashesAt(db: Kysely<any>, seqs: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  // Chunks keep each query under SQLite's bound-parameter limit.
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db
      .selectFrom('core_audit_events')
      .select(['seq', 'hash'])
      .where('seq', 'in', seqs.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(Number(r.seq), r.hash as string);
  }
  return found;
}

export const readHead = (db: Kysely<any>) =>
  db.selectFrom('core_audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow() as Promise<{
    seq: number;
    hash: string;
  }>;

export const orgPathOf = async (db: Kysely<any>, orgId: string) =>
  ((await db.selectFrom('core_orgs').select('path').where('id', '=', orgId).executeTakeFirst()) as { path: string } | undefined)?.path;

/** How many records of `action` an actor left since `since` (a limit's window). */
export const countActorActions = async (db: Kysely<any>, actorId: string, action: string, since: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('core_audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actor_id', '=', actorId)
        .where('action', '=', action)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow()
    ).n,
  );
