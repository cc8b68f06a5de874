const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "十一" → 11, "二十三" → 23, "一百零五" → 105, "3" → 3; null when it is not a number. */
export function parseChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || ![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else {
      total += (digit === 0 && c === '十' ? 1 : digit) * UNITS[c];
      digit = 0;
    }
  }
  return total + digit;
}

export function toChineseNumeral(n: number): string {
  const names = '零一二三四五六七八九';
  if (n < 10) return names[n];
  if (n < 20) return `十${n % 10 ? names[n % 10] : ''}`;
  if (n < 100) return `${names[Math.floor(n / 10)]}十${n % 10 ? names[n % 10] : ''}`;
  throw new RangeError(`no numeral for ${n}`);
}
