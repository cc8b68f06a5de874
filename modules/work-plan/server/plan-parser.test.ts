import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { ParsedPlan } from '../contract/parsed-plan.ts';
import { parsePlan } from './plan-parser.ts';
import { renderPlan, type RenderStyle } from './plan-render.ts';
import { decodePlanFile } from './text-normalise.ts';

const UNITS = ['科技司', '基教司', '职成司', '中央电教馆', '教育管理信息中心', '地方各级教育行政部门', '省级教育行政部门'];
const OBJECTS = [
  ['个', '典型区域'],
  ['所', '标杆学校'],
  ['堂', '示范课例'],
  ['门', '精品在线开放课程'],
  ['期', '培训班'],
] as const;
const PHRASES = ['推进教育信息化工作', '完善资源公共服务体系', '加强网络安全防护', '深化应用推广', '健全工作机制'];

const paragraph = fc.record({
  phrase: fc.constantFrom(...PHRASES),
  targets: fc.array(fc.record({ count: fc.integer({ min: 1, max: 9999 }), kind: fc.constantFrom(...OBJECTS), atLeast: fc.boolean() }), {
    maxLength: 3,
  }),
  units: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }),
});

const planArb = fc
  .record({
    goals: fc.integer({ min: 1, max: 5 }),
    areas: fc.array(fc.array(fc.array(paragraph, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 12,
    }),
  })
  .map(({ goals, areas }): ParsedPlan => {
    let n = 0;
    return {
      title: '2021年某省教育信息化工作要点',
      year: 2021,
      issuer: '某省教育厅',
      approach: '坚持育人为本、融合创新。',
      goals: Array.from({ length: goals }, (_, i) => ({
        ordinal: i + 1,
        title: `目标${i + 1}全面推进`,
        text: `${'一二三四五'[i]}是目标${i + 1}全面推进。具体要求。`,
      })),
      areas: areas.map((tasks, ai) => ({
        ordinal: ai + 1,
        title: `第${ai + 1}方面重点工作`,
        tasks: tasks.map((paras) => ({
          number: ++n,
          title: `任务${n}的标题`,
          paragraphs: paras.map((p) => {
            const parts = p.targets.map((t) => `${t.count}${t.kind[0]}${t.atLeast ? '以上' : ''}${t.kind[1]}`);
            const text = parts.length ? `${p.phrase}，遴选${parts.join('、')}。` : `${p.phrase}。`;
            return {
              text,
              units: p.units,
              targets: p.targets.map((t) => ({
                count: t.count,
                unit: t.kind[0],
                object: t.kind[1],
                bound: t.atLeast ? ('at_least' as const) : ('exact' as const),
                source: '',
              })),
            };
          }),
        })),
      })),
    };
  });

const styleArb = fc.record<RenderStyle>({
  fullWidth: fc.boolean(),
  areaStyle: fc.constantFrom('paren', 'comma'),
  sectionNumbers: fc.boolean(),
  chrome: fc.boolean(),
});

const shape = (plan: ParsedPlan) => ({
  goals: plan.goals.map((g) => g.ordinal),
  areas: plan.areas.map((a) => ({
    title: a.title,
    tasks: a.tasks.map((t) => ({
      number: t.number,
      title: t.title,
      paragraphs: t.paragraphs.map((p) => ({ units: p.units, targets: p.targets.map((x) => [x.count, x.unit, x.object, x.bound]) })),
    })),
  })),
});

describe('parsing generated 工作要点 documents', () => {
  it('gives back every goal, area, task, unit and target of a rendered plan, in any layout', () => {
    fc.assert(
      fc.property(planArb, styleArb, (plan, style) => {
        const result = parsePlan(renderPlan(plan, style));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(shape(result.plan)).toEqual(shape(plan));
        expect(result.plan.year).toBe(2021);
      }),
      { numRuns: 150 },
    );
  });

  it('reads traditional characters as simplified', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    fc.assert(
      fc.property(planArb, (plan) => {
        const traditional = toTraditional(renderPlan(plan));
        expect(traditional).toContain('責任單位');
        const result = parsePlan(traditional);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(shape(result.plan)).toEqual(shape(plan));
      }),
      { numRuns: 30 },
    );
  });

  it('reports a skipped task number with its line instead of returning half a plan', () => {
    fc.assert(
      fc.property(
        planArb.filter((p) => p.areas.flatMap((a) => a.tasks).length >= 2),
        (plan) => {
          const text = renderPlan(plan).replace(/^2\.任务2的标题$/m, '5.任务2的标题');
          const result = parsePlan(text);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const line = text.split('\n').indexOf('5.任务2的标题') + 1;
          expect(result.problems).toContainEqual(expect.objectContaining({ line, code: 'work-plan.task_numbering' }));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('documents the parser refuses', () => {
  it('refuses a text with no 重点任务 and says so', () => {
    const result = parsePlan('2020年某某工作要点\n工作思路\n做好工作。');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain('work-plan.no_tasks');
  });

  it('refuses an area numbered out of order and a task without text', () => {
    const text = [
      '2020年某某工作要点',
      '重点任务',
      '(一)第一方面',
      '1.任务一',
      '做好工作。(责任单位:科技司)',
      '(三)第三方面',
      '2.任务二',
    ].join('\n');
    const result = parsePlan(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(expect.objectContaining({ line: 6, code: 'work-plan.area_numbering' }));
      expect(result.problems.map((p) => p.code)).toContain('work-plan.empty_task');
    }
  });

  it('accepts task numbers that restart in each area, as provincial plans often do', () => {
    const text = [
      '2021年某省教育工作要点',
      '重点任务',
      '一、第一方面',
      '1.甲',
      '甲的正文。(责任单位:省教育厅)',
      '二、第二方面',
      '1.乙',
      '乙的正文。(责任单位:省教育厅)',
    ].join('\n');
    const result = parsePlan(text);
    expect(result.ok && result.plan.areas.map((a) => a.tasks[0].number)).toEqual([1, 1]);
  });
});

describe('file decoding', () => {
  it('reads UTF-8 and GB18030 files alike', () => {
    const text = '2020年教育信息化和网络安全工作要点';
    expect(decodePlanFile(new TextEncoder().encode(text))).toBe(text);
    // "中文" in GB18030
    expect(decodePlanFile(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });
});
