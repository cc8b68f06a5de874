import type { Kysely } from 'kysely';
import type { IndicatorPort } from '#core/indicators/contract/indicator-port.ts';

let port: IndicatorPort | undefined;

/** The host hands over the indicators registry when the module's routes are registered. */
export function installIndicatorPort(p: IndicatorPort): void {
  port = p;
}

export const indicatorExists = (id: string): boolean => !!port?.has(id);

/**
 * The figure of a target bound to an indicator: the indicator over the issuer's subtree,
 * from 1 January of the plan's year (Beijing time) to now, or to the year's end if it is past.
 */
export async function boundValue(db: Kysely<any>, indicatorId: string, issuerPath: string, year: number | null, now: Date): Promise<number | null> {
  if (!port?.has(indicatorId)) return null;
  const y = year ?? new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const from = new Date(Date.UTC(y, 0, 1) - 8 * 3600_000).toISOString();
  const yearEnd = new Date(Date.UTC(y + 1, 0, 1) - 8 * 3600_000);
  const to = (now < yearEnd ? now : yearEnd).toISOString();
  if (from >= to) return 0;
  return port.valueFor(db, indicatorId, issuerPath, { from, to });
}
