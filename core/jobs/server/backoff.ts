/** The first retry waits this long; each further one doubles it. */
export const RETRY_BASE_SECONDS = 30;
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * How long to wait before retrying after the `failures`-th consecutive failure:
 * 30 s, 60 s, 120 s… but never longer than the job's own period, so a retry is
 * never later than the next regular run would have been.
 */
export function retryDelaySeconds(failures: number, everySeconds: number, baseSeconds = RETRY_BASE_SECONDS): number {
  if (!Number.isInteger(failures) || failures < 1) throw new Error(`failures must be a positive integer: ${failures}`);
  // 2^40 × 30 s is far past any period; stopping there keeps the number finite.
  return Math.min(baseSeconds * 2 ** Math.min(failures - 1, 40), everySeconds);
}

/**
 * What a failure leaves behind: while attempts remain, the failure count and a back-off delay;
 * once `maxAttempts` runs have failed in a row, the count starts again and the job waits for
 * its next regular run.
 */
export function afterFailure(
  previousFailures: number,
  maxAttempts: number,
  everySeconds: number,
): { attempts: number; delaySeconds: number; isGivingUp: boolean } {
  const failures = previousFailures + 1;
  if (failures >= maxAttempts) return { attempts: 0, delaySeconds: everySeconds, isGivingUp: true };
  return { attempts: failures, delaySeconds: retryDelaySeconds(failures, everySeconds), isGivingUp: false };
}
