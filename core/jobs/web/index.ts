import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const jobsWeb = defineWebModule({
  id: 'jobs',
  menu: [{ path: '/jobs', label: 'jobs:web.menu', group: 'shell:menu.system', permission: 'jobs.job.read', order: 45 }],
  routes: [{ path: '/jobs', title: 'jobs:web.menu', permission: 'jobs.job.read', page: lazy(() => import('./pages/job-list-page.tsx')) }],
  locales: { 'zh-CN': zh, en },
});
