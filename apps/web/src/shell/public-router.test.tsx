import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import shellZh from '../../locales/zh-CN.json';
import campaignsZh from '../../../../modules/campaigns/locales/zh-CN.json';
import PublicRouter from './public-router.tsx';
import { isPublicPath } from './public-path.ts';

configure({ asyncUtilTimeout: 8000 });

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.pushState({}, '', '/');
});

describe('public pages outside the signed-in console', { timeout: 60_000 }, () => {
  it('takes only addresses under /public/', () => {
    expect(isPublicPath('/public/certificates')).toBe(true);
    expect(isPublicPath('/publications')).toBe(false);
    expect(isPublicPath('/campaigns/c1')).toBe(false);
  });

  it("renders a module's public page without asking who is signed in", async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(input);
        return new Response(
          JSON.stringify({
            campaignId: 'c1',
            title: '2025年一师一优课',
            organiser: '河北省教育厅',
            status: 'published',
            publicityFrom: null,
            publicityUntil: null,
            entries: [],
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      }),
    );
    window.history.pushState({}, '', '/public/campaigns/c1');
    renderWithProviders(<PublicRouter />, { shell: shellZh, campaigns: campaignsZh });
    expect(await screen.findByRole('heading', { name: '2025年一师一优课' })).toBeTruthy();
    expect(screen.getByRole('link', { name: shellZh.app.fullName })).toBeTruthy();
    expect(urls).toEqual(['/api/public/campaigns/c1']);
  });

  it('answers an unknown public address with the 404 page', async () => {
    window.history.pushState({}, '', '/public/nothing-here');
    renderWithProviders(<PublicRouter />, { shell: shellZh });
    expect(await screen.findByText(shellZh.error.notFoundTitle)).toBeTruthy();
  });
});
