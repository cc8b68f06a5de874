import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Time-based one-time passwords (RFC 6238) on top of HOTP (RFC 4226), compatible
// with common authenticator apps (SHA-1, 6 digits, 30-second step).

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DEFAULT_DIGITS = 6;
// 160 bits: the HMAC-SHA1 output size, as RFC 4226 recommends.
const SECRET_BYTES = 20;

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** RFC 4648 base32 without padding, the form authenticator apps expect. */
export function base32Encode(data: Buffer): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Case-insensitive; spaces (as people copy them from apps) and trailing padding are ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  // Lengths 1, 3 and 6 (mod 8) cannot come from any byte string.
  if ([1, 3, 6].includes(clean.length % 8)) throw new Error('base32.invalid_length');
  const out: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value === -1) throw new Error(`base32.invalid_character: ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** HOTP value for one counter (RFC 4226 dynamic truncation), zero-padded to `digits`. */
export function totpCode(secretBytes: Buffer, counter: number, digits: number = DEFAULT_DIGITS, algorithm: TotpAlgorithm = 'sha1'): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new Error('totp.invalid_counter');
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new Error('totp.invalid_digits');
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secretBytes).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

export interface VerifyTotpOptions {
  /** Steps accepted on each side of the current one, for clock drift. Default 1. */
  window?: number;
  /** Counter of the last code accepted for this user; it and anything older are refused. */
  lastUsedCounter?: number | null;
}

/**
 * Returns the time counter the code matched (store it as the new lastUsedCounter),
 * or null. Throws only if the stored secret itself is not valid base32.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number, opts: VerifyTotpOptions = {}): number | null {
  const window = opts.window ?? 1;
  const lastUsed = opts.lastUsedCounter ?? null;
  const candidate = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(candidate)) return null;

  const secret = base32Decode(secretBase32);
  const current = Math.floor(nowMs / 1000 / STEP_SECONDS);
  let matched: number | null = null;
  // Every counter in the window is compared, so timing does not reveal which one matched.
  for (let counter = current - window; counter <= current + window; counter++) {
    if (counter < 0) continue;
    if (lastUsed !== null && counter <= lastUsed) continue;
    if (constantTimeEqual(totpCode(secret, counter), candidate)) matched = counter;
  }
  return matched;
}

export function totpUri({ secret, account, issuer = 'EduCloud 教育云' }: { secret: string; account: string; issuer?: string }): string {
  // The label is "issuer:account"; a colon inside either part would make it ambiguous.
  if (issuer.includes(':') || account.includes(':')) throw new Error('totp.colon_in_label');
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DEFAULT_DIGITS}`,
    `period=${STEP_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${params}`;
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
