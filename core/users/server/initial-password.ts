import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: initial passwords are read aloud and typed by hand.
const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];

/** A 14-character one-time password with every character class, from a CSPRNG. */
export function generateInitialPassword(length = 14): string {
  const chars = SETS.map((s) => s[randomInt(s.length)]);
  const all = SETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
