import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { rangeToQuery } from './audit-filters.tsx';

describe('the time range sent to the server', () => {
  it('includes the whole last minute picked, as the server compares to with <', () => {
    const start = dayjs('2026-03-01T08:00:30');
    const end = dayjs('2026-03-01T09:15:45');
    const { from, to } = rangeToQuery([start, end]);
    expect(from).toBe(dayjs('2026-03-01T08:00:00').toISOString());
    expect(to).toBe(dayjs('2026-03-01T09:16:00').toISOString());
  });

  it('sends nothing once the range is cleared', () => {
    expect(rangeToQuery(null)).toEqual({ from: undefined, to: undefined });
  });
});
