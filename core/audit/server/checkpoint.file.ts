import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditCheckpoint } from '../contract/audit.schema.ts';
import { isCheckpointSignatureValid, parseCheckpointLines } from './checkpoint.ts';

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.jsonl';
/** Enough for the last few hundred lines, so the newest checkpoint is found without reading years of them. */
const TAIL_BYTES = 128 * 1024;

export const checkpointFilePath = (dir: string): string => join(dir, CHECKPOINT_FILE_NAME);

/**
 * Appends one line. The file is opened with O_APPEND and never rewritten, so it works when the
 * operator makes it append-only (`chattr +a`) or puts the folder on write-once storage.
 */
export function appendCheckpoint(dir: string, checkpoint: AuditCheckpoint): string {
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const file = checkpointFilePath(dir);
  const fd = openSync(file, 'a+', 0o640);
  try {
    // A line torn by a crash would swallow this one; start afresh on a new line.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const isTorn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeSync(fd, `${isTorn ? '\n' : ''}${JSON.stringify(checkpoint)}\n`);
  } finally {
    closeSync(fd);
  }
  return file;
}

/** The newest well-formed checkpoint in the file signed by `publicKey`, or null when there is none. */
export function readLatestCheckpoint(dir: string, publicKey: Buffer): AuditCheckpoint | null {
  const file = checkpointFilePath(dir);
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  let text: string;
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    text = buffer.toString('utf8');
    // A tail that starts mid-line loses that line only.
    if (length < size) text = text.slice(text.indexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
  const own = publicKey.toString('hex');
  const lines = parseCheckpointLines(text);
  for (let i = lines.length - 1; i >= 0; i--) {
    const c = lines[i].checkpoint;
    if (c && c.publicKey === own && isCheckpointSignatureValid(c)) return c;
  }
  return null;
}
