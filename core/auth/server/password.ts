import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

// promisify() types only scrypt's options-less overload, so restate the one we call.
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>;

const PREFIX = 'scrypt';
const COST = { N: 16384, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Stored strings come from our own database, but bounding the parameters means a
// corrupted or planted row cannot make a login burn unbounded CPU or memory.
const LIMITS = { maxN: 1 << 20, maxR: 32, maxP: 16, minKey: 16, maxKey: 128 };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Passwords typed with a Chinese IME in full-width mode ("Ｐａｓｓ１２３") must
// match the same password typed in half-width mode, so both sides use NFKC.
export const normalisePassword = (password: string) => password.normalize('NFKC');
const normalise = normalisePassword;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(normalise(password), salt, KEY_BYTES, COST.N, COST.r, COST.p);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Reads the cost parameters from the stored string, so they can be raised for new hashes without breaking old ones. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const { N, r, p, salt, hash } = parsed;
  const candidate = await derive(normalise(password), salt, hash.length, N, r, p);
  return timingSafeEqual(candidate, hash);
}

function derive(password: string, salt: Buffer, keylen: number, N: number, r: number, p: number): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is just 2x what N=16384,r=8 needs; raising N must not start failing.
  return scryptAsync(password, salt, keylen, { N, r, p, maxmem: 256 * N * r });
}

function parseStored(stored: string) {
  if (typeof stored !== 'string') return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,7}$/.test(part) ? Number(part) : NaN));
  const isPowerOfTwo = (n: number) => n > 1 && (n & (n - 1)) === 0;
  if (!isPowerOfTwo(N) || N > LIMITS.maxN) return null;
  if (!(r >= 1 && r <= LIMITS.maxR && p >= 1 && p <= LIMITS.maxP)) return null;
  if (!BASE64.test(parts[4]) || !BASE64.test(parts[5])) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || hash.length < LIMITS.minKey || hash.length > LIMITS.maxKey) return null;
  return { N, r, p, salt, hash };
}

export type PasswordRule = 'too_short' | 'too_long' | 'too_few_classes' | 'contains_account' | 'common';

const MIN_LENGTH = 10;
const MAX_LENGTH = 128;
const MIN_CLASSES = 3;

// Passwords that satisfy the length and class rules yet top leaked-password and
// default-credential lists in China; the other rules already catch weaker ones.
const COMMON_PASSWORDS = new Set(
  [
    'Password123!',
    'Password@123',
    'Password1234',
    'P@ssw0rd1234',
    'P@ssw0rd123!',
    'Passw0rd!234',
    'Admin@123456',
    'Admin@1234567',
    'Admin123456!',
    'Root@1234567',
    'Qwer1234!@#$',
    'Qwer@1234567',
    'Qwerty@12345',
    'Qwerty123456!',
    '1qaz@WSX3edc',
    '1qaz!QAZ2wsx',
    '1qaz2wsx#EDC',
    'Abc@12345678',
    'Abcd@1234567',
    'Aa123456789!',
    'Aa@123456789',
    'Welcome@123456',
    'Huawei@12345',
    'Changeme@123',
  ].map((p) => p.toLowerCase()),
);

/** Returns the codes of the rules the password breaks; an empty list means it is acceptable. */
export function checkPasswordPolicy(typed: string, context: { account: string; realName?: string }): PasswordRule[] {
  // Judge the text that is hashed: otherwise a full-width "Ｐａｓｓｗｏｒｄ１２３！" passes as
  // uncommon here and is then stored as the listed "Password123!".
  const password = normalisePassword(typed);
  const violations: PasswordRule[] = [];
  // Count code points, so a Chinese character or emoji counts as one character.
  const length = [...password].length;
  if (length < MIN_LENGTH) violations.push('too_short');
  if (length > MAX_LENGTH) violations.push('too_long');

  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < MIN_CLASSES) violations.push('too_few_classes');

  if (containsPersonalInfo(password, context)) violations.push('contains_account');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) violations.push('common');
  return violations;
}

function containsPersonalInfo(password: string, { account, realName }: { account: string; realName?: string }): boolean {
  const lower = password.toLowerCase();
  const accountNeedle = account.trim().toLowerCase();
  // Shorter accounts would match by accident ("li" in "reliable").
  if ([...accountNeedle].length >= 3 && lower.includes(accountNeedle)) return true;

  if (realName) {
    const nameNeedle = realName.replace(/\s+/g, '').toLowerCase();
    // Chinese names are mostly two characters and still distinctive; Latin names need three.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, to tell a Chinese name from a Latin one
    const minLength = /[^\u0000-\u007f]/.test(nameNeedle) ? 2 : 3;
    if ([...nameNeedle].length >= minLength && lower.includes(nameNeedle)) return true;
  }
  return false;
}
