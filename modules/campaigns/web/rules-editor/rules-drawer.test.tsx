import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { CampaignView } from '../api.ts';
import { RulesDrawer } from './rules-drawer.tsx';

configure({ asyncUtilTimeout: 8000 });

const campaign = {
  id: 'c1',
  type: 'excellent_lesson',
  title: '2026年“一师一优课、一课一名师”活动',
  year: 2026,
  orgId: 'hb',
  orgName: '河北省教育厅',
  status: 'draft',
  applyUntil: null,
  publicityFrom: null,
  publicityUntil: null,
  publishedAt: null,
  counts: { submitted: 0, recommended: 0, selected: 0 },
  canManage: true,
  canApply: false,
  createdAt: '',
  rules: {
    categories: [{ code: 'lesson', name: '部级优课', quota: 800, kind: 'lesson', applicantOrgTypes: ['school'] }],
    levelQuotas: [{ level: 'county', share: 0.2, minimum: 1 }],
    uniqueness: [],
    regionCaps: [{ level: 'province', max: 800 }],
    rubric: [
      { id: 'design', name: '教学设计', weight: 60, max: 10 },
      { id: 'effect', name: '教学效果', weight: 40, max: 10 },
    ],
    form: [{ key: 'subject', label: '学科', type: 'select', required: true, options: ['语文', '数学'] }],
    expertsPerApplication: 3,
    minScore: 60,
    publicityDays: 7,
  },
} as CampaignView;

const sent: Array<{ url: string; method: string; body: Record<string, unknown> | null }> = [];
beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
      return new Response(JSON.stringify(campaign), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: '保 存' }));

describe('编辑规则', { timeout: 60_000 }, () => {
  it('refuses weights that do not total 100, then sends the edited rules', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<RulesDrawer campaign={campaign} open onClose={() => undefined} onSaved={onSaved} />, { campaigns: zh });
    await screen.findByDisplayValue('教学设计');

    fill('rules-criterion-0-weight', '70');
    save();
    expect(await screen.findByText('各项权重合计须为 100，现在是 110')).toBeTruthy();
    expect(sent).toEqual([]);

    fill('rules-criterion-1-weight', '30');
    fireEvent.click(screen.getByRole('button', { name: /添加申报项目/ }));
    fill('rules-field-1-label', '教材版本');
    fill('rules-province-cap', '');
    save();

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/api/campaigns/c1', method: 'PATCH' });
    const body = sent[0].body as { title: string; rules: CampaignView['rules'] };
    expect(body.title).toBe(campaign.title);
    expect(body.rules.rubric.map((c) => c.weight)).toEqual([70, 30]);
    expect(body.rules.form).toEqual([
      { key: 'subject', label: '学科', type: 'select', required: true, options: ['语文', '数学'] },
      { key: 'field1', label: '教材版本', type: 'text', required: false, maxLength: 200 },
    ]);
    expect(body.rules.levelQuotas).toEqual([{ level: 'county', share: 0.2, minimum: 1 }]);
    expect(body.rules.regionCaps).toEqual([]);
  });
});
