import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// GM/T (Chinese national) primitives. Sensitive personal fields must be protected
// with SM-series algorithms, so this module is the one place that wraps them.

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

// One configured master key, several independent purposes: a key used for one
// job must never double as another (encryption vs MAC vs blind index).
export function deriveKey(masterKey: Buffer, label: string): Buffer {
  return hmacSm3(masterKey, label);
}

const VERSION_PREFIX = 'v1.';
// Bound into the MAC so a future v2 token can never be replayed as v1.
const VERSION_BYTE = Buffer.from([0x01]);
const IV_LENGTH = 16;
const TAG_LENGTH = 32;
const SM4_KEY_LENGTH = 16;
const MIN_MASTER_KEY_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Encrypts individual database fields (ID numbers, phones, ...) with SM4-CTR
 * plus HMAC-SM3 (encrypt-then-MAC), and computes a keyed blind index so that
 * equality look-ups work without decrypting every row.
 */
export class FieldCipher {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;
  readonly #indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (!Buffer.isBuffer(masterKey) || masterKey.length < MIN_MASTER_KEY_LENGTH) {
      throw new Error(`field_cipher.master_key_too_short: need at least ${MIN_MASTER_KEY_LENGTH} bytes`);
    }
    this.#encKey = deriveKey(masterKey, 'educloud/field-cipher/v1/enc').subarray(0, SM4_KEY_LENGTH);
    this.#macKey = deriveKey(masterKey, 'educloud/field-cipher/v1/mac');
    this.#indexKey = deriveKey(masterKey, 'educloud/field-cipher/v1/blind-index');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('sm4-ctr', this.#encKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = this.#tag(iv, ciphertext);
    return VERSION_PREFIX + Buffer.concat([iv, ciphertext, tag]).toString('base64url');
  }

  decrypt(token: string): string {
    if (typeof token !== 'string' || !token.startsWith(VERSION_PREFIX)) throw tampered();
    const body = token.slice(VERSION_PREFIX.length);
    if (!BASE64URL.test(body)) throw tampered();
    const raw = Buffer.from(body, 'base64url');
    // Node's base64 decoder ignores stray trailing bits; insisting on the
    // canonical form keeps exactly one valid spelling per token.
    if (raw.length < IV_LENGTH + TAG_LENGTH || raw.toString('base64url') !== body) throw tampered();

    const iv = raw.subarray(0, IV_LENGTH);
    const ciphertext = raw.subarray(IV_LENGTH, raw.length - TAG_LENGTH);
    const tag = raw.subarray(raw.length - TAG_LENGTH);
    // Verify before decrypting: CTR is malleable, so unauthenticated plaintext
    // must never be produced.
    if (!timingSafeEqual(tag, this.#tag(iv, ciphertext))) throw tampered();

    const decipher = createDecipheriv('sm4-ctr', this.#encKey, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** Deterministic by design: equal inputs give equal indexes, which is what makes look-ups possible. */
  blindIndex(value: string): string {
    return hmacSm3(this.#indexKey, value.trim().toUpperCase()).toString('hex');
  }

  #tag(iv: Buffer, ciphertext: Buffer): Buffer {
    return createHmac('sm3', this.#macKey).update(VERSION_BYTE).update(iv).update(ciphertext).digest();
  }
}

function tampered(): Error {
  return new Error('field_cipher.tampered');
}
