import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import workflow from '../../locales/zh-CN.json';
import type { InstanceDetail } from '../api.ts';
import { InstanceDrawer } from './instance-drawer.tsx';

const label = (zh: string) => ({ zh, en: zh });

const detail = (over: Partial<InstanceDetail['actions']> = {}): InstanceDetail => ({
  instance: {
    id: 'wf-1',
    version: 4,
    definitionId: 'campaigns.lesson',
    definitionLabel: label('一师一优课推荐'),
    subjectType: 'campaigns.lesson',
    subjectId: 'l-1',
    title: '《分数的初步认识》',
    link: null,
    orgId: 's',
    orgName: '实验小学',
    applicantId: 'u-t',
    applicantName: '王芳',
    state: 'in_progress',
    stepId: 'city',
    stepLabel: label('市级推荐'),
    actingOrgId: 'c',
    actingOrgName: '石家庄市教育局',
    dueAt: '2026-03-01T00:00:00.000Z',
    isOverdue: true,
    createdAt: '2026-02-20T00:00:00.000Z',
    updatedAt: '2026-02-21T00:00:00.000Z',
    finishedAt: null,
  },
  steps: [
    {
      id: 'county',
      label: label('县级推荐'),
      level: 'county',
      orgId: 'k',
      orgName: '长安区教育局',
      countersignRule: null,
      deadlineHours: 72,
      dueWorkingDays: null,
      status: 'done',
    },
    {
      id: 'city',
      label: label('市级推荐'),
      level: 'city',
      orgId: 'c',
      orgName: '石家庄市教育局',
      countersignRule: 'majority',
      deadlineHours: null,
      dueWorkingDays: 10,
      status: 'current',
    },
    {
      id: 'province',
      label: label('省级推荐'),
      level: 'province',
      orgId: null,
      orgName: null,
      countersignRule: null,
      deadlineHours: null,
      dueWorkingDays: null,
      status: 'skipped',
    },
  ],
  tasks: [
    {
      id: 't1',
      kind: 'user',
      origin: 'route',
      orgName: '石家庄市教育局',
      userName: '李强',
      status: 'done',
      decision: 'approve',
      decidedByName: '李强',
    },
    {
      id: 't2',
      kind: 'user',
      origin: 'added',
      orgName: '石家庄市教育局',
      userName: '孙敏',
      status: 'open',
      decision: null,
      decidedByName: null,
    },
  ],
  history: [
    {
      seq: 1,
      operation: 'submit',
      stepId: 'county',
      fromStep: null,
      toStep: 'county',
      actorName: '王芳',
      at: '2026-02-20T00:00:00.000Z',
      comment: '请审核',
      files: [{ id: 'f1', name: '教案.pdf' }],
      targetUserName: null,
      targetOrgName: null,
    },
    {
      seq: 2,
      operation: 'approve',
      stepId: 'county',
      fromStep: 'county',
      toStep: 'city',
      actorName: '张建国',
      at: '2026-02-21T00:00:00.000Z',
      comment: null,
      files: [],
      targetUserName: null,
      targetOrgName: null,
    },
    {
      seq: 3,
      operation: 'escalate',
      stepId: 'city',
      fromStep: null,
      toStep: null,
      actorName: 'system',
      at: '2026-02-22T00:00:00.000Z',
      comment: null,
      files: [],
      targetUserName: null,
      targetOrgName: '河北省教育厅',
    },
  ],
  actions: {
    approve: true,
    reject: true,
    return: true,
    withdraw: false,
    resubmit: false,
    addSigner: true,
    transfer: true,
    returnTargets: ['county', 'applicant'],
    ...over,
  },
});

const session: SessionApi = {
  info: {
    user: { id: 'u-1', account: 'city', realName: '李强', displayName: '李强', orgId: 'c', hasTotp: false, mustChangePassword: false },
    mfa: 'none',
    csrfToken: 'x',
    expiresAt: '2026-03-01T10:00:00.000Z',
    permissions: [],
    grants: [],
  },
  can: () => false,
  currentOrg: { id: 'c', name: '石家庄市教育局', path: '/c/' },
  setCurrentOrg: vi.fn(),
  refresh: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stub(initial: InstanceDetail, answer: (url: string, body: any) => Response = () => json(initial)) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
    init?.method === 'POST' ? answer(url, JSON.parse(String(init.body))) : json(initial),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const open = (onChanged = vi.fn()) =>
  renderWithProviders(
    <SessionContext.Provider value={session}>
      <InstanceDrawer instanceId="wf-1" onClose={() => undefined} onChanged={onChanged} />
    </SessionContext.Provider>,
    { workflow },
  );

afterEach(() => vi.unstubAllGlobals());

describe('the review drawer', () => {
  it('shows the steps with their orgs, the countersign rule, the signers and the history in words', async () => {
    stub(detail());
    open();
    expect(await screen.findByText('一师一优课推荐')).toBeTruthy();
    expect(screen.getByText('会签：过半数同意')).toBeTruthy();
    expect(screen.getByText('时限 10 个工作日')).toBeTruthy();
    expect(screen.getByText('时限 72 小时')).toBeTruthy();
    expect(screen.getByText('跳过')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.getByText('加签')).toBeTruthy();
    expect(screen.getByText('同意')).toBeTruthy();
    expect(screen.getByText('县级推荐 → 市级推荐')).toBeTruthy();
    expect(screen.getByText('上报至：河北省教育厅')).toBeTruthy();
    expect(screen.getByText('系统')).toBeTruthy();
    expect(screen.getByRole('link', { name: '教案.pdf' }).getAttribute('href')).toBe('/api/files/f1/content');
  });

  it('offers only the operations the server allows', async () => {
    stub(detail({ approve: false, reject: false, return: false, addSigner: false, transfer: false, withdraw: true }));
    open();
    await screen.findByText('一师一优课推荐');
    expect(screen.getByRole('button', { name: /撤\s*回/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^通\s*过$/ })).toBeNull();
  });

  it('sends back to the chosen step with a required reason and the version it saw', async () => {
    const onChanged = vi.fn();
    const fetch = stub(detail(), () => json({ ...detail(), instance: { ...detail().instance, stepId: 'county', version: 5 } }));
    open(onChanged);
    await screen.findByText('一师一优课推荐');
    fireEvent.click(screen.getByRole('button', { name: /退\s*回/ }));
    const dialog = (await screen.findByText('退回到')).closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写理由', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '请补充教学反思' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe('/api/workflow/instances/wf-1/return');
    expect(JSON.parse(String(post[1]!.body))).toEqual({ version: 4, to: 'county', comment: '请补充教学反思' });
  });

  it('reloads when someone else acted first', async () => {
    const fetch = stub(detail(), () => json({ status: 409, code: 'workflow.instance_changed' }, 409));
    open();
    await screen.findByText('一师一优课推荐');
    fireEvent.click(screen.getByRole('button', { name: /^通\s*过$/ }));
    const dialog = (await screen.findByText('同意后进入下一步骤；会签步骤须按规则达到同意人数。')).closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('该审核已有变化，已为您刷新')).toBeTruthy();
    expect(fetch.mock.calls.filter(([, init]) => !init?.method || init.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });
});
