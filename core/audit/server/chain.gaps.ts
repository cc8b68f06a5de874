import type { ChainReport } from '../contract/audit.schema.ts';

export type SilentGap = NonNullable<ChainReport['silentGaps']>[number];
export const DEFAULT_SILENT_GAP_DAYS = 7;
/** A report lists this many gaps at most, the oldest first. */
const MAX_LISTED_GAPS = 100;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Collects stretches longer than `days` between consecutive records, and from the last record
 * to `now`. Not a failure: a school holiday is quiet too. But someone who deletes the newest
 * records leaves a silence where the activity was, so the report shows it to whoever reads it.
 */
export function silentGapFinder(days: number) {
  const limitMs = days * DAY_MS;
  const gaps: SilentGap[] = [];
  let previous: { seq: number; at: string } | null = null;
  const consider = (toSeq: number | null, to: string) => {
    if (!previous || gaps.length >= MAX_LISTED_GAPS) return;
    const ms = Date.parse(to) - Date.parse(previous.at);
    if (ms > limitMs) gaps.push({ fromSeq: previous.seq, from: previous.at, toSeq, to, days: Math.round((ms / DAY_MS) * 10) / 10 });
  };
  return {
    visit(record: { seq: number | string; at: string }): void {
      consider(Number(record.seq), record.at);
      previous = { seq: Number(record.seq), at: record.at };
    },
    finish(now: Date): SilentGap[] {
      consider(null, now.toISOString());
      return gaps;
    },
  };
}
