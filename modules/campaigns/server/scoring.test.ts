import { describe, expect, it } from 'vitest';
import { aggregateScores, checkMarks, rubricProblems, weightedTotal } from './scoring.ts';
import { PRESETS } from './presets.ts';

const rubric = PRESETS.excellent_lesson.rules.rubric;

describe('scoring', () => {
  it('weights each criterion by its share of the maximum', () => {
    expect(weightedTotal(rubric, { design: 10, integration: 10, effect: 10, resources: 10 })).toBe(100);
    expect(weightedTotal(rubric, { design: 5, integration: 10, effect: 8, resources: 0 })).toBe(15 + 30 + 20);
  });

  it('drops the highest and the lowest only from five experts up', () => {
    expect(aggregateScores([])).toBeNull();
    expect(aggregateScores([90, 60])).toBe(75);
    expect(aggregateScores([100, 80, 80, 80])).toBe(85);
    expect(aggregateScores([100, 80, 80, 80, 20])).toBe(80);
    expect(aggregateScores([70, 71, 72, 73, 74, 99])).toBe(72.5);
  });

  it('names marks that are missing, out of range or unknown', () => {
    expect(checkMarks(rubric, { design: 10, integration: 11, effect: -1, extra: 3 })).toEqual([
      'integration',
      'effect',
      'resources',
      'extra',
    ]);
    expect(checkMarks(rubric, { design: 1, integration: 2, effect: 3, resources: 4 })).toEqual([]);
  });

  it('accepts every preset rubric and refuses weights that do not add up to 100', () => {
    for (const p of Object.values(PRESETS)) expect(rubricProblems(p.rules.rubric)).toEqual([]);
    expect(
      rubricProblems([
        { id: 'a', name: 'A', weight: 60, max: 10 },
        { id: 'a', name: 'B', weight: 30, max: 0 },
      ]),
    ).toEqual(['duplicate_id', 'non_positive', 'weights_not_100']);
  });
});
