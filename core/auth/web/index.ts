import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

/** "My account": password, authenticator, sessions. Reached from the user menu, not the side menu. */
export const authWeb = defineWebModule({
  id: 'auth',
  menu: [],
  routes: [{ path: '/account', title: 'auth:web.title', page: lazy(() => import('./pages/my-account-page.tsx')) }],
  locales: { 'zh-CN': zh, en },
});
