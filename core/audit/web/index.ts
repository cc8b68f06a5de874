import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const auditWeb = defineWebModule({
  id: 'audit',
  menu: [{ path: '/audit', label: 'audit:web.menu', group: 'shell:menu.system', permission: 'audit.event.read', order: 40 }],
  routes: [
    { path: '/audit', title: 'audit:web.menu', permission: 'audit.event.read', page: lazy(() => import('./pages/audit-log-page.tsx')) },
  ],
  locales: { 'zh-CN': zh, en },
});
