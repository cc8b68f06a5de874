/** An expert in a category's pool, with the org path of their own org. */
export interface Expert {
  userId: string;
  orgPath: string;
}
export interface Submission {
  id: string;
  orgPath: string;
}

export interface AssignmentPlan {
  assignments: Array<{ applicationId: string; userId: string }>;
  /** Applications that could not get enough experts free of conflicts. */
  shortfalls: Array<{ applicationId: string; needed: number; assigned: number }>;
}

/** An expert never reviews an application from their own org or anywhere below it. */
export const hasConflict = (expert: Expert, application: Submission): boolean => application.orgPath.startsWith(expert.orgPath);

/** A small deterministic generator (mulberry32) so a seeded draw can be repeated and audited. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws `perApplication` experts for each application at random but balanced: among the experts
 * free of conflict, those with the fewest assignments so far are taken first, ties broken by
 * the seeded draw. `existing` assignments count towards the load and are never repeated.
 */
export function assignExperts(
  applications: Submission[],
  experts: Expert[],
  perApplication: number,
  seed: number,
  existing: Array<{ applicationId: string; userId: string }> = [],
): AssignmentPlan {
  const random = seededRandom(seed);
  const load = new Map(experts.map((e) => [e.userId, 0]));
  for (const a of existing) load.set(a.userId, (load.get(a.userId) ?? 0) + 1);
  const assignments: AssignmentPlan['assignments'] = [];
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  for (const app of applications) {
    const already = new Set(existing.filter((a) => a.applicationId === app.id).map((a) => a.userId));
    const needed = perApplication - already.size;
    if (needed <= 0) continue;
    const pool = experts
      .filter((e) => !already.has(e.userId) && !hasConflict(e, app))
      .map((e) => ({ e, draw: random() }))
      .sort((x, y) => load.get(x.e.userId)! - load.get(y.e.userId)! || x.draw - y.draw);
    const chosen = pool.slice(0, needed).map((p) => p.e);
    for (const e of chosen) {
      assignments.push({ applicationId: app.id, userId: e.userId });
      load.set(e.userId, load.get(e.userId)! + 1);
    }
    if (chosen.length < needed) shortfalls.push({ applicationId: app.id, needed: perApplication, assigned: already.size + chosen.length });
  }
  return { assignments, shortfalls };
}
