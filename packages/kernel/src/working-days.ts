import { beijingDate, endOfBeijingDay } from './beijing-time.ts';
import { PUBLIC_HOLIDAYS } from './public-holidays.ts';

// Working days as mainland offices count them: Monday to Friday, less the public holidays, plus
// the weekend days worked in exchange (调休). The calendar is data (public-holidays.ts) because
// the State Council sets it each year by notice; no rule predicts it. A year without a notice on
// file falls back to plain Monday to Friday.

const DAY_MS = 24 * 60 * 60 * 1000;

const holidayDates = new Set<string>();
const workingWeekendDates = new Set<string>();
for (const arrangement of Object.values(PUBLIC_HOLIDAYS)) {
  for (const holiday of arrangement.holidays) {
    for (let day = holiday.from; day <= holiday.to; day = nextDate(day)) holidayDates.add(day);
  }
  for (const day of arrangement.workingWeekendDays) workingWeekendDates.add(day);
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Whether the State Council's calendar is on file for the year, so holidays are counted. */
export const hasHolidayCalendar = (year: number): boolean => year in PUBLIC_HOLIDAYS;

/** True for a working day (`YYYY-MM-DD`, a Beijing calendar day); Monday to Friday for a year not on file. */
export function isWorkingDay(date: string): boolean {
  if (workingWeekendDates.has(date)) return true;
  if (holidayDates.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `n` working days after `from`: the end (Beijing time) of the n-th working day
 * after the Beijing day `from` falls on, that day itself not counted. `n = 0` ends `from`'s day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = beijingDate(from);
  for (let counted = 0; counted < n; ) {
    day = nextDate(day);
    if (isWorkingDay(day)) counted += 1;
  }
  return endOfBeijingDay(day);
}

/**
 * Working days after `from` up to and including `to` (instants are read as Beijing days), so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` comes first.
 */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  const start = typeof from === 'string' ? from : beijingDate(from);
  const end = typeof to === 'string' ? to : beijingDate(to);
  if (end < start) return -workingDaysBetween(end, start);
  let count = 0;
  for (let day = nextDate(start); day <= end; day = nextDate(day)) if (isWorkingDay(day)) count += 1;
  return count;
}
