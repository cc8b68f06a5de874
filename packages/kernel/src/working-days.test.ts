import { describe, expect, it } from 'vitest';
import { beijingDate, startOfBeijingDay } from './beijing-time.ts';
import { PUBLIC_HOLIDAYS } from './public-holidays.ts';
import { addWorkingDays, hasHolidayCalendar, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('isWorkingDay', () => {
  it('counts weekdays, not public holidays, and the weekend days worked in exchange', () => {
    expect(isWorkingDay('2024-09-27')).toBe(true); // Friday
    expect(isWorkingDay('2024-09-28')).toBe(false); // Saturday
    expect(isWorkingDay('2024-09-29')).toBe(true); // Sunday worked for National Day
    expect(isWorkingDay('2024-10-01')).toBe(false);
    expect(isWorkingDay('2024-10-07')).toBe(false); // Monday inside the holiday
    expect(isWorkingDay('2024-10-12')).toBe(true); // Saturday worked
    expect(isWorkingDay('2025-10-08')).toBe(false); // National Day and Mid-Autumn, eight days
  });

  it('follows the 2020 epidemic extension of the Spring Festival', () => {
    expect(isWorkingDay('2020-01-31')).toBe(false);
    expect(isWorkingDay('2020-02-01')).toBe(false); // the working Saturday was cancelled
    expect(isWorkingDay('2020-02-03')).toBe(true);
  });

  it('falls back to Monday to Friday for a year not on file', () => {
    expect(hasHolidayCalendar(2027)).toBe(false);
    expect(isWorkingDay('2027-10-01')).toBe(true); // a Friday
    expect(isWorkingDay('2027-10-02')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips National Day 2024 and counts the Sundays and Saturdays worked', () => {
    const due = addWorkingDays(new Date('2024-09-27T02:00:00Z'), 10);
    expect(beijingDate(due)).toBe('2024-10-16');
    expect(due.toISOString()).toBe('2024-10-16T15:59:59.999Z');
  });

  it('reads `from` as a Beijing day around midnight', () => {
    // 23:30 on Friday 27 September in Beijing is still that Friday; 00:30 is the Saturday.
    expect(beijingDate(addWorkingDays(new Date('2024-09-27T15:30:00Z'), 1))).toBe('2024-09-29');
    expect(beijingDate(addWorkingDays(new Date('2024-09-27T16:30:00Z'), 1))).toBe('2024-09-29');
    expect(beijingDate(addWorkingDays(new Date('2024-09-29T16:30:00Z'), 1))).toBe('2024-10-08');
  });

  it('crosses the Spring Festival and New Year', () => {
    expect(beijingDate(addWorkingDays(startOfBeijingDay('2024-02-08'), 2))).toBe('2024-02-18');
    expect(beijingDate(addWorkingDays(startOfBeijingDay('2025-12-31'), 1))).toBe('2026-01-04');
    expect(beijingDate(addWorkingDays(startOfBeijingDay('2026-02-13'), 1))).toBe('2026-02-14');
    expect(beijingDate(addWorkingDays(startOfBeijingDay('2026-02-14'), 1))).toBe('2026-02-24');
  });

  it('ends the day itself for zero and refuses a negative or fractional count', () => {
    expect(addWorkingDays(new Date('2024-09-28T04:00:00Z'), 0).toISOString()).toBe('2024-09-28T15:59:59.999Z');
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('is the inverse of addWorkingDays', () => {
    const from = new Date('2024-09-27T02:00:00Z');
    for (const n of [0, 1, 5, 10, 30]) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    expect(workingDaysBetween('2024-09-30', '2024-10-08')).toBe(1);
    expect(workingDaysBetween('2024-10-08', '2024-09-30')).toBe(-1);
  });

  it('counts a full year of the calendar', () => {
    // 2024 had 251 working days, the figure the notice's arrangement is known by.
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
  });
});

describe('the calendar data', () => {
  it('has holidays on no worked weekend day, and worked days only on weekends', () => {
    for (const { holidays, workingWeekendDays } of Object.values(PUBLIC_HOLIDAYS)) {
      for (const day of workingWeekendDays) {
        expect([0, 6], day).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        for (const h of holidays) expect(day >= h.from && day <= h.to, `${day} in ${h.name}`).toBe(false);
      }
      for (const h of holidays) expect(h.from <= h.to, h.name).toBe(true);
    }
  });
});
