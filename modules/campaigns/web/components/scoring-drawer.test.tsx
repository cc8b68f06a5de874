import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { ReviewView } from '../api.ts';
import { previewTotal, ScoringDrawer } from './scoring-drawer.tsx';

configure({ asyncUtilTimeout: 8000 });

const rubric = [
  { id: 'design', name: '教学设计', weight: 30, max: 10 },
  { id: 'integration', name: '信息技术融合', weight: 30, max: 10 },
  { id: 'effect', name: '教学效果', weight: 25, max: 10 },
  { id: 'resources', name: '资源质量', weight: 15, max: 5 },
];
const review: ReviewView = {
  id: 'r1',
  campaignId: 'c1',
  campaignTitle: '2025年一师一优课',
  applicationId: 'a1',
  title: '一元一次方程（示范课）',
  categoryName: '部级优课',
  orgName: '长安区第一中学',
  values: { subject: '数学' },
  form: [{ key: 'subject', label: '学科', type: 'text', required: true }],
  rubric,
  marks: null,
  total: null,
  comment: null,
  assignedAt: '2025-05-01T00:00:00.000Z',
  submittedAt: null,
  editable: true,
};

const sent: Array<{ url: string; method: string; body: unknown }> = [];
let reply: (body: { marks: Record<string, number> }) => Response;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

beforeEach(() => {
  sent.length = 0;
  reply = (body) => json({ ...review, marks: body.marks, total: 85, submittedAt: '2025-05-02T00:00:00.000Z' });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      sent.push({ url: String(input), method: init?.method ?? 'GET', body });
      return reply(body);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const mark = (id: string, value: string) => fireEvent.change(document.getElementById(`mark-${id}`)!, { target: { value } });
const total = () => screen.getByTestId('score-total').textContent;

describe('the scoring drawer', { timeout: 60_000 }, () => {
  it('computes the total the way the server does, counting unmarked criteria as zero', () => {
    expect(previewTotal(rubric, {})).toBeNull();
    expect(previewTotal(rubric, { design: 10 })).toBe(30);
    expect(previewTotal(rubric, { design: 8, integration: 9, effect: 10, resources: 3 })).toBe(85);
  });

  it('shows each criterion with its weight and maximum, updates the total as marks go in, and sends the marks', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<ScoringDrawer review={review} onClose={() => undefined} onSaved={onSaved} />, { campaigns: zh });
    expect(await screen.findByText('资源质量（权重 15，满分 5）')).toBeTruthy();
    expect(total()).toBe('—');
    mark('design', '8');
    await waitFor(() => expect(total()).toBe('24.00'));
    expect(screen.getByText('已评 1 / 4 项')).toBeTruthy();
    mark('integration', '9');
    mark('effect', '10');
    mark('resources', '3');
    await waitFor(() => expect(total()).toBe('85.00'));
    fireEvent.change(document.getElementById('review-comment')!, { target: { value: '设计完整' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评分' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]).toEqual({
      url: '/api/campaigns/reviews/r1',
      method: 'PUT',
      body: { marks: { design: 8, integration: 9, effect: 10, resources: 3 }, comment: '设计完整' },
    });
  });

  it('shows what the applicant submitted beside the marks', async () => {
    renderWithProviders(<ScoringDrawer review={review} onClose={() => undefined} onSaved={() => undefined} />, { campaigns: zh });
    expect(await screen.findByText('申报内容')).toBeTruthy();
    expect(screen.getByText('学科')).toBeTruthy();
    expect(screen.getByText('数学')).toBeTruthy();
  });

  it('marks the criteria the server refused', async () => {
    reply = () =>
      json({ status: 400, code: 'campaigns.marks_invalid', params: { field: 'marks.resources', criteria: ['resources'] } }, 400);
    renderWithProviders(
      <ScoringDrawer
        review={{ ...review, marks: { design: 8, integration: 9, effect: 10, resources: 4 } }}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
      { campaigns: zh },
    );
    await waitFor(() => expect(total()).toBe('88.00'));
    fireEvent.click(screen.getByRole('button', { name: '提交评分' }));
    const item = screen.getByText('资源质量（权重 15，满分 5）', { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(item).findByText('分数应在 0 到 5 之间')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('评分超出范围或缺项');
  });
});
