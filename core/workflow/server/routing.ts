import type { WorkflowDefinition, WorkflowLevel } from '#kernel';

/** One org on the path from the root down to the record's org. */
export interface AncestorOrg {
  id: string;
  type: string;
  parentId: string | null;
}

/** The org each step acts at, in step order; null where the step is skipped. */
export type Route = Array<{ stepId: string; orgId: string | null }>;

const AUTHORITY_TYPE: Record<Exclude<WorkflowLevel, 'applicant_org'>, string> = {
  county: 'county_authority',
  city: 'city_authority',
  province: 'provincial_authority',
  ministry: 'ministry',
};

/**
 * Where each step of a definition acts for a record of the org at the end of `chain` (root
 * first). `applicant_org` is that org itself; an authority level is the nearest authority of
 * that type strictly above it, so a county bureau's own submission skips the county step.
 * Levels without such an authority, or listed in `skipLevels`, are skipped.
 */
export function resolveRoute(
  definition: Pick<WorkflowDefinition, 'steps' | 'skipLevels'>,
  chain: AncestorOrg[],
  extraSkips: WorkflowLevel[] = [],
): Route {
  const skipped = new Set<WorkflowLevel>([...(definition.skipLevels ?? []), ...extraSkips]);
  const subject = chain.at(-1);
  const above = chain.slice(0, -1).reverse();
  return definition.steps.map((step) => {
    if (skipped.has(step.level) || !subject) return { stepId: step.id, orgId: null };
    if (step.level === 'applicant_org') return { stepId: step.id, orgId: subject.id };
    const found = above.find((o) => o.type === AUTHORITY_TYPE[step.level as keyof typeof AUTHORITY_TYPE]);
    return { stepId: step.id, orgId: found?.id ?? null };
  });
}

/** Index in the route of the first acting step after `index` (-1 before the first); -1 when none is left. */
export function nextRouted(route: Route, index: number): number {
  for (let i = index + 1; i < route.length; i++) if (route[i].orgId !== null) return i;
  return -1;
}

/** The acting steps before `index`, nearest first. */
export function earlierRouted(route: Route, index: number): number[] {
  const out: number[] = [];
  for (let i = index - 1; i >= 0; i--) if (route[i].orgId !== null) out.push(i);
  return out;
}

/** Orders a path's orgs root first (the query returns them in any order). */
export function chainOf(path: string, orgs: AncestorOrg[]): AncestorOrg[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return path
    .split('/')
    .filter(Boolean)
    .map((id) => byId.get(id))
    .filter((o): o is AncestorOrg => !!o);
}
