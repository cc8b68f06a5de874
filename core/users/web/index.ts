import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const usersWeb = defineWebModule({
  id: 'users',
  menu: [{ path: '/users', label: 'users:web.menu', group: 'shell:menu.system', permission: 'users.user.read', order: 20 }],
  routes: [
    { path: '/users', title: 'users:web.menu', permission: 'users.user.read', page: lazy(() => import('./pages/user-list-page.tsx')) },
  ],
  locales: { 'zh-CN': zh, en },
});
