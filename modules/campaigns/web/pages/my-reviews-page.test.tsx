import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { ReviewView } from '../api.ts';
import MyReviewsPage from './my-reviews-page.tsx';

configure({ asyncUtilTimeout: 8000 });

const rubric = [
  { id: 'design', name: '教学设计', weight: 60, max: 10 },
  { id: 'effect', name: '教学效果', weight: 40, max: 10 },
];
const base: Omit<ReviewView, 'id' | 'title' | 'editable' | 'marks' | 'total' | 'submittedAt'> = {
  campaignId: 'c1',
  campaignTitle: '2025年一师一优课',
  applicationId: 'a1',
  categoryName: '部级优课',
  orgName: '长安区第一中学',
  values: {},
  form: [],
  rubric,
  comment: null,
  assignedAt: '2025-05-01T00:00:00.000Z',
};
const reviews: ReviewView[] = [
  { ...base, id: 'open', title: '正在评审的课', editable: true, marks: null, total: null, submittedAt: null },
  {
    ...base,
    id: 'closed',
    title: '已公示的课',
    editable: false,
    marks: { design: 9, effect: 7 },
    total: 82,
    submittedAt: '2025-05-02T00:00:00.000Z',
  },
  { ...base, id: 'missed', title: '未评分就结束的课', editable: false, marks: null, total: null, submittedAt: null },
];

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(reviews), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
});
afterEach(() => vi.unstubAllGlobals());

const rowOf = (title: string) => screen.getByText(title).closest('tr') as HTMLElement;
// antd spaces out two-character labels (评 分).
const markButtons = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .filter((b) => /评\s?分/.test(b.textContent ?? ''));

describe('the expert review page', { timeout: 60_000 }, () => {
  it('offers marks only while the campaign is reviewing and shows closed reviews read-only', async () => {
    renderWithProviders(<MyReviewsPage />, { campaigns: zh });
    // 待评分 lists only what can still be scored.
    expect(await screen.findByText('正在评审的课')).toBeTruthy();
    expect(screen.queryByText('未评分就结束的课')).toBeNull();
    expect(markButtons(rowOf('正在评审的课'))).toHaveLength(1);
    fireEvent.click(screen.getByText('全部'));
    const closed = rowOf(await screen.findByText('已公示的课').then((e) => e.textContent!));
    expect(markButtons(closed)).toEqual([]);
    expect(within(closed).getByText('评审已结束')).toBeTruthy();
    const missed = rowOf('未评分就结束的课');
    expect(within(missed).getByText('未评分')).toBeTruthy();
    expect(markButtons(missed)).toEqual([]);
  });

  it("shows the expert's marks under the application once expanded", async () => {
    renderWithProviders(<MyReviewsPage />, { campaigns: zh });
    fireEvent.click(await screen.findByText('已评分', { selector: '.ant-segmented-item-label' }));
    const row = rowOf(await screen.findByText('已公示的课').then((e) => e.textContent!));
    fireEvent.click(within(row).getByRole('button', { name: /展开/ }));
    expect(await screen.findByText('我的评分')).toBeTruthy();
    expect(screen.getByText('9 / 10')).toBeTruthy();
  });
});
