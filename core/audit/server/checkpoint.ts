import { Value } from 'typebox/value';
import { SM2_DEFAULT_USER_ID, sm2KeyPairFromSecret, sm2Sign, sm2Verify, type Sm2KeyPair } from '#kernel/crypto/sm2.ts';
import { AuditCheckpoint } from '../contract/audit.schema.ts';

/** What a checkpoint states about the chain; the rest of a checkpoint is its signature. */
export interface CheckpointStatement {
  seq: number;
  hash: string;
  count: number;
  recordAt: string | null;
  at: string;
}

/**
 * The signed bytes: a tag (so no other SM2 signature of this key can pass for a checkpoint) and
 * the statement's fields as a JSON array, so the encoding never depends on key order.
 */
export const checkpointMessage = (s: CheckpointStatement): string =>
  `educloud.audit.checkpoint/v1\n${JSON.stringify([s.seq, s.hash, s.count, s.recordAt, s.at])}`;

export function signCheckpoint(keys: Sm2KeyPair, s: CheckpointStatement): AuditCheckpoint {
  return {
    type: 'educloud.audit.checkpoint',
    version: 1,
    seq: s.seq,
    hash: s.hash,
    count: s.count,
    recordAt: s.recordAt,
    at: s.at,
    algorithm: 'SM2-SM3',
    userId: SM2_DEFAULT_USER_ID,
    publicKey: keys.publicKey.toString('hex'),
    signature: sm2Sign(keys, checkpointMessage(s)).toString('hex'),
  };
}

/** True when the checkpoint's signature verifies with the public key it carries. */
export const isCheckpointSignatureValid = (c: AuditCheckpoint): boolean =>
  sm2Verify(Buffer.from(c.publicKey, 'hex'), checkpointMessage(c), Buffer.from(c.signature, 'hex'), c.userId);

export type ParsedCheckpointLine = { line: number; checkpoint: AuditCheckpoint } | { line: number; checkpoint: null };

/** The lines of a checkpoint file; blank lines are skipped, a line that is not a checkpoint comes back as null. */
export function parseCheckpointLines(text: string): ParsedCheckpointLine[] {
  const parsed: ParsedCheckpointLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    parsed.push({ line: index + 1, checkpoint: Value.Check(AuditCheckpoint, value) ? value : null });
  });
  return parsed;
}

let signingKeys: Sm2KeyPair | undefined;
let checkpointDir: string | undefined;

/**
 * The host installs the signing key and the folder before serving. The key is derived from the
 * master key (see docs/adr/0007-audit-checkpoints.md): every instance signs with the same key
 * without a second secret to distribute, and the database's writer, who lacks the master key,
 * cannot sign.
 */
export function installAuditCheckpoints(options: { masterKey: Buffer; dir: string }): void {
  signingKeys = sm2KeyPairFromSecret(options.masterKey, 'educloud/audit-checkpoint/v1');
  checkpointDir = options.dir;
}

export function checkpointSigningKeys(): Sm2KeyPair {
  if (!signingKeys) throw new Error('audit checkpoint key not installed');
  return signingKeys;
}

export function auditCheckpointDir(): string {
  if (!checkpointDir) throw new Error('audit checkpoint folder not installed');
  return checkpointDir;
}

type CheckpointLog = (checkpoint: AuditCheckpoint) => void;
let checkpointLog: CheckpointLog = () => {};
/** `serve` sends each checkpoint to the server log too, where a log collector picks it up. */
export function installCheckpointLog(log: CheckpointLog): void {
  checkpointLog = log;
}
export const logCheckpoint = (c: AuditCheckpoint): void => checkpointLog(c);
