import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

/** Every signed-in user's inbox: the bell in the header and 消息中心, reached from it. */
export const notifyWeb = defineWebModule({
  id: 'notify',
  menu: [],
  routes: [{ path: '/notify/inbox', title: 'notify:web.inbox.title', page: lazy(() => import('./pages/inbox-page.tsx')) }],
  // Lazy: this file is read by the sign-in bundle (for the locales), which must not pull in antd.
  headerItems: [lazy(() => import('./components/notification-bell.tsx').then((m) => ({ default: m.NotificationBell })))],
  locales: { 'zh-CN': zh, en },
});
