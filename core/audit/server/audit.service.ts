import { fromJson, pageWindow, type Ctx, type PageOf } from '#kernel';
import type { AuditEvent, AuditQuery, ChainReport } from '../contract/audit.schema.ts';
import { AuditPermissions } from '../contract/permissions.ts';
import { GENESIS_HASH } from './chain.ts';
import { DEFAULT_SILENT_GAP_DAYS, silentGapFinder } from './chain.gaps.ts';
import { walkChain } from './chain.walk.ts';
import { checkpointSigningKeys, type ParsedCheckpointLine } from './checkpoint.ts';
import { checkCheckpoints } from './checkpoint.verify.ts';
import { requirePlatformLevel } from '#core/orgs/server/org.service.ts';
import { findEvent, listEvents, orgPathOf, readHead, type AuditRow } from './audit.repo.ts';
import { AuditErrors } from '../contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';

const toEvent = (r: AuditRow): AuditEvent => ({
  id: r.id,
  seq: Number(r.seq),
  at: r.at,
  actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
  ip: r.ip,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  orgId: r.org_id,
  changes: fromJson<Record<string, unknown>>(r.changes, {}),
  hash: r.hash,
});

/** Audit records within the caller's subtrees (and the org filter, if given), newest first. */
export async function listAuditEvents(ctx: Ctx, query: AuditQuery): Promise<PageOf<AuditEvent>> {
  let scopes = ctx.access.scopes(AuditPermissions.readEvents);
  if (query.orgId) {
    const path = await orgPathOf(ctx.db, query.orgId);
    if (!path || !ctx.access.can(AuditPermissions.readEvents, path)) throw OrgErrors.orgNotFound({ id: query.orgId });
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
  if (!row || !ctx.access.can(AuditPermissions.readEvents, path)) throw AuditErrors.eventNotFound({ id });
  return toEvent(row);
}

export interface VerifyOptions {
  /** Lines of a checkpoint file; the chain must still reach each one's seq with its hash. */
  checkpoints?: ParsedCheckpointLine[];
  /** Gaps between records longer than this many days are reported (default 7). */
  silentGapDays?: number;
  batchSize?: number;
}

/**
 * Walks the whole chain in order, in batches; reports the first broken link, holds the chain
 * against the checkpoints given, and lists long silences between records as warnings.
 */
export async function verifyAuditChain(ctx: Ctx, options: VerifyOptions = {}): Promise<ChainReport> {
  // The chain spans every org, so only a root-level grant may walk it.
  await requirePlatformLevel(ctx, AuditPermissions.verifyChain);
  const gaps = silentGapFinder(options.silentGapDays ?? DEFAULT_SILENT_GAP_DAYS);
  const walk = await walkChain(ctx.db, { seq: 0, hash: GENESIS_HASH }, { batchSize: options.batchSize, visit: (row) => gaps.visit(row) });
  // The head is reported as stored, as for a head mismatch, so the CLI's "N records before it are intact" is true.
  const head = await readHead(ctx.db);
  const headSeq = Number(head.seq);
  let report: ChainReport;
  if (!walk.ok) report = { ok: false, checked: walk.checked, headSeq, break: walk.break };
  // Rows cut off the end leave the head pointing past the last record.
  else if (headSeq !== walk.state.seq || head.hash !== walk.state.hash)
    report = { ok: false, checked: walk.checked, headSeq, break: { seq: walk.state.seq + 1, reason: 'head_mismatch' } };
  else report = { ok: true, checked: walk.checked, headSeq };
  const silentGaps = gaps.finish(ctx.now());
  if (silentGaps.length > 0) report.silentGaps = silentGaps;
  if (options.checkpoints) {
    report.checkpoints = await checkCheckpoints(ctx.db, options.checkpoints, checkpointSigningKeys().publicKey);
    if (report.checkpoints.failed > 0) report.ok = false;
  }
  return report;
}
