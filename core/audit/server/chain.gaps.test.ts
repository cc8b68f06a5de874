import { describe, expect, it } from 'vitest';
import { silentGapFinder } from './chain.gaps.ts';

const day = (n: number, hours = 0) => new Date(Date.UTC(2026, 0, 1 + n, hours)).toISOString();

describe('silent gaps in the audit chain', () => {
  it('lists a stretch between records longer than the threshold, with its length in days', () => {
    const finder = silentGapFinder(7);
    finder.visit({ seq: 1, at: day(0) });
    finder.visit({ seq: 2, at: day(1) });
    finder.visit({ seq: 3, at: day(11, 12) });
    finder.visit({ seq: 4, at: day(12) });
    expect(finder.finish(new Date(day(13)))).toEqual([{ fromSeq: 2, from: day(1), toSeq: 3, to: day(11, 12), days: 10.5 }]);
  });

  it('does not list a stretch of exactly the threshold', () => {
    const finder = silentGapFinder(7);
    finder.visit({ seq: 1, at: day(0) });
    finder.visit({ seq: 2, at: day(7) });
    expect(finder.finish(new Date(day(8)))).toEqual([]);
  });

  it('lists the silence from the last record up to now with no closing seq', () => {
    const finder = silentGapFinder(3);
    finder.visit({ seq: 7, at: day(0) });
    expect(finder.finish(new Date(day(5)))).toEqual([{ fromSeq: 7, from: day(0), toSeq: null, to: day(5), days: 5 }]);
  });

  it('lists nothing for an empty chain', () => {
    expect(silentGapFinder(1).finish(new Date(day(100)))).toEqual([]);
  });
});
