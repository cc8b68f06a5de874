import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { defineWebModule } from '#ui';
import { buildMenu } from './menu.ts';

const t = ((key: string) => key) as unknown as TFunction;
const Page = () => null;
const modules = [
  defineWebModule({
    id: 'a',
    routes: [{ path: '/orgs', title: 'x', page: Page }],
    locales: { 'zh-CN': {}, en: {} },
    menu: [
      { path: '/orgs', label: 'orgs:menu', group: 'shell:menu.system', permission: 'orgs.org.read', order: 10 },
      { path: '/users', label: 'users:menu', group: 'shell:menu.system', permission: 'users.user.read', order: 5 },
    ],
  }),
  defineWebModule({ id: 'b', routes: [], locales: { 'zh-CN': {}, en: {} }, menu: [{ path: '/plan', label: 'plan:menu', order: 1 }] }),
];

describe('side menu from module manifests', () => {
  it('shows only entries whose permission the user holds', () => {
    const items = buildMenu(modules, (p) => p === 'orgs.org.read', t);
    const system = items.find((i) => i.key === 'group:shell:menu.system');
    expect(system?.children?.map((c) => c.key)).toEqual(['/orgs']);
  });

  it('drops a group that has no visible entry and keeps entries without a permission', () => {
    const items = buildMenu(modules, () => false, t);
    expect(items.map((i) => i.key)).toEqual(['/plan']);
  });

  it('shows an entry that lists several permissions to holders of any of them', () => {
    const anyOf = [
      defineWebModule({
        id: 'c',
        routes: [],
        locales: { 'zh-CN': {}, en: {} },
        menu: [{ path: '/campaigns', label: 'c:menu', permission: ['c.campaign.manage', 'c.application.submit'] }],
      }),
    ];
    expect(buildMenu(anyOf, (p) => p === 'c.application.submit', t).map((i) => i.key)).toEqual(['/campaigns']);
    expect(buildMenu(anyOf, (p) => p === 'c.review.score', t)).toEqual([]);
  });

  it('orders entries by their order inside a group', () => {
    const items = buildMenu(modules, () => true, t);
    expect(items.find((i) => i.key === 'group:shell:menu.system')?.children?.map((c) => c.key)).toEqual(['/users', '/orgs']);
  });
});
