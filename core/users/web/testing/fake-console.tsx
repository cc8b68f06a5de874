import type { ReactNode } from 'react';
import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import { SessionContext, type SessionApi } from '#ui';
import { renderWithProviders } from '#ui/testing/render.tsx';
import usersZh from '../../locales/zh-CN.json';
import authZh from '../../../auth/locales/zh-CN.json';
import accessZh from '../../../access/locales/zh-CN.json';
import orgsZh from '../../../orgs/locales/zh-CN.json';

export const currentOrg = { id: 'org-hb', name: '河北省教育厅', path: '/root/hb/' };

export type Reply = { status: number; body?: unknown };
export type Call = { method: string; url: URL; body: unknown };

/**
 * Stubs fetch with `handler`; what it leaves unanswered gets the current org for an org search
 * and a 404 problem otherwise. Returns the calls made, in order.
 */
export function serve(handler: (url: URL, method: string) => Reply | undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://console.test');
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const reply =
        handler(url, method) ??
        (url.pathname === '/api/orgs'
          ? { status: 200, body: { items: [{ id: currentOrg.id, name: currentOrg.name, code: 'HB' }], total: 1, page: 1, pageSize: 20 } }
          : { status: 404, body: { status: 404, code: 'request.route_not_found' } });
      if (reply.status === 204) return new Response(null, { status: 204 });
      const type = reply.status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

export const problem = (status: number, code: string, params?: Record<string, unknown>): Reply => ({
  status,
  body: { status, code, ...(params ? { params } : {}) },
});
export const pageOf = (items: unknown[]): Reply => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } });

export function fakeSession(permissions: string[]): SessionApi {
  return {
    info: {
      user: {
        id: 'me',
        account: 'admin',
        realName: '管理员',
        displayName: '管理员',
        orgId: currentOrg.id,
        hasTotp: true,
        mustChangePassword: false,
      },
      mfa: 'passed',
      csrfToken: 'x',
      expiresAt: '',
      permissions,
      grants: [],
    },
    can: (p) => permissions.includes(p),
    currentOrg,
    setCurrentOrg: () => undefined,
    refresh: async () => undefined,
    signOut: async () => undefined,
  };
}

/** Renders signed in with `permissions`, with the Chinese texts of the namespaces the pages use. */
export function renderSignedIn(node: ReactNode, permissions: string[]) {
  return renderWithProviders(<SessionContext.Provider value={fakeSession(permissions)}>{node}</SessionContext.Provider>, {
    users: usersZh,
    auth: authZh,
    access: accessZh,
    orgs: orgsZh,
  });
}

/** antd gives every dialog the same aria-labelledby id under test, so a dialog is found by its title. */
export async function dialogTitled(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: '.ant-drawer-title, .ant-modal-title' });
  return heading.closest('[role=dialog]') as HTMLElement;
}
