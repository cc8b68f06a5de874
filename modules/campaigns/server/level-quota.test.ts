import { describe, expect, it } from 'vitest';
import { allowedRecommendations } from './level-quota.ts';

describe('allowedRecommendations', () => {
  it.each([
    ['no quota: everything', undefined, 7, 7],
    ['20% of 50 晒课', { level: 'county' as const, share: 0.2 }, 50, 10],
    ['20% of 12 rounds down', { level: 'county' as const, share: 0.2 }, 12, 2],
    ['20% of 3 with a minimum of one', { level: 'county' as const, share: 0.2, minimum: 1 }, 3, 1],
    ['a minimum never exceeds what was received', { level: 'county' as const, share: 0.2, minimum: 1 }, 0, 0],
    ['a fixed number', { level: 'city' as const, max: 5 }, 40, 5],
    ['share and max: the smaller', { level: 'city' as const, share: 0.5, max: 5 }, 40, 5],
    ['30% of 10 is exactly 3 despite floating point', { level: 'province' as const, share: 0.3 }, 10, 3],
  ])('%s', (_, quota, received, expected) => {
    expect(allowedRecommendations(quota, received)).toBe(expected);
  });
});
