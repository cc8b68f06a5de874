import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../../packages/ui/src/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { TaskView } from '../api.ts';
import { TargetFormDrawer } from './target-form-drawer.tsx';

const task: TaskView = { id: 'task3', number: 3, title: '加快推进资源体系建设', dueDate: null, paragraphs: [], targets: [] };
const sent: Array<{ url: string; method: string; body: unknown }> = [];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/indicators')
        return json([{ id: 'users.accounts_opened', name: { zh: '开通账号数', en: 'Accounts opened' }, unit: '个' }]);
      const body = init?.body ? JSON.parse(String(init.body)) : null;
      sent.push({ url, method: init?.method ?? 'GET', body });
      if (body?.max !== null && body?.max < body?.count)
        return json({ status: 400, code: 'work-plan.max_below_count', params: { field: 'max' } }, 400);
      return json({ id: 'new-target' }, 201);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });

describe('TargetFormDrawer', () => {
  it('adds a target with its bound, unit and object', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<TargetFormDrawer task={task} target={null} onClose={() => {}} onSaved={onSaved} />, { 'work-plan': zh });
    fill('target-object', '省级平台完成对接');
    fill('target-count', '20');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]).toEqual({
      url: '/api/work-plan/tasks/task3/targets',
      method: 'POST',
      body: { count: 20, max: null, unit: '个', object: '省级平台完成对接', bound: 'exact', dueDate: null, indicatorId: null },
    });
  });

  it("asks for the upper end only for a range, and shows the server's refusal under it", async () => {
    renderWithProviders(
      <TargetFormDrawer
        task={task}
        target={{
          id: 'g1',
          count: 40,
          max: 200,
          unit: '所',
          object: '优秀学校',
          bound: 'range',
          source: '',
          indicatorId: null,
          dueDate: null,
        }}
        onClose={() => {}}
        onSaved={() => {}}
      />,
      { 'work-plan': zh },
    );
    expect(await screen.findByText('上限')).toBeTruthy();
    fill('target-max', '10');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findAllByText('上限不能小于下限')).not.toHaveLength(0);
    expect(sent[0]).toMatchObject({ url: '/api/work-plan/targets/g1', method: 'PATCH', body: { count: 40, max: 10, bound: 'range' } });
  });
});
