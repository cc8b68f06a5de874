import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit record that its hash covers, in a fixed order. */
export interface ChainedRecord {
  seq: number;
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  orgId: string | null;
  orgPath: string | null;
  changes: string;
}

/**
 * HMAC-SM3, keyed with a secret kept outside the database, over the previous hash and the
 * record's fields as a JSON array (an array, so the encoding never depends on key order).
 * Keyed, so that someone who can write the table still cannot recompute a consistent chain.
 */
export function hashRecord(key: Buffer, prevHash: string, r: ChainedRecord): string {
  const body = JSON.stringify([
    r.seq,
    r.id,
    r.at,
    r.actorKind,
    r.actorId,
    r.actorName,
    r.ip,
    r.action,
    r.objectType,
    r.objectId,
    r.orgId,
    r.orgPath,
    r.changes,
  ]);
  return createHmac('sm3', key).update(`${prevHash}\n${body}`).digest('hex');
}

export type ChainBreak =
  | { seq: number; reason: 'gap'; expectedSeq: number }
  | { seq: number; reason: 'prev_hash_mismatch' }
  | { seq: number; reason: 'hash_mismatch' }
  | { seq: number; reason: 'head_mismatch' };

/**
 * Checks records in order, carrying the previous hash from one call to the next so that a
 * long log can be verified in batches. Returns the first break, or the state to continue with.
 */
export function verifyBatch(
  key: Buffer,
  state: { seq: number; hash: string },
  records: Array<ChainedRecord & { prevHash: string; hash: string }>,
): { ok: true; seq: number; hash: string } | { ok: false; break: ChainBreak } {
  let { seq, hash } = state;
  for (const r of records) {
    if (r.seq !== seq + 1) return { ok: false, break: { seq: r.seq, reason: 'gap', expectedSeq: seq + 1 } };
    if (r.prevHash !== hash) return { ok: false, break: { seq: r.seq, reason: 'prev_hash_mismatch' } };
    const recomputed = hashRecord(key, hash, r);
    if (recomputed !== r.hash) return { ok: false, break: { seq: r.seq, reason: 'hash_mismatch' } };
    seq = r.seq;
    hash = r.hash;
  }
  return { ok: true, seq, hash };
}

let chainKey: Buffer | undefined;
/** The host installs the chain key (derived from the configured master key) before serving. */
export function installAuditKey(key: Buffer): void {
  chainKey = key;
}
export function auditKey(): Buffer {
  if (!chainKey) throw new Error('audit chain key not installed');
  return chainKey;
}
