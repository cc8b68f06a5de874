import { mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sm2KeyPairFromSecret } from '#kernel/crypto/sm2.ts';
import { isCheckpointSignatureValid, parseCheckpointLines, signCheckpoint, type CheckpointStatement } from './checkpoint.ts';
import { appendCheckpoint, checkpointFilePath, readLatestCheckpoint } from './checkpoint.file.ts';

const keys = sm2KeyPairFromSecret(Buffer.alloc(32, 3), 'educloud/audit-checkpoint/v1');
const statement = (seq: number): CheckpointStatement => ({
  seq,
  hash: 'a'.repeat(64),
  count: seq,
  recordAt: '2026-12-01T08:00:00.000Z',
  at: '2026-12-01T09:00:00.000Z',
});

describe('a signed audit checkpoint', () => {
  it('verifies with the public key it carries', () => {
    expect(isCheckpointSignatureValid(signCheckpoint(keys, statement(42)))).toBe(true);
  });

  it.each([
    ['seq', { seq: 41 }],
    ['hash', { hash: 'b'.repeat(64) }],
    ['count', { count: 40 }],
    ['recordAt', { recordAt: null }],
    ['at', { at: '2026-12-02T09:00:00.000Z' }],
  ])('fails verification once its %s is changed', (_field, change) => {
    expect(isCheckpointSignatureValid({ ...signCheckpoint(keys, statement(42)), ...change })).toBe(false);
  });

  it('fails verification when another key is put beside the signature', () => {
    const other = sm2KeyPairFromSecret(Buffer.alloc(32, 4), 'x').publicKey.toString('hex');
    expect(isCheckpointSignatureValid({ ...signCheckpoint(keys, statement(42)), publicKey: other })).toBe(false);
  });

  it('parses JSON lines, skipping blank lines and marking what is not a checkpoint by its line number', () => {
    const good = signCheckpoint(keys, statement(1));
    const parsed = parseCheckpointLines(`${JSON.stringify(good)}\n\nnot json\n${JSON.stringify({ ...good, seq: -1 })}\n`);
    expect(parsed).toEqual([
      { line: 1, checkpoint: good },
      { line: 3, checkpoint: null },
      { line: 4, checkpoint: null },
    ]);
  });
});

describe('the checkpoint file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends lines and finds the newest one signed by the given key, past foreign and altered lines', () => {
    dir = join(mkdtempSync(join(tmpdir(), 'educloud-cp-')), 'nested');
    expect(readLatestCheckpoint(dir, keys.publicKey)).toBeNull();
    appendCheckpoint(dir, signCheckpoint(keys, statement(5)));
    appendCheckpoint(dir, signCheckpoint(keys, statement(7)));
    appendCheckpoint(dir, signCheckpoint(sm2KeyPairFromSecret(Buffer.alloc(32, 4), 'x'), statement(99)));
    appendFileSync(checkpointFilePath(dir), `${JSON.stringify({ ...signCheckpoint(keys, statement(8)), seq: 100 })}\n`);
    expect(readLatestCheckpoint(dir, keys.publicKey)?.seq).toBe(7);
  });

  it('reads only the tail of a long file, and starts a new line after a torn one', () => {
    dir = mkdtempSync(join(tmpdir(), 'educloud-cp-'));
    appendFileSync(checkpointFilePath(dir), `${'x'.repeat(200 * 1024)}\n{"type":"educloud.audit.chec`);
    appendCheckpoint(dir, signCheckpoint(keys, statement(3)));
    expect(readLatestCheckpoint(dir, keys.publicKey)?.seq).toBe(3);
  });
});
