import { describe, expect, it } from 'vitest';
import { deriveTaskStatus, isTargetMet, targetShare, type TargetProgress } from './task-status.ts';

const target = (
  count: number,
  value: number | null,
  bound: TargetProgress['bound'] = 'exact',
  max: number | null = null,
): TargetProgress => ({ count, max, bound, value });

describe('targets against their bounds', () => {
  it.each([
    ['"20个以上" is met at 20', target(20, 20, 'at_least'), true],
    ['"20个以上" is not met at 19', target(20, 19, 'at_least'), false],
    ['an exact 300 is met at 301', target(300, 301), true],
    ['"不超过2名" is met at 2', target(2, 2, 'at_most'), true],
    ['"不超过2名" is not met at 3', target(2, 3, 'at_most'), false],
    ['"3至5个" is met at 4', target(3, 4, 'range', 5), true],
    ['"3至5个" is not met at 6', target(3, 6, 'range', 5), false],
    ['"约60所" is met at 58', target(60, 58, 'approximate'), true],
    ['nothing reported is not met', target(10, null), false],
  ])('%s', (_name, t, met) => {
    expect(isTargetMet(t)).toBe(met);
  });

  it('gives the share reached, capped at 1', () => {
    expect(targetShare(target(1000, 250))).toBe(0.25);
    expect(targetShare(target(10, 30))).toBe(1);
    expect(targetShare(target(10, null))).toBe(0);
  });
});

describe('task status', () => {
  const base = { dueDate: null, reportCount: 0, reportedComplete: false, today: '2020-06-30' };

  it('is 未启动 with no report and no figure', () => {
    expect(deriveTaskStatus({ ...base, targets: [target(30, null)] })).toBe('not_started');
  });

  it('is 进行中 once a unit reported or a figure moved', () => {
    expect(deriveTaskStatus({ ...base, targets: [target(30, null)], reportCount: 1 })).toBe('in_progress');
    expect(deriveTaskStatus({ ...base, targets: [target(30, 5)] })).toBe('in_progress');
  });

  it('is 已完成 when every target is met, even after its due date', () => {
    expect(deriveTaskStatus({ ...base, targets: [target(30, 30), target(20, 25, 'at_least')], dueDate: '2020-03-01' })).toBe('done');
  });

  it('is 滞后 past its due date with a target unmet', () => {
    expect(deriveTaskStatus({ ...base, targets: [target(30, 30), target(20, 10)], dueDate: '2020-06-01', reportCount: 2 })).toBe('late');
  });

  it('follows the reports for a task without numeric targets', () => {
    expect(deriveTaskStatus({ ...base, targets: [], reportCount: 1 })).toBe('in_progress');
    expect(deriveTaskStatus({ ...base, targets: [], reportCount: 2, reportedComplete: true })).toBe('done');
    expect(deriveTaskStatus({ ...base, targets: [], dueDate: '2020-01-01' })).toBe('late');
  });
});
