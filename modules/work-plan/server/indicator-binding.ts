import { beijingYear, startOfBeijingYear, type Ctx } from '#kernel';
import { IndicatorService } from '#core/indicators/contract/indicator-port.ts';

export const indicatorExists = (ctx: Ctx, id: string): boolean => ctx.service(IndicatorService).has(id);

/**
 * The figure of a target bound to an indicator: the indicator over the issuer's subtree,
 * from 1 January of the plan's year (Beijing time) to now, or to the year's end if it is past.
 */
export async function boundValue(ctx: Ctx, indicatorId: string, issuerPath: string, year: number | null): Promise<number | null> {
  const port = ctx.service(IndicatorService);
  if (!port.has(indicatorId)) return null;
  const now = ctx.now();
  const y = year ?? beijingYear(now);
  const from = startOfBeijingYear(y).toISOString();
  const yearEnd = startOfBeijingYear(y + 1);
  const to = new Date(Math.min(now.getTime(), yearEnd.getTime())).toISOString();
  if (from >= to) return 0;
  return port.valueFor(ctx.db, indicatorId, issuerPath, { from, to });
}
