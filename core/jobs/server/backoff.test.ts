import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelaySeconds } from './backoff.ts';

describe('retry back-off', () => {
  it('doubles from 30 seconds with each consecutive failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, 86_400))).toEqual([30, 60, 120, 240, 480]);
  });

  it('never waits longer than the job period', () => {
    expect(retryDelaySeconds(3, 100)).toBe(100);
    expect(retryDelaySeconds(1, 10)).toBe(10);
    expect(retryDelaySeconds(500, 3600)).toBe(3600);
  });

  it('refuses a failure count below one', () => {
    expect(() => retryDelaySeconds(0, 60)).toThrow();
  });

  it('retries while attempts remain, then waits for the regular run with the count reset', () => {
    // maxAttempts 3: the first and second failures retry, the third gives up.
    expect(afterFailure(0, 3, 3600)).toEqual({ attempts: 1, delaySeconds: 30, isGivingUp: false });
    expect(afterFailure(1, 3, 3600)).toEqual({ attempts: 2, delaySeconds: 60, isGivingUp: false });
    expect(afterFailure(2, 3, 3600)).toEqual({ attempts: 0, delaySeconds: 3600, isGivingUp: true });
  });

  it('gives up at once when a job allows a single attempt', () => {
    expect(afterFailure(0, 1, 600)).toEqual({ attempts: 0, delaySeconds: 600, isGivingUp: true });
  });
});
