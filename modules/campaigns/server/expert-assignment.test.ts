import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignExperts, hasConflict, type Expert, type Submission } from './expert-assignment.ts';

const hebeiCounty = '/moe/hebei/shijiazhuang/changan/';
const experts: Expert[] = [
  { userId: 'e-changan', orgPath: hebeiCounty },
  { userId: 'e-hebei', orgPath: '/moe/hebei/' },
  { userId: 'e-zj1', orgPath: '/moe/zhejiang/' },
  { userId: 'e-zj2', orgPath: '/moe/zhejiang/hangzhou/' },
  { userId: 'e-bnu', orgPath: '/moe/bnu/' },
];

describe('expert assignment', () => {
  it("treats an application from the expert's own org or below as a conflict", () => {
    expect(hasConflict(experts[0], { id: 'a', orgPath: `${hebeiCounty}school1/` })).toBe(true);
    expect(hasConflict(experts[1], { id: 'a', orgPath: `${hebeiCounty}school1/` })).toBe(true);
    expect(hasConflict(experts[2], { id: 'a', orgPath: `${hebeiCounty}school1/` })).toBe(false);
    // A sibling whose path merely starts with the same letters is not below it.
    expect(hasConflict({ userId: 'x', orgPath: '/moe/he/' }, { id: 'a', orgPath: '/moe/hebei/' })).toBe(false);
  });

  it('never assigns a conflicted expert, and reports an application that cannot get enough', () => {
    const apps: Submission[] = [
      { id: 'hebei-lesson', orgPath: `${hebeiCounty}school1/` },
      { id: 'zj-lesson', orgPath: '/moe/zhejiang/hangzhou/school9/' },
    ];
    const plan = assignExperts(apps, experts, 3, 42);
    expect(
      plan.assignments
        .filter((a) => a.applicationId === 'hebei-lesson')
        .map((a) => a.userId)
        .sort(),
    ).toEqual(['e-bnu', 'e-zj1', 'e-zj2']);
    const zj = plan.assignments.filter((a) => a.applicationId === 'zj-lesson').map((a) => a.userId);
    expect(zj).not.toContain('e-zj1');
    expect(zj).not.toContain('e-zj2');
    expect(zj.sort()).toEqual(['e-bnu', 'e-changan', 'e-hebei']);
    expect(assignExperts(apps, experts, 4, 42).shortfalls).toEqual([
      { applicationId: 'hebei-lesson', needed: 4, assigned: 3 },
      { applicationId: 'zj-lesson', needed: 4, assigned: 3 },
    ]);
  });

  it('is repeatable for a seed and keeps loads within one of each other when nobody conflicts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer(), (count, per, seed) => {
        const apps = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, orgPath: `/moe/x/s${i}/` }));
        const pool = experts.filter((e) => !e.orgPath.startsWith('/moe/x/'));
        const one = assignExperts(apps, pool, per, seed);
        expect(assignExperts(apps, pool, per, seed)).toEqual(one);
        const loads = pool.map((e) => one.assignments.filter((a) => a.userId === e.userId).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        for (const app of apps)
          expect(new Set(one.assignments.filter((a) => a.applicationId === app.id).map((a) => a.userId)).size).toBe(per);
      }),
    );
  });

  it('tops up an application that already has experts without repeating them', () => {
    const plan = assignExperts([{ id: 'a', orgPath: '/moe/x/s/' }], experts, 2, 7, [{ applicationId: 'a', userId: 'e-bnu' }]);
    expect(plan.assignments).toHaveLength(1);
    expect(plan.assignments[0].userId).not.toBe('e-bnu');
  });
});
