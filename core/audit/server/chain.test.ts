import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord, verifyBatch, type ChainedRecord } from './chain.ts';

function build(n: number) {
  const out: Array<ChainedRecord & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r: ChainedRecord = {
      seq, id: `id${seq}`, at: '2026-11-29T08:00:00.000Z', actorKind: 'user', actorId: 'U1', actorName: 'admin',
      ip: '127.0.0.1', action: 'orgs.org.created', objectType: 'org', objectId: `O${seq}`, orgId: 'O', orgPath: '/O/',
      changes: JSON.stringify({ name: '海淀区教育局' }),
    };
    const hash = hashRecord(prev, r);
    out.push({ ...r, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an untouched chain and returns its head', () => {
    const records = build(5);
    expect(verifyBatch({ seq: 0, hash: GENESIS_HASH }, records)).toEqual({ ok: true, seq: 5, hash: records[4].hash });
  });

  it('verifies in batches with the state carried over', () => {
    const records = build(6);
    const first = verifyBatch({ seq: 0, hash: GENESIS_HASH }, records.slice(0, 3));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyBatch(first, records.slice(3)).ok).toBe(true);
  });

  it('finds an altered field at its record', () => {
    const records = build(5);
    records[2] = { ...records[2], changes: JSON.stringify({ name: '改过' }) };
    expect(verifyBatch({ seq: 0, hash: GENESIS_HASH }, records)).toEqual({ ok: false, break: { seq: 3, reason: 'hash_mismatch' } });
  });

  it('finds a removed record as a gap', () => {
    const records = build(5);
    records.splice(1, 1);
    expect(verifyBatch({ seq: 0, hash: GENESIS_HASH }, records)).toEqual({
      ok: false, break: { seq: 3, reason: 'gap', expectedSeq: 2 },
    });
  });

  it('finds a record re-hashed by someone who did not re-hash its successors', () => {
    const records = build(4);
    const forged = { ...records[1], actorName: 'intruder' };
    forged.hash = hashRecord(forged.prevHash, forged);
    records[1] = forged;
    expect(verifyBatch({ seq: 0, hash: GENESIS_HASH }, records)).toEqual({ ok: false, break: { seq: 3, reason: 'prev_hash_mismatch' } });
  });

  it('uses SM3, so the same input always gives the same 64-hex hash', () => {
    const [r] = build(1);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecord(GENESIS_HASH, r)).toBe(r.hash);
  });
});
