import { describe, expect, it } from 'vitest';
import { matchTasks, similarity } from './plan-compare.ts';

const task = (id: string, number: number, title: string, text: string, targets: Array<[string, number, string]> = []) => ({
  id,
  number,
  title,
  text,
  targets: targets.map(([object, count, unit]) => ({ object, count, unit, bound: 'exact' })),
});

describe('year over year', () => {
  it('scores similar Chinese texts high and unrelated ones low', () => {
    expect(similarity('持续深化网络学习空间覆盖行动', '深化网络学习空间覆盖行动')).toBeGreaterThan(0.8);
    expect(similarity('持续深化网络学习空间覆盖行动', '加强网络安全防护和保障能力')).toBeLessThan(0.3);
  });

  it('pairs continuing tasks, leaves new ones alone and reports changed targets', () => {
    const previous = [
      task('p1', 8, '拓展网络学习空间应用广度与深度', '组织师生开通实名制网络学习空间，计划新增1000万个。', [
        ['网络学习空间', 10_000_000, '个'],
      ]),
      task('p2', 17, '遴选认定典型区域、标杆学校和典型课例', '遴选30个典型区域。', [['典型区域', 30, '个']]),
    ];
    const current = [
      task('c1', 5, '遴选认定典型区域和标杆学校', '遴选40个典型区域，100所标杆学校。', [
        ['典型区域', 40, '个'],
        ['标杆学校', 100, '所'],
      ]),
      task('c2', 6, '推进教育新型基础设施建设', '建设教育专网。'),
      task('c3', 7, '深化网络学习空间应用', '组织师生开通实名制网络学习空间，计划新增1500万个。', [['网络学习空间', 15_000_000, '个']]),
    ];
    const result = matchTasks(current, previous);
    expect(result.map((m) => m.previous?.id ?? null)).toEqual(['p2', null, 'p1']);
    expect(result[0].targetChanges).toEqual([
      { object: '典型区域', unit: '个', before: 30, after: 40 },
      { object: '标杆学校', unit: '所', before: null, after: 100 },
    ]);
    expect(result[2].targetChanges).toEqual([{ object: '网络学习空间', unit: '个', before: 10_000_000, after: 15_000_000 }]);
  });
});
