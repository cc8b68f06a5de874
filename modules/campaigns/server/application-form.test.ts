import { describe, expect, it } from 'vitest';
import { validateForm } from './application-form.ts';
import { PRESETS } from './presets.ts';

const form = PRESETS.excellent_lesson.rules.form;
const good = {
  stage: '初中',
  grade: '七年级',
  subject: '数学',
  edition: '人教版',
  node: '  一元一次方程 ',
  lessonUrl: 'https://example.edu.cn/lesson/1',
  summary: '以问题驱动的探究课。',
};

describe('validateForm', () => {
  it('accepts a complete 晒课 form and trims its text', () => {
    const r = validateForm(form, good);
    expect(r.problems).toEqual([]);
    expect(r.values.node).toBe('一元一次方程');
  });

  it('names each field that is missing, of the wrong kind, not an option, too long or unknown', () => {
    const r = validateForm(form, {
      ...good,
      grade: '十三年级',
      subject: undefined,
      lessonUrl: 'javascript:alert(1)',
      node: '节'.repeat(101),
      hack: 1,
    });
    expect(r.problems).toEqual([
      { field: 'grade', problem: 'not_an_option' },
      { field: 'subject', problem: 'required' },
      { field: 'node', problem: 'too_long' },
      { field: 'lessonUrl', problem: 'type' },
      { field: 'hack', problem: 'unknown' },
    ]);
  });

  it('checks numbers and their range', () => {
    const spaces = PRESETS.space_popularization.rules.form;
    expect(validateForm(spaces, { summary: '好', spaceCount: -1 }).problems).toEqual([{ field: 'spaceCount', problem: 'out_of_range' }]);
    expect(validateForm(spaces, { summary: '好', spaceCount: '12' }).problems).toEqual([{ field: 'spaceCount', problem: 'type' }]);
    expect(validateForm(spaces, { summary: '好', spaceCount: 12 }).problems).toEqual([]);
  });
});

describe('validateForm through the API schema', () => {
  it('refuses a number where text is expected instead of turning it into text', () => {
    expect(validateForm(form, { ...good, edition: 2019 }).problems).toEqual([{ field: 'edition', problem: 'type' }]);
  });
});
