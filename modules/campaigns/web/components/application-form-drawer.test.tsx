import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { CampaignView } from '../api.ts';
import { ApplicationFormDrawer } from './application-form-drawer.tsx';

configure({ asyncUtilTimeout: 8000 });

const currentOrg = { id: 'org-school', name: '长安区第一中学', path: '/root/hb/sjz/ca/school/' };
const session = {
  info: {
    user: {
      id: 'me',
      account: 't1',
      realName: '李老师',
      displayName: '李老师',
      orgId: currentOrg.id,
      hasTotp: false,
      mustChangePassword: false,
    },
    mfa: 'none',
    csrfToken: 'x',
    expiresAt: '',
    permissions: ['campaigns.application.submit'],
    grants: [],
  },
  can: (p: string) => p === 'campaigns.application.submit',
  currentOrg,
  setCurrentOrg: () => undefined,
  refresh: async () => undefined,
  signOut: async () => undefined,
} as SessionApi;

const campaign = {
  id: 'c1',
  type: 'space_popularization',
  title: '2025年网络学习空间应用普及活动',
  year: 2025,
  orgId: 'hb',
  orgName: '河北省教育厅',
  status: 'open',
  applyUntil: null,
  publicityFrom: null,
  publicityUntil: null,
  publishedAt: null,
  counts: { submitted: 0, recommended: 0, selected: 0 },
  canManage: false,
  canApply: true,
  createdAt: '',
  rules: {
    categories: [{ code: 'school', name: '网络学习空间应用优秀学校', quota: 200, kind: 'school', applicantOrgTypes: ['school'] }],
    levelQuotas: [],
    uniqueness: [],
    regionCaps: [],
    rubric: [{ id: 'a', name: '应用成效', weight: 100, max: 10 }],
    expertsPerApplication: 3,
    minScore: 60,
    publicityDays: 7,
    form: [
      { key: 'stage', label: '学段', type: 'select', required: true, options: ['小学', '初中'] },
      { key: 'spaceCount', label: '已开通实名空间数', type: 'number', required: true, min: 0 },
      { key: 'summary', label: '申报简介', type: 'textarea', required: true, maxLength: 2000 },
      { key: 'evidenceUrl', label: '成果展示网址', type: 'url', required: false },
    ],
  },
} as CampaignView;

const sent: Array<{ url: string; method: string; body: unknown }> = [];
let reply: () => Response;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

beforeEach(() => {
  sent.length = 0;
  reply = () => json({ id: 'a1', title: '长安一中空间应用' }, 201);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
      return reply();
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderDrawer(onSubmitted = vi.fn()) {
  renderWithProviders(
    <SessionContext.Provider value={session}>
      <ApplicationFormDrawer campaign={campaign} onClose={() => undefined} onSubmitted={onSubmitted} />
    </SessionContext.Provider>,
    { campaigns: zh },
  );
  return onSubmitted;
}
const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const fieldOf = (label: string) => screen.getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
async function choose(label: string, option: string) {
  fireEvent.mouseDown(within(fieldOf(label)).getByRole('combobox'));
  fireEvent.click(await screen.findByText(option, { selector: '.ant-select-item-option-content' }));
}

describe("the application form built from the campaign's rules", { timeout: 60_000 }, () => {
  it('asks for every required field before sending, then sends the values typed as the form defines them', async () => {
    const onSubmitted = renderDrawer();
    expect(await screen.findByText('网络学习空间应用优秀学校')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await within(fieldOf('学段')).findByText('请选择学段')).toBeTruthy();
    expect(within(fieldOf('已开通实名空间数')).getByText('请填写已开通实名空间数')).toBeTruthy();
    expect(within(fieldOf('申报名称')).getByText('请填写申报名称（至少 2 个字）')).toBeTruthy();
    expect(within(fieldOf('成果展示网址')).queryByText(/请填写/)).toBeNull();
    expect(sent).toHaveLength(0);

    fill('application-title', '长安一中空间应用');
    await choose('学段', '初中');
    fill('application-spaceCount', '1200');
    fill('application-summary', '全校师生开通实名空间。');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(sent[0]).toEqual({
      url: '/api/campaigns/c1/applications',
      method: 'POST',
      body: {
        categoryCode: 'school',
        orgId: currentOrg.id,
        title: '长安一中空间应用',
        values: { stage: '初中', spaceCount: 1200, summary: '全校师生开通实名空间。' },
      },
    });
  });

  it("shows the server's refusal under each field it names and the summary above the form", async () => {
    reply = () =>
      json(
        {
          status: 400,
          code: 'campaigns.form_invalid',
          params: {
            field: 'stage',
            problems: [
              { field: 'stage', problem: 'not_an_option' },
              { field: 'summary', problem: 'too_long' },
            ],
          },
        },
        400,
      );
    const onSubmitted = renderDrawer();
    fill('application-title', '长安一中空间应用');
    await choose('学段', '小学');
    fill('application-spaceCount', '3');
    fill('application-summary', '简介');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await within(fieldOf('学段')).findByText('请从选项中选择')).toBeTruthy();
    expect(within(fieldOf('申报简介')).getByText('不能超过 2000 个字')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('申报表填写有误，请检查标出的项目');
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});
