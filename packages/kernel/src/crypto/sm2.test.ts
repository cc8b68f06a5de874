import { describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, sm2KeyPair, sm2KeyPairFromSecret, sm2Sign, sm2Verify, sm2Za } from './sm2.ts';

// GB/T 32918.5-2017 Annex A (= GM/T 0003.5 Annex A): the signature example on the recommended curve.
const VECTOR = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  x: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  y: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  message: 'message digest',
  za: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};

/** DER SEQUENCE { INTEGER r, INTEGER s }. */
function derSignature(r: string, s: string): Buffer {
  const integer = (h: string) => {
    let v = Buffer.from(h, 'hex');
    if (v[0] & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

const vectorKeys = () => sm2KeyPair(Buffer.from(VECTOR.d, 'hex'));
const vectorPublicKey = Buffer.from(`04${VECTOR.x}${VECTOR.y}`, 'hex');

describe('SM2 signatures (GB/T 32918)', () => {
  it('computes the public key of the Annex A private key', () => {
    expect(vectorKeys().publicKey.toString('hex')).toBe(vectorPublicKey.toString('hex'));
  });

  it('computes Z_A of Annex A with the default user ID 1234567812345678', () => {
    expect(SM2_DEFAULT_USER_ID).toBe('1234567812345678');
    expect(sm2Za(vectorPublicKey).toString('hex')).toBe(VECTOR.za.toLowerCase());
  });

  it('accepts the Annex A signature (r, s) of "message digest"', () => {
    expect(sm2Verify(vectorPublicKey, VECTOR.message, derSignature(VECTOR.r, VECTOR.s))).toBe(true);
  });

  it('refuses the Annex A signature for another message, another user ID or a changed s', () => {
    const signature = derSignature(VECTOR.r, VECTOR.s);
    expect(sm2Verify(vectorPublicKey, 'message digesT', signature)).toBe(false);
    expect(sm2Verify(vectorPublicKey, VECTOR.message, signature, 'ALICE123@YAHOO.COM')).toBe(false);
    const s = BigInt(`0x${VECTOR.s}`) + 1n;
    expect(sm2Verify(vectorPublicKey, VECTOR.message, derSignature(VECTOR.r, s.toString(16)))).toBe(false);
  });

  it('signs so that the signature verifies, and only for the signed message and key', () => {
    const keys = vectorKeys();
    const signature = sm2Sign(keys, '审计检查点');
    expect(sm2Verify(keys.publicKey, '审计检查点', signature)).toBe(true);
    expect(sm2Verify(keys.publicKey, '审计检查点。', signature)).toBe(false);
    expect(sm2Verify(sm2KeyPairFromSecret(Buffer.alloc(32, 1), 'other').publicKey, '审计检查点', signature)).toBe(false);
  });

  it('puts Z_A in front of the message: a signature of the bare message does not verify', async () => {
    const { createSign } = await import('node:crypto');
    const keys = vectorKeys();
    const bare = createSign('SM3').update(VECTOR.message).sign(keys.privateKey);
    expect(sm2Verify(keys.publicKey, VECTOR.message, bare)).toBe(false);
  });

  it('answers false, not an exception, for a point off the curve or a malformed signature', () => {
    const offCurve = Buffer.from(vectorPublicKey);
    offCurve[64] ^= 1;
    expect(sm2Verify(offCurve, VECTOR.message, derSignature(VECTOR.r, VECTOR.s))).toBe(false);
    expect(sm2Verify(vectorPublicKey.subarray(1), VECTOR.message, derSignature(VECTOR.r, VECTOR.s))).toBe(false);
    expect(sm2Verify(vectorPublicKey, VECTOR.message, Buffer.from('not a signature'))).toBe(false);
  });

  it('derives the same key pair from the same secret and label, and another from either changed', () => {
    const secret = Buffer.alloc(32, 9);
    const a = sm2KeyPairFromSecret(secret, 'educloud/test');
    expect(a.publicKey.equals(sm2KeyPairFromSecret(secret, 'educloud/test').publicKey)).toBe(true);
    expect(a.publicKey.equals(sm2KeyPairFromSecret(secret, 'educloud/other').publicKey)).toBe(false);
    expect(a.publicKey.equals(sm2KeyPairFromSecret(Buffer.alloc(32, 8), 'educloud/test').publicKey)).toBe(false);
  });

  it('refuses a private key of the wrong length or out of range', () => {
    expect(() => sm2KeyPair(Buffer.alloc(31, 1))).toThrow('sm2.private_key_length');
    expect(() => sm2KeyPair(Buffer.alloc(32))).toThrow('sm2.private_key_range');
    expect(() => sm2KeyPair(Buffer.alloc(32, 0xff))).toThrow('sm2.private_key_range');
  });
});
