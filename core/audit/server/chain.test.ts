import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, hashRecord, verifyBatch, type ChainedRecord } from './chain.ts';

const KEY = Buffer.alloc(32, 7);

function build(n: number) {
  const out: Array<ChainedRecord & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r: ChainedRecord = {
      seq,
      id: `id${seq}`,
      at: '2026-11-29T08:00:00.000Z',
      actorKind: 'user',
      actorId: 'U1',
      actorName: 'admin',
      ip: '127.0.0.1',
      action: 'orgs.org.created',
      objectType: 'org',
      objectId: `O${seq}`,
      orgId: 'O',
      orgPath: '/O/',
      changes: JSON.stringify({ name: '海淀区教育局' }),
    };
    const hash = hashRecord(KEY, prev, r);
    out.push({ ...r, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an untouched chain and returns its head', () => {
    const records = build(5);
    expect(verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, records)).toEqual({ ok: true, seq: 5, hash: records[4].hash });
  });

  it('verifies in batches with the state carried over', () => {
    const records = build(6);
    const first = verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, records.slice(0, 3));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyBatch(KEY, first, records.slice(3)).ok).toBe(true);
  });

  it('finds an altered field at its record', () => {
    const records = build(5);
    records[2] = { ...records[2], changes: JSON.stringify({ name: '改过' }) };
    expect(verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, records)).toEqual({ ok: false, break: { seq: 3, reason: 'hash_mismatch' } });
  });

  it('finds a removed record as a gap', () => {
    const records = build(5);
    records.splice(1, 1);
    expect(verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, records)).toEqual({
      ok: false,
      break: { seq: 3, reason: 'gap', expectedSeq: 2 },
    });
  });

  it('finds a record re-hashed by someone who did not re-hash its successors', () => {
    const records = build(4);
    const forged = { ...records[1], actorName: 'intruder' };
    forged.hash = hashRecord(KEY, forged.prevHash, forged);
    records[1] = forged;
    expect(verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, records)).toEqual({
      ok: false,
      break: { seq: 3, reason: 'prev_hash_mismatch' },
    });
  });

  it('cannot be rebuilt without the key: a forger who re-hashes every record is still found', () => {
    const records = build(3);
    let prev = GENESIS_HASH;
    const forged = records.map((r, i) => {
      const changed = { ...r, actorName: i === 1 ? 'intruder' : r.actorName };
      const hash = createHash('sm3')
        .update(`${prev}\n${JSON.stringify(Object.values(changed).slice(0, 13))}`)
        .digest('hex');
      const out = { ...changed, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    expect(verifyBatch(KEY, { seq: 0, hash: GENESIS_HASH }, forged).ok).toBe(false);
    expect(verifyBatch(Buffer.alloc(32, 8), { seq: 0, hash: GENESIS_HASH }, records).ok).toBe(false);
  });

  it('uses HMAC-SM3, so the same input always gives the same 64-hex hash', () => {
    const [r] = build(1);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecord(KEY, GENESIS_HASH, r)).toBe(r.hash);
  });
});
