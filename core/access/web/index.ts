import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const accessWeb = defineWebModule({
  id: 'access',
  menu: [{ path: '/roles', label: 'access:web.menu', group: 'shell:menu.system', permission: 'access.role.read', order: 30 }],
  routes: [
    { path: '/roles', title: 'access:web.menu', permission: 'access.role.read', page: lazy(() => import('./pages/role-list-page.tsx')) },
  ],
  locales: { 'zh-CN': zh, en },
});
