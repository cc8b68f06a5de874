import { describe, expect, it } from 'vitest';
import { beijingMinute, isOverdue, stepDeadlines } from './deadlines.ts';

const entered = new Date('2026-12-01T00:00:00.000Z');

describe('stepDeadlines', () => {
  it('falls due deadlineHours after entry and reminds reminderHoursBefore that', () => {
    expect(stepDeadlines({ deadlineHours: 72, reminderHoursBefore: 24 }, entered)).toEqual({
      dueAt: '2026-12-04T00:00:00.000Z',
      remindAt: '2026-12-03T00:00:00.000Z',
    });
  });

  it('has no deadline and no reminder without deadlineHours', () => {
    expect(stepDeadlines({ reminderHoursBefore: 24 }, entered)).toEqual({ dueAt: null, remindAt: null });
  });

  it('sends no reminder that would come at or before entry', () => {
    expect(stepDeadlines({ deadlineHours: 12, reminderHoursBefore: 12 }, entered)).toEqual({
      dueAt: '2026-12-01T12:00:00.000Z',
      remindAt: null,
    });
    expect(stepDeadlines({ deadlineHours: 12 }, entered).remindAt).toBeNull();
  });

  it('falls due at the end of the n-th working day when declared in working days, holidays skipped', () => {
    // Entered on 30 September 2026; National Day runs 1–7 October and Saturday 10 October is worked.
    const atNationalDay = new Date('2026-09-30T02:00:00.000Z');
    expect(stepDeadlines({ dueWorkingDays: 10, reminderHoursBefore: 24 }, atNationalDay)).toEqual({
      dueAt: '2026-10-20T15:59:59.999Z',
      remindAt: '2026-10-19T15:59:59.999Z',
    });
    expect(stepDeadlines({ dueWorkingDays: 10, deadlineHours: 72 }, atNationalDay).dueAt).toBe('2026-10-20T15:59:59.999Z');
  });

  it('is overdue from the due instant on', () => {
    expect(isOverdue('2026-12-04T00:00:00.000Z', new Date('2026-12-03T23:59:59.999Z'))).toBe(false);
    expect(isOverdue('2026-12-04T00:00:00.000Z', new Date('2026-12-04T00:00:00.000Z'))).toBe(true);
    expect(isOverdue(null, entered)).toBe(false);
  });

  it('shows due times in Beijing time', () => {
    expect(beijingMinute('2026-12-04T09:30:00.000Z')).toBe('2026-12-04 17:30');
  });
});
