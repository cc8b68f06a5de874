import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import { ReportFigures, TargetProgressList, TaskStatusTag } from './task-status-tag.tsx';

describe('task progress in the console', () => {
  it('names each status in Chinese', () => {
    renderWithProviders(
      <>
        <TaskStatusTag status="late" />
        <TaskStatusTag status="done" />
      </>,
      { 'work-plan': zh },
    );
    expect(screen.getByText('滞后')).toBeTruthy();
    expect(screen.getByText('已完成')).toBeTruthy();
  });

  it("shows a target's figure against it, with 万 for large counts, and where a bound figure comes from", () => {
    renderWithProviders(
      <TargetProgressList
        targets={[
          {
            id: 'a',
            count: 30,
            max: null,
            unit: '个',
            object: '典型区域',
            bound: 'exact',
            value: 4,
            isMet: false,
            share: 4 / 30,
            indicatorId: null,
          },
          {
            id: 'b',
            count: 10_000_000,
            max: null,
            unit: '个',
            object: '网络学习空间',
            bound: 'exact',
            value: 2_500_000,
            isMet: false,
            share: 0.25,
            indicatorId: 'users.accounts_real_name',
          },
        ]}
      />,
      { 'work-plan': zh },
    );
    expect(screen.getByText(/4 \/ 30个 典型区域/)).toBeTruthy();
    expect(screen.getByText(/250万 \/ 1000万个 网络学习空间/)).toBeTruthy();
    expect(screen.getByText(/取自指标 users.accounts_real_name/)).toBeTruthy();
  });

  it("shows a figure nobody reported as — and a report's left-out figure as 未报送, never as 0", () => {
    const targets = [
      {
        id: 'a',
        count: 30,
        max: null,
        unit: '个',
        object: '典型区域',
        bound: 'exact',
        value: null,
        isMet: false,
        share: 0,
        indicatorId: null,
      },
      { id: 'b', count: 5, max: null, unit: '所', object: '示范校', bound: 'exact', value: 0, isMet: false, share: 0, indicatorId: null },
    ];
    renderWithProviders(
      <>
        <TargetProgressList targets={targets} />
        <ReportFigures
          figures={[
            { targetId: 'a', value: null },
            { targetId: 'b', value: 0 },
          ]}
          targets={targets}
        />
      </>,
      { 'work-plan': zh },
    );
    expect(screen.getByText(/— \/ 30个 典型区域/)).toBeTruthy();
    expect(screen.getByText(/0 \/ 5所 示范校/)).toBeTruthy();
    expect(screen.getByText('典型区域 未报送；示范校 0')).toBeTruthy();
  });
});
