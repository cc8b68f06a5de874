import type { Kysely } from 'kysely';
import { auditKey, verifyBatch, type ChainBreak } from './chain.ts';
import { eventsAfter, type AuditRow } from './audit.repo.ts';

export type ChainState = { seq: number; hash: string };
export type WalkResult =
  | { ok: true; checked: number; state: ChainState }
  | { ok: false; checked: number; state: ChainState; break: ChainBreak };

/**
 * Verifies the records after `start` (up to `untilSeq` when given) in order and in batches,
 * calling `visit` for each verified record. Stops at the first broken link; `checked` counts
 * the records verified before it.
 */
export async function walkChain(
  db: Kysely<any>,
  start: ChainState,
  options: { batchSize?: number; untilSeq?: number; visit?: (row: AuditRow) => void } = {},
): Promise<WalkResult> {
  const batchSize = options.batchSize ?? 2000;
  let state = start;
  let checked = 0;
  for (;;) {
    const rows = await eventsAfter(db, state.seq, batchSize, options.untilSeq);
    if (rows.length === 0) return { ok: true, checked, state };
    const result = verifyBatch(
      auditKey(),
      state,
      rows.map((r) => ({
        seq: Number(r.seq),
        id: r.id,
        at: r.at,
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        actorName: r.actor_name,
        ip: r.ip,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        orgId: r.org_id,
        orgPath: r.org_path,
        changes: r.changes,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
    );
    // Records of this batch before the broken one were verified too.
    const verified = result.ok
      ? rows.length
      : Math.max(
          rows.findIndex((r) => Number(r.seq) === result.break.seq),
          0,
        );
    for (const row of rows.slice(0, verified)) options.visit?.(row);
    checked += verified;
    if (!result.ok) {
      const last = rows[verified - 1];
      return { ok: false, checked, state: last ? { seq: Number(last.seq), hash: last.hash } : state, break: result.break };
    }
    state = { seq: result.seq, hash: result.hash };
  }
}
