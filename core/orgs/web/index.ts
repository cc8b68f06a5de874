import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const orgsWeb = defineWebModule({
  id: 'orgs',
  menu: [{ path: '/orgs', label: 'orgs:web.menu', group: 'shell:menu.system', permission: 'orgs.org.read', order: 10 }],
  routes: [{ path: '/orgs', title: 'orgs:web.menu', permission: 'orgs.org.read', page: lazy(() => import('./pages/org-tree-page.tsx')) }],
  locales: { 'zh-CN': zh, en },
});
