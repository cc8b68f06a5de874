import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import { formatCount, TargetTag } from './target-tag.tsx';

describe('target tags', () => {
  it('writes figures the way the plan does', () => {
    expect(formatCount(30)).toBe('30');
    expect(formatCount(3000)).toBe('3000');
    expect(formatCount(10_000_000)).toBe('1000万');
    expect(formatCount(1_750_000)).toBe('175万');
    expect(formatCount(12_345)).toBe('12,345');
  });

  it('shows a lower bound as 以上', () => {
    renderWithProviders(
      <TargetTag
        target={{
          id: 't',
          count: 20,
          max: null,
          unit: '个',
          object: '单位的资源应用',
          bound: 'at_least',
          source: '20个以上单位的资源应用',
          indicatorId: null,
          dueDate: null,
        }}
      />,
      { 'work-plan': zh },
    );
    expect(screen.getByText('20个以上')).toBeTruthy();
    expect(screen.getByText(/单位的资源应用/)).toBeTruthy();
  });
});
