/**
 * Year over year: which tasks of this year's plan continue last year's, matched by their text
 * (character bigrams of title and body, Dice coefficient), and how their targets changed.
 * Pure: the service hands it both plans.
 */
export interface ComparableTask {
  id: string;
  number: number;
  title: string;
  text: string;
  targets: Array<{ object: string; count: number; unit: string; bound: string }>;
}

export interface TaskMatch {
  current: { id: string; number: number; title: string };
  previous: { id: string; number: number; title: string } | null;
  similarity: number;
  targetChanges: Array<{ object: string; unit: string; before: number | null; after: number | null }>;
}

const bigrams = (text: string): Map<string, number> => {
  const clean = text.replace(/[\s\p{P}\d]/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const g = clean.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
};

/** Dice coefficient of two texts' character bigrams, 0–1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Each current task with its best match among last year's (one previous task at most once). */
export function matchTasks(current: ComparableTask[], previous: ComparableTask[], threshold = 0.35): TaskMatch[] {
  const pairs: Array<{ c: number; p: number; s: number }> = [];
  for (const [ci, c] of current.entries()) {
    for (const [pi, p] of previous.entries()) {
      const s = similarity(`${c.title}${c.text}`, `${p.title}${p.text}`) * 0.5 + similarity(c.title, p.title) * 0.5;
      if (s >= threshold) pairs.push({ c: ci, p: pi, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const taken = new Set<number>();
  const matched = new Map<number, { p: number; s: number }>();
  for (const pair of pairs) {
    if (matched.has(pair.c) || taken.has(pair.p)) continue;
    matched.set(pair.c, pair);
    taken.add(pair.p);
  }
  return current.map((c, ci) => {
    const m = matched.get(ci);
    const p = m ? previous[m.p] : null;
    return {
      current: { id: c.id, number: c.number, title: c.title },
      previous: p ? { id: p.id, number: p.number, title: p.title } : null,
      similarity: m ? Math.round(m.s * 100) / 100 : 0,
      targetChanges: p ? targetChanges(c.targets, p.targets) : [],
    };
  });
}

function targetChanges(now: ComparableTask['targets'], before: ComparableTask['targets']) {
  const key = (t: { object: string; unit: string }) => `${t.object}|${t.unit}`;
  const old = new Map(before.map((t) => [key(t), t]));
  const out: TaskMatch['targetChanges'] = [];
  for (const t of now) {
    const o = old.get(key(t));
    old.delete(key(t));
    if (!o || o.count !== t.count) out.push({ object: t.object, unit: t.unit, before: o?.count ?? null, after: t.count });
  }
  for (const o of old.values()) out.push({ object: o.object, unit: o.unit, before: o.count, after: null });
  return out;
}
