import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-parser.ts';

// The plan as published, bundled with the module (a copy of shared/seed/000_b9f8c95deed65532.txt).
const SEED = new URL('../seed/2020-education-informatization-work-plan.txt', import.meta.url);

describe('the 2020 work plan (seed document)', () => {
  const result = parsePlan(readFileSync(SEED, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  const { plan } = result;
  const task = (n: number) => plan.areas.flatMap((a) => a.tasks).find((t) => t.number === n)!;
  const targets = (n: number) =>
    task(n)
      .paragraphs.flatMap((p) => p.targets)
      .map((t) => `${t.count}${t.unit}${t.object}${t.bound === 'at_least' ? '以上' : ''}`);

  it('reads the title, year and issuer, and skips the page chrome', () => {
    expect(plan.title).toBe('2020年教育信息化和网络安全工作要点');
    expect(plan.year).toBe(2020);
    expect(plan.issuer).toBe('教育部办公厅');
    expect(plan.approach).toMatch(/^以习近平新时代中国特色社会主义思想为指导/);
  });

  it('finds 3 core goals, 11 areas and 32 tasks numbered in order', () => {
    expect(plan.goals.map((g) => g.ordinal)).toEqual([1, 2, 3]);
    expect(plan.goals[1].title).toBe('深入实施教育信息化2.0行动计划');
    expect(plan.areas).toHaveLength(11);
    expect(plan.areas[5].title).toBe('扎实开展百区千校万课引领行动');
    const numbers = plan.areas.flatMap((a) => a.tasks.map((t) => t.number));
    expect(numbers).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(task(32).title).toBe('加强网络安全防护和保障能力');
  });

  it("splits each paragraph's responsible units, lead unit first", () => {
    expect(task(1).paragraphs.map((p) => p.units)).toEqual([
      ['各司局和直属单位', '各部属高校', '地方各级教育行政部门'],
      ['科技司', '相关业务司局'],
    ]);
    expect(task(7).paragraphs[0].units).toEqual(['语用司', '人教社', '语用所', '地方各级教育行政部门和语委']);
    expect(plan.areas.flatMap((a) => a.tasks).every((t) => t.paragraphs.length > 0 && t.paragraphs.every((p) => p.units.length > 0))).toBe(
      true,
    );
  });

  it("reads task 17's nine quotas", () => {
    expect(targets(17)).toEqual([
      '30个典型区域',
      '300所基础教育标杆学校',
      '50所职业教育标杆学校',
      '30所高等教育标杆学校',
      '20所继续教育标杆学校',
      '3000堂基础教育示范课例',
      '200堂职业教育示范课例',
      '800门国家精品在线开放课程',
      '40堂继续教育示范课例',
    ]);
  });

  it("reads task 8's ten million spaces, 40 regions and 200 schools, and the training figures", () => {
    expect(targets(8)).toEqual([
      '10000000个实名制网络学习空间',
      '40个网络学习空间应用优秀区域',
      '200所优秀学校',
      '2000人中小学校长',
      '4000人骨干教师',
    ]);
  });

  it('reads task 7\'s 1.75 million learners and task 3\'s "20 or more" units', () => {
    expect(targets(7)).toEqual(['1750000人注册学员数']);
    expect(targets(3)).toEqual(['20个单位的资源应用以上']);
  });

  it('finds no target in tasks that have none', () => {
    expect(targets(1)).toEqual([]);
    expect(targets(29)).toEqual([]);
  });
});
