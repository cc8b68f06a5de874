// Beijing (Asia/Shanghai) calendar arithmetic. China has kept a fixed UTC+8 with no daylight
// saving since 1991, so a constant offset is exact and the answers do not depend on the
// server's or the browser's time zone. No imports: the console may use this file too.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant as a Date whose UTC fields read as Beijing wall-clock time (for Excel cells and arithmetic). */
export const beijingWallClock = (at: Date): Date => new Date(at.getTime() + BEIJING_OFFSET_MS);

/** `2026-11-29`: the Beijing calendar day of an instant. */
export const beijingDate = (at: Date): string => beijingWallClock(at).toISOString().slice(0, 10);

/** The Beijing calendar year of an instant. */
export const beijingYear = (at: Date): number => beijingWallClock(at).getUTCFullYear();

/** The instant 1 January of `year` begins in Beijing (16:00 UTC on 31 December before). */
export const startOfBeijingYear = (year: number): Date => new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS);

/** The instant a Beijing calendar day (`YYYY-MM-DD`) begins. */
export function startOfBeijingDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS);
}

/** The last millisecond of a Beijing calendar day (`YYYY-MM-DD`). */
export const endOfBeijingDay = (date: string): Date => new Date(startOfBeijingDay(date).getTime() + 24 * 60 * 60 * 1000 - 1);
