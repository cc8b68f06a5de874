import { createHash, createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';
import { hmacSm3 } from './sm.ts';

// SM2 digital signatures (GB/T 32918.2, with the recommended curve of GB/T 32918.5) on Node's
// OpenSSL. OpenSSL signs SM2 keys with SM3 but, through Node, without the signer's identity:
// the standard hashes Z_A ‖ M, so Z_A is computed here and put in front of the message.

/** The user ID GB/T 35276 prescribes when the parties agree on none. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

const hex = (h: string) => Buffer.from(h, 'hex');
// Curve parameters of GB/T 32918.5; Z_A covers them so a signature binds the curve too.
const CURVE = {
  a: hex('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC'),
  b: hex('28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93'),
  gx: hex('32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7'),
  gy: hex('BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0'),
  n: BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123'),
};
/** OID 1.2.156.10197.1.301, the SM2 curve, DER-encoded. */
const SM2_CURVE_OID = hex('06082a811ccf5501822d');
/** SubjectPublicKeyInfo up to the 65-byte uncompressed point (id-ecPublicKey, SM2 curve). */
const SPKI_PREFIX = hex('3059301306072a8648ce3d020106082a811ccf5501822d034200');

export interface Sm2KeyPair {
  privateKey: KeyObject;
  /** The uncompressed point 04 ‖ x ‖ y, 65 bytes. */
  publicKey: Buffer;
}

/** The key pair of a 32-byte private scalar d (1 ≤ d ≤ n − 2). */
export function sm2KeyPair(d: Buffer): Sm2KeyPair {
  if (d.length !== 32) throw new Error('sm2.private_key_length: need 32 bytes');
  const value = BigInt(`0x${d.toString('hex')}`);
  if (value < 1n || value > CURVE.n - 2n) throw new Error('sm2.private_key_range');
  // SEC 1 ECPrivateKey { version 1, d, [0] curve }; OpenSSL computes the public point from d.
  const body = Buffer.concat([hex('020101'), Buffer.from([0x04, 0x20]), d, Buffer.from([0xa0, SM2_CURVE_OID.length]), SM2_CURVE_OID]);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from([0x30, body.length]), body]), format: 'der', type: 'sec1' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: Buffer.from(spki.subarray(spki.length - 65)) };
}

/**
 * A key pair derived from a secret: d = (HMAC-SM3 stretched to 512 bits) mod (n − 2) + 1, so
 * the same secret always gives the same key and the reduction's bias is below 2^-250.
 */
export function sm2KeyPairFromSecret(secret: Buffer, label: string): Sm2KeyPair {
  const wide = Buffer.concat([hmacSm3(secret, `${label}/1`), hmacSm3(secret, `${label}/2`)]);
  const d = (BigInt(`0x${wide.toString('hex')}`) % (CURVE.n - 2n)) + 1n;
  return sm2KeyPair(Buffer.from(d.toString(16).padStart(64, '0'), 'hex'));
}

/** Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ Gx ‖ Gy ‖ x ‖ y) of GB/T 32918.2, section 5.5. */
export function sm2Za(publicKey: Buffer, userId: string = SM2_DEFAULT_USER_ID): Buffer {
  assertPoint(publicKey);
  const id = Buffer.from(userId, 'utf8');
  if (id.length * 8 > 0xffff) throw new Error('sm2.user_id_too_long');
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  return createHash('sm3')
    .update(Buffer.concat([entl, id, CURVE.a, CURVE.b, CURVE.gx, CURVE.gy, publicKey.subarray(1)]))
    .digest();
}

/** A standard SM2 signature of `message`, DER SEQUENCE { r, s } as GB/T 35276 encodes it. */
export function sm2Sign(keys: Sm2KeyPair, message: string | Buffer, userId: string = SM2_DEFAULT_USER_ID): Buffer {
  return createSign('SM3')
    .update(Buffer.concat([sm2Za(keys.publicKey, userId), Buffer.from(message)]))
    .sign(keys.privateKey);
}

/** True when `signature` (DER) is a valid SM2 signature of `message` by `publicKey`; false on any malformed input. */
export function sm2Verify(publicKey: Buffer, message: string | Buffer, signature: Buffer, userId: string = SM2_DEFAULT_USER_ID): boolean {
  try {
    // Decoding the point checks that it lies on the curve.
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return createVerify('SM3')
      .update(Buffer.concat([sm2Za(publicKey, userId), Buffer.from(message)]))
      .verify(key, signature);
  } catch {
    return false;
  }
}

function assertPoint(publicKey: Buffer): void {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) throw new Error('sm2.public_key_format: need an uncompressed 65-byte point');
}
