import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { BackfillResult, CampaignView, ObjectionView } from '../api.ts';
import { PRESETS } from '../../server/presets.ts';
import { PublicityTab } from './publicity-tab.tsx';

configure({ asyncUtilTimeout: 8000 });

const campaign = {
  id: 'c1',
  type: 'excellent_lesson',
  title: '2025年一师一优课',
  year: 2025,
  orgId: 'o1',
  orgName: '河北省教育厅',
  status: 'publicity',
  applyUntil: null,
  publicityFrom: '2025-06-01T00:00:00.000Z',
  publicityUntil: '2025-06-08T00:00:00.000Z',
  publishedAt: null,
  rules: PRESETS.excellent_lesson.rules,
  counts: { submitted: 4, recommended: 4, selected: 1 },
  canManage: true,
  canApply: false,
  createdAt: '2025-05-01T00:00:00.000Z',
} as CampaignView;
const objection = (status: ObjectionView['status']): ObjectionView => ({
  id: 'x1',
  applicationId: 'a1',
  applicationTitle: '一元一次方程（示范课）',
  filerName: '王某某',
  filerPhone: '138****5678',
  text: '与往年入选课例雷同。',
  status,
  resolution: status === 'open' ? null : '经核查属实。',
  createdAt: '2025-06-02T00:00:00.000Z',
  resolvedAt: status === 'open' ? null : '2025-06-09T00:00:00.000Z',
});

let objections: ObjectionView[];
let backfill: BackfillResult;
const posted: string[] = [];
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  posted.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (init?.method === 'POST') {
        posted.push(url);
        return json(backfill);
      }
      return json(url.endsWith('/objections') ? objections : []);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function confirmBackfill() {
  fireEvent.click(await screen.findByRole('button', { name: '按排名递补' }));
  expect(await screen.findByText('按排名递补空出的名额？')).toBeTruthy();
  expect(screen.getByText(/公示从现在起重新计算 7 天/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /确\s?定/ }));
}

describe('递补 on the publicity tab', { timeout: 60_000 }, () => {
  it('offers 递补 only once an objection has been upheld', async () => {
    objections = [objection('dismissed')];
    renderWithProviders(<PublicityTab campaign={campaign} onChanged={() => {}} />, { campaigns: zh });
    expect(await screen.findByText('异议不成立')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '按排名递补' })).toBeNull();
  });

  it('names the promoted applications and reloads the campaign for the new display period', async () => {
    objections = [objection('upheld')];
    backfill = {
      promoted: [
        { applicationId: 'a2', title: '勾股定理（示范课）', categoryName: '部级优课', orgName: '桥西区实验中学' },
        { applicationId: 'a3', title: '有理数', categoryName: '部级优课', orgName: '长安区第一中学' },
      ],
      publicityUntil: '2025-06-14T12:00:00.000Z',
    };
    const onChanged = vi.fn();
    renderWithProviders(<PublicityTab campaign={campaign} onChanged={onChanged} />, { campaigns: zh });
    await confirmBackfill();
    expect(await screen.findByText(/^已递补 2 项：“勾股定理（示范课）”和“有理数”。公示延至 2025-06-14/)).toBeTruthy();
    expect(posted).toEqual(['/api/campaigns/c1/backfill']);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('says so when nothing fits the freed place', async () => {
    objections = [objection('upheld')];
    backfill = { promoted: [], publicityUntil: campaign.publicityUntil };
    renderWithProviders(<PublicityTab campaign={campaign} onChanged={() => {}} />, { campaigns: zh });
    await confirmBackfill();
    expect(await screen.findByText('没有符合条件的申报可以递补，名单和公示期不变')).toBeTruthy();
  });
});
