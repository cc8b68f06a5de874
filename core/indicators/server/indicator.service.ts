import { beijingYear, startOfBeijingYear, type Ctx, type IndicatorDefinition, type ModuleDefinition } from '#kernel';
import type { IndicatorInfo, IndicatorValue, IndicatorValueQuery } from '../contract/indicator.schema.ts';
import { IndicatorPermissions } from '../contract/permissions.ts';
import type { IndicatorPort } from '../contract/indicator-port.ts';
import * as repo from './indicator.repo.ts';
import { findOrgPath } from '#core/access/server/access.repo.ts';
import { IndicatorErrors } from '../contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';

/** Figures younger than this are served from the cache. */
const CACHE_MS = 5 * 60_000;

const registry = new Map<string, IndicatorDefinition & { module: string }>();

/** Collects the indicators the enabled modules declare; ids must be unique. */
export function installIndicators(modules: ModuleDefinition[]): void {
  registry.clear();
  for (const m of modules) {
    for (const d of m.indicators ?? []) {
      if (registry.has(d.id)) throw new Error(`indicator "${d.id}" is declared twice`);
      registry.set(d.id, { ...d, module: m.id });
    }
  }
}

export function listIndicators(): IndicatorInfo[] {
  return [...registry.values()].map((d) => ({
    id: d.id,
    module: d.module,
    name: d.name,
    unit: d.unit,
    isFlow: d.isFlow,
    ...(d.description ? { description: d.description } : {}),
  }));
}

export const hasIndicator = (id: string): boolean => registry.has(id);

/** The registry as other modules see it (see contract/indicator-port.ts). */
export const indicatorPort: IndicatorPort = {
  has: hasIndicator,
  unitOf: (id) => registry.get(id)?.unit ?? null,
  valueFor: async (db, id, orgPath, period) => {
    const def = registry.get(id);
    if (!def) throw IndicatorErrors.unknownIndicator({ id });
    return def.compute(db, orgPath, period);
  },
};

/** The default period: from 1 January of this year (Beijing time) to now. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  return { from: startOfBeijingYear(beijingYear(now)).toISOString(), to: now.toISOString() };
}

/**
 * An indicator's figure for an org's subtree and a period, if the caller may read that org.
 * Cached for a few minutes; `fresh` recounts.
 */
export async function computeIndicator(ctx: Ctx, id: string, query: IndicatorValueQuery): Promise<IndicatorValue> {
  const def = registry.get(id);
  if (!def) throw IndicatorErrors.unknownIndicator({ id });
  // The org's path is asked of core/access' org look-up, not read from core_orgs here.
  const org = await findOrgPath(ctx.db, query.orgId);
  if (!org || !ctx.access.can(IndicatorPermissions.read, org.path)) throw OrgErrors.orgNotFound({ id: query.orgId });
  const now = ctx.now();
  const fallback = defaultPeriod(now);
  const from = query.from ? new Date(query.from).toISOString() : fallback.from;
  const to = query.to ? new Date(query.to).toISOString() : fallback.to;
  if (from >= to) throw IndicatorErrors.badPeriod({ from, to });
  // An open period ending "now" would never hit the cache: end it at the next whole minute.
  const periodTo = query.to ? to : new Date((Math.floor(now.getTime() / 60_000) + 1) * 60_000).toISOString();
  if (!query.fresh) {
    const cached = await repo.findCached(ctx.db, id, org.id, from, periodTo);
    if (cached && now.getTime() - new Date(cached.computedAt).getTime() < CACHE_MS) {
      return {
        indicatorId: id,
        orgId: org.id,
        from,
        to: periodTo,
        value: Number(cached.value),
        unit: def.unit,
        computedAt: cached.computedAt,
      };
    }
  }
  const value = await def.compute(ctx.db, org.path, { from, to: periodTo });
  const computedAt = now.toISOString();
  await repo.saveCached(ctx.db, { indicatorId: id, orgId: org.id, periodFrom: from, periodTo, value, computedAt });
  return { indicatorId: id, orgId: org.id, from, to: periodTo, value, unit: def.unit, computedAt };
}
