// Mainland resident identity number (GB 11643-1999) and mainland mobile numbers.

import { beijingDate } from '#kernel/beijing-time.ts';

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; reason: 'format' | 'check_digit' | 'birth_date' };

const ID_FORMAT = /^[1-8]\d{16}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function checkIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const value = input.trim().toUpperCase();
  if (!ID_FORMAT.test(value)) return { ok: false, reason: 'format' };

  // The date is checked before the check digit: a mistyped date usually breaks
  // both, and "birth date" is the more useful thing to tell the person typing.
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > beijingDate(today)) {
    return { ok: false, reason: 'birth_date' };
  }

  if (idCheckDigit(value) !== value[17]) return { ok: false, reason: 'check_digit' };

  // The sequence code's last digit (17th character) is odd for men, even for women.
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, gender, regionCode: value.slice(0, 6) };
}

export function maskIdNumber(value: string): string {
  return maskMiddle(value, 3, 4);
}

const PHONE_FORMAT = /^1[3-9]\d{9}$/;

export function checkPhone(input: string): { ok: true; value: string } | { ok: false } {
  const compact = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return PHONE_FORMAT.test(compact) ? { ok: true, value: compact } : { ok: false };
}

export function maskPhone(value: string): string {
  return maskMiddle(value, 3, 4);
}

// A run of 11 or more digits, single spaces, dashes, dots or pluses (a URL's space) allowed between
// them, with an optional check character: every phone (11 digits, or 13 with 86) and ID number
// (15 or 18) however it was typed or encoded. Shorter runs (dates, page sizes, org codes) stay.
const PERSONAL_NUMBER_RUN = /\d(?:(?:[\s+.-]|%20|%2[Dd])?\d){10,}(?:[Xx](?![0-9A-Za-z]))?/g;

/**
 * Text safe to log or audit: every ID-number-like or phone-like run of digits in it masked the
 * way stored values are (first 3 and last 4 kept), whether or not it is a valid number.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER_RUN, (run) => maskMiddle(run.replace(/%20|%2[Dd]|[\s+.-]/g, '').toUpperCase(), 3, 4));
}

function maskMiddle(value: string, head: number, tail: number): string {
  // Too short to leave anything visible without revealing most of it.
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}

function isRealDate(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
