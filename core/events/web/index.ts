import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const eventsWeb = defineWebModule({
  id: 'events',
  menu: [
    { path: '/events/dead-letters', label: 'events:web.menu', group: 'shell:menu.system', permission: 'events.delivery.read', order: 46 },
  ],
  routes: [
    {
      path: '/events/dead-letters',
      title: 'events:web.menu',
      permission: 'events.delivery.read',
      page: lazy(() => import('./pages/dead-letter-page.tsx')),
    },
  ],
  locales: { 'zh-CN': zh, en },
});
