import { fromJson, notFound, pageWindow, type Ctx, type PageOf } from '#kernel';
import type { AuditEvent, AuditQuery, ChainReport } from '../contract/audit.schema.ts';
import { AuditPermissions } from '../contract/permissions.ts';
import { auditKey, GENESIS_HASH, verifyBatch } from './chain.ts';
import { requirePlatformLevel } from '#core/orgs/server/org.service.ts';
import { eventsAfter, findEvent, listEvents, orgPathOf, readHead, type AuditRow } from './audit.repo.ts';

const toEvent = (r: AuditRow): AuditEvent => ({
  id: r.id, seq: Number(r.seq), at: r.at, actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name }, ip: r.ip,
  action: r.action, objectType: r.object_type, objectId: r.object_id, orgId: r.org_id,
  changes: fromJson<Record<string, unknown>>(r.changes, {}), hash: r.hash,
});

/** Audit records within the caller's subtrees (and the org filter, if given), newest first. */
export async function listAuditEvents(ctx: Ctx, query: AuditQuery): Promise<PageOf<AuditEvent>> {
  let scopes = ctx.access.scopes(AuditPermissions.readEvents);
  if (query.orgId) {
    const path = await orgPathOf(ctx.db, query.orgId);
    if (!path || !ctx.access.can(AuditPermissions.readEvents, path)) throw notFound('orgs.org_not_found', { id: query.orgId });
    scopes = [path];
  }
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await listEvents(ctx.db, { ...query, scopes }, offset, pageSize);
  return { items: items.map(toEvent), total, totalCapped, page, pageSize };
}

export async function getAuditEvent(ctx: Ctx, id: string): Promise<AuditEvent> {
  const row = await findEvent(ctx.db, id);
  // Events without an org (sign-ins, platform settings) are visible to platform-wide readers only.
  const path = row?.scope_path ?? '/';
  if (!row || !ctx.access.can(AuditPermissions.readEvents, path)) throw notFound('audit.event_not_found', { id });
  return toEvent(row);
}

/** Walks the whole chain in order, in batches; reports the first broken link. */
export async function verifyAuditChain(ctx: Ctx, batchSize = 2000): Promise<ChainReport> {
  // The chain spans every org, so only a root-level grant may walk it.
  await requirePlatformLevel(ctx, AuditPermissions.verifyChain);
  let state = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await eventsAfter(ctx.db, state.seq, batchSize);
    if (rows.length === 0) break;
    const result = verifyBatch(auditKey(), state, rows.map((r) => ({
      seq: Number(r.seq), id: r.id, at: r.at, actorKind: r.actor_kind, actorId: r.actor_id, actorName: r.actor_name,
      ip: r.ip, action: r.action, objectType: r.object_type, objectId: r.object_id, orgId: r.org_id, orgPath: r.org_path,
      changes: r.changes, prevHash: r.prev_hash, hash: r.hash,
    })));
    if (!result.ok) {
      // Records of this batch before the broken one were verified too; the head is reported as
      // stored, as for a head mismatch, so the CLI's "N records before it are intact" is true.
      const intact = rows.findIndex((r) => Number(r.seq) === result.break.seq);
      return { ok: false, checked: checked + Math.max(intact, 0), headSeq: Number((await readHead(ctx.db)).seq), break: result.break };
    }
    checked += rows.length;
    state = { seq: result.seq, hash: result.hash };
  }
  const head = await readHead(ctx.db);
  if (Number(head.seq) !== state.seq || head.hash !== state.hash) {
    // Rows cut off the end leave the head pointing past the last record.
    return { ok: false, checked, headSeq: Number(head.seq), break: { seq: state.seq + 1, reason: 'head_mismatch' } };
  }
  return { ok: true, checked, headSeq: state.seq };
}
