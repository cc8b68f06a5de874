import { describe, expect, it } from 'vitest';
import { beijingDate, beijingWallClock, beijingYear, endOfBeijingDay, startOfBeijingDay, startOfBeijingYear } from './beijing-time.ts';

describe('Beijing time', () => {
  it('turns the date over at 16:00 UTC, Beijing midnight', () => {
    expect(beijingDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(beijingDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('turns the year over at 16:00 UTC on 31 December', () => {
    expect(beijingYear(new Date('2025-12-31T15:59:59.999Z'))).toBe(2025);
    expect(beijingYear(new Date('2025-12-31T16:00:00.000Z'))).toBe(2026);
    expect(beijingDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
  });

  it('starts a year and a day at Beijing midnight', () => {
    expect(startOfBeijingYear(2026).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfBeijingDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfBeijingDay('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(endOfBeijingDay('2024-10-08').toISOString()).toBe('2024-10-08T15:59:59.999Z');
  });

  it('round-trips a day through its start and end', () => {
    for (const day of ['2020-02-29', '2024-12-31', '2026-01-01']) {
      expect(beijingDate(startOfBeijingDay(day))).toBe(day);
      expect(beijingDate(endOfBeijingDay(day))).toBe(day);
    }
  });

  it('reads wall-clock time in the UTC fields', () => {
    expect(beijingWallClock(new Date('2026-06-01T02:30:00Z')).toISOString()).toBe('2026-06-01T10:30:00.000Z');
  });
});
