import type { Kysely } from 'kysely';
import type { ChainReport, CheckpointFailureReason } from '../contract/audit.schema.ts';
import { isCheckpointSignatureValid, type ParsedCheckpointLine } from './checkpoint.ts';
import { hashesAt, lastEvent } from './audit.repo.ts';

export type CheckpointReport = NonNullable<ChainReport['checkpoints']>;
/** A report lists this many failures at most; `failed` still counts them all. */
const MAX_LISTED_FAILURES = 100;

/**
 * Holds every checkpoint against the table as it is: a checkpoint must carry a valid signature
 * by this installation's key, and the chain must still reach its seq with the same hash there.
 * A chain cut short, emptied, or rebuilt below a checkpoint fails here even when the head row
 * was rewound to match, which the chain walk alone cannot see.
 */
export async function checkCheckpoints(db: Kysely<any>, lines: ParsedCheckpointLine[], ownPublicKey: Buffer): Promise<CheckpointReport> {
  const own = ownPublicKey.toString('hex');
  const failures: Array<{ line: number; seq: number | null; reason: CheckpointFailureReason }> = [];
  const signed = lines.flatMap((l) => {
    const c = l.checkpoint;
    if (!c) failures.push({ line: l.line, seq: null, reason: 'malformed' });
    else if (!isCheckpointSignatureValid(c)) failures.push({ line: l.line, seq: c.seq, reason: 'signature_invalid' });
    else if (c.publicKey !== own) failures.push({ line: l.line, seq: c.seq, reason: 'foreign_key' });
    else return [{ line: l.line, checkpoint: c }];
    return [];
  });

  const tail = await lastEvent(db);
  const tailSeq = tail ? Number(tail.seq) : 0;
  const hashes = await hashesAt(db, [...new Set(signed.map((s) => s.checkpoint.seq).filter((seq) => seq > 0 && seq <= tailSeq))]);
  for (const { line, checkpoint: c } of signed) {
    // A checkpoint of the empty chain (seq 0) holds against any chain.
    if (c.seq === 0) continue;
    if (!tail) failures.push({ line, seq: c.seq, reason: 'chain_empty' });
    else if (c.seq > tailSeq) failures.push({ line, seq: c.seq, reason: 'chain_shorter' });
    else if (!hashes.has(c.seq)) failures.push({ line, seq: c.seq, reason: 'record_missing' });
    else if (hashes.get(c.seq) !== c.hash) failures.push({ line, seq: c.seq, reason: 'hash_mismatch' });
  }

  failures.sort((a, b) => a.line - b.line);
  const latest = signed.reduce<(typeof signed)[number]['checkpoint'] | null>(
    (best, { checkpoint: c }) => (!best || c.seq > best.seq || (c.seq === best.seq && c.at > best.at) ? c : best),
    null,
  );
  return {
    checked: lines.length,
    failed: failures.length,
    chainEndSeq: tailSeq,
    latest: latest ? { seq: latest.seq, at: latest.at } : null,
    failures: failures.slice(0, MAX_LISTED_FAILURES),
  };
}
