import { describe, expect, it } from 'vitest';
import { selectWinners, type Candidate, type SelectionInput } from './selection.ts';
import { PRESETS } from './presets.ts';

const at = (n: number) => `2020-05-${String(n).padStart(2, '0')}T00:00:00.000Z`;
const lesson = (id: string, score: number | null, values: Record<string, unknown> = {}, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  category: 'lesson',
  score,
  submittedAt: at(1),
  provinceId: 'hebei',
  values: { applicant: id, grade: '七年级', subject: '数学', edition: '人教版', node: id, ...values },
  ...extra,
});
const oneLessonRules = PRESETS.excellent_lesson.rules;
const input = (candidates: Candidate[], overrides: Partial<SelectionInput> = {}): SelectionInput => ({
  candidates,
  categories: [{ code: 'lesson', quota: 2 }],
  uniqueness: oneLessonRules.uniqueness,
  regionCaps: [],
  minScore: 60,
  ...overrides,
});
const picked = (r: ReturnType<typeof selectWinners>) => r.decisions.filter((d) => d.selected).map((d) => d.id);
const reasonOf = (r: ReturnType<typeof selectWinners>, id: string) => r.decisions.find((d) => d.id === id)?.reason;

describe('selectWinners', () => {
  const cases: Array<{ name: string; input: SelectionInput; selected: string[]; reasons?: Record<string, unknown>; unfilled?: unknown[] }> =
    [
      {
        name: 'takes the best within the quota and says the quota excluded the rest',
        input: input([lesson('a', 90), lesson('b', 80), lesson('c', 85)]),
        selected: ['a', 'c'],
        reasons: { b: { code: 'category_quota_full', category: 'lesson', quota: 2, tie: false } },
      },
      {
        name: 'breaks a tie at the boundary by earlier submission and marks the loser as tied',
        input: input([lesson('late', 80, {}, { submittedAt: at(9) }), lesson('top', 95), lesson('early', 80, {}, { submittedAt: at(2) })]),
        selected: ['top', 'early'],
        reasons: { late: { code: 'category_quota_full', category: 'lesson', quota: 2, tie: true } },
      },
      {
        name: 'keeps one lesson per grade × subject × edition × node in a province, letting the next one in',
        input: input([lesson('a', 90, { node: '一元一次方程' }), lesson('b', 88, { node: '一元一次方程' }), lesson('c', 70)]),
        selected: ['a', 'c'],
        reasons: { b: { code: 'duplicate', rule: 'one_per_node', winnerId: 'a' } },
      },
      {
        name: 'allows the same node in another province',
        input: input([lesson('a', 90, { node: '勾股定理' }), lesson('b', 88, { node: '勾股定理' }, { provinceId: 'zhejiang' })]),
        selected: ['a', 'b'],
      },
      {
        name: 'keeps one lesson per teacher across provinces',
        input: input([lesson('a', 90, { applicant: 't1' }), lesson('b', 85, { applicant: 't1' }, { provinceId: 'zhejiang' })]),
        selected: ['a'],
        reasons: { b: { code: 'duplicate', rule: 'one_per_teacher', winnerId: 'a' } },
      },
      {
        name: 'stops a province at its cap while another province still gets in',
        input: input([lesson('h1', 95), lesson('h2', 94), lesson('z1', 60, {}, { provinceId: 'zhejiang' })], {
          categories: [{ code: 'lesson', quota: 10 }],
          regionCaps: [{ level: 'province', max: 1 }],
        }),
        selected: ['h1', 'z1'],
        reasons: { h2: { code: 'region_cap_full', provinceId: 'hebei', cap: 1 } },
      },
      {
        name: 'reports a quota that cannot be filled, and why the others are out',
        input: input([lesson('a', 90), lesson('low', 59.5), lesson('none', null)], { categories: [{ code: 'lesson', quota: 3 }] }),
        selected: ['a'],
        reasons: { low: { code: 'below_min_score', minScore: 60 }, none: { code: 'not_scored' } },
        unfilled: [{ category: 'lesson', quota: 3, selected: 1 }],
      },
      {
        name: 'fills each category of 百区千校万课 against its own quota',
        input: {
          candidates: [
            {
              id: 'r1',
              category: 'region',
              score: 90,
              submittedAt: at(1),
              provinceId: 'hebei',
              values: { applicantOrg: 'o1', category: 'region' },
            },
            {
              id: 's1',
              category: 'school_basic',
              score: 70,
              submittedAt: at(1),
              provinceId: 'hebei',
              values: { applicantOrg: 'o2', category: 'school_basic' },
            },
            {
              id: 's2',
              category: 'school_basic',
              score: 75,
              submittedAt: at(1),
              provinceId: 'hebei',
              values: { applicantOrg: 'o2', category: 'school_basic' },
            },
          ],
          categories: PRESETS.benchmark.rules.categories.map((c) => ({ code: c.code, quota: c.code === 'school_basic' ? 5 : c.quota })),
          uniqueness: PRESETS.benchmark.rules.uniqueness,
          regionCaps: [],
          minScore: 60,
        },
        selected: ['r1', 's2'],
        reasons: { s1: { code: 'duplicate', rule: 'one_per_applicant', winnerId: 's2' } },
      },
    ];

  for (const c of cases) {
    it(c.name, () => {
      const result = selectWinners(c.input);
      expect(picked(result).sort()).toEqual([...c.selected].sort());
      for (const [id, reason] of Object.entries(c.reasons ?? {})) expect(reasonOf(result, id), id).toEqual(reason);
      if (c.unfilled) expect(result.unfilled).toEqual(c.unfilled);
    });
  }

  it('ranks the same whatever the input order', () => {
    const list = [lesson('a', 80, {}, { submittedAt: at(3) }), lesson('b', 80, {}, { submittedAt: at(3) }), lesson('c', 90)];
    const one = selectWinners(input(list)).decisions.map((d) => d.id);
    const other = selectWinners(input([...list].reverse())).decisions.map((d) => d.id);
    expect(one).toEqual(['c', 'a', 'b']);
    expect(other).toEqual(one);
  });

  it("the 一师一优课 preset caps a province at 800 and the 百区千校万课 preset has the seed's nine quotas", () => {
    expect(oneLessonRules.regionCaps).toEqual([{ level: 'province', max: 800 }]);
    expect(PRESETS.benchmark.rules.categories.map((c) => c.quota)).toEqual([30, 300, 50, 30, 20, 3000, 200, 800, 40]);
    expect(PRESETS.space_popularization.rules.categories.map((c) => c.quota)).toEqual([40, 200]);
  });
});

describe('selectWinners with places already taken (递补 after an upheld objection)', () => {
  // Each case leaves the upheld application out of `candidates`, as the service does.
  const kept = (...ids: string[]) => ({ alreadySelected: new Set(ids) });
  const cases: Array<{ name: string; input: SelectionInput; selected: string[]; reasons?: Record<string, unknown>; unfilled?: unknown[] }> =
    [
      {
        name: 'promotes the next in rank into the place the upheld application held',
        // Before: a and b selected, c out on the quota; a's objection upheld.
        input: input([lesson('b', 85), lesson('c', 80), lesson('d', 75)], kept('b')),
        selected: ['b', 'c'],
        reasons: { c: null, d: { code: 'category_quota_full', category: 'lesson', quota: 2, tie: false } },
      },
      {
        name: 'lifts a uniqueness conflict with the upheld application',
        // Before: a selected, b a duplicate of a (same node), c selected; a's objection upheld.
        input: input([lesson('b', 88, { node: '一元一次方程' }), lesson('c', 70)], kept('c')),
        selected: ['b', 'c'],
        reasons: { b: null },
      },
      {
        name: 'promotes nobody when nothing fits, and gives each candidate its reason against the kept list',
        input: input(
          [lesson('c', 70, { applicant: 't1' }), lesson('d', 68, { applicant: 't1' }), lesson('low', 50), lesson('none', null)],
          kept('c'),
        ),
        selected: ['c'],
        reasons: {
          d: { code: 'duplicate', rule: 'one_per_teacher', winnerId: 'c' },
          low: { code: 'below_min_score', minScore: 60 },
          none: { code: 'not_scored' },
        },
        unfilled: [{ category: 'lesson', quota: 2, selected: 1 }],
      },
      {
        name: 'keeps a displayed application that a promoted one outranks, and measures a tie against the lowest kept score',
        input: input([lesson('kept', 70), lesson('x', 95), lesson('y', 70, {}, { submittedAt: at(5) })], kept('kept')),
        selected: ['kept', 'x'],
        reasons: { y: { code: 'category_quota_full', category: 'lesson', quota: 2, tie: true } },
      },
      {
        name: 'counts the kept applications against the province cap',
        input: input([lesson('h1', 80), lesson('h2', 95), lesson('z1', 60, {}, { provinceId: 'zhejiang' })], {
          ...kept('h1'),
          categories: [{ code: 'lesson', quota: 10 }],
          regionCaps: [{ level: 'province', max: 1 }],
        }),
        selected: ['h1', 'z1'],
        reasons: { h2: { code: 'region_cap_full', provinceId: 'hebei', cap: 1 } },
      },
    ];

  for (const c of cases) {
    it(c.name, () => {
      const result = selectWinners(c.input);
      expect(picked(result).sort()).toEqual([...c.selected].sort());
      for (const [id, reason] of Object.entries(c.reasons ?? {})) expect(reasonOf(result, id), id).toEqual(reason);
      if (c.unfilled) expect(result.unfilled).toEqual(c.unfilled);
    });
  }

  it('gives every decision its rank among all candidates, kept ones included, in rank order', () => {
    const result = selectWinners(input([lesson('b', 85), lesson('c', 80), lesson('a', 99)], kept('b')));
    expect(result.decisions.map((d) => [d.id, d.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});
