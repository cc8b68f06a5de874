import { createElement, lazy } from 'react';
import { ProjectOutlined, ScheduleOutlined } from '@ant-design/icons';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const workPlanWeb = defineWebModule({
  id: 'work-plan',
  menu: [
    { path: '/plans', label: 'work-plan:web.menu', icon: createElement(ProjectOutlined), permission: 'work-plan.plan.read', order: 1 },
    {
      path: '/my-tasks',
      label: 'work-plan:web.myTasks.menu',
      icon: createElement(ScheduleOutlined),
      permission: 'work-plan.report.submit',
      order: 2,
    },
  ],
  routes: [
    {
      path: '/plans',
      title: 'work-plan:web.menu',
      permission: 'work-plan.plan.read',
      page: lazy(() => import('./pages/plan-list-page.tsx')),
    },
    {
      path: '/my-tasks',
      title: 'work-plan:web.myTasks.menu',
      permission: 'work-plan.report.submit',
      page: lazy(() => import('./pages/my-tasks-page.tsx')),
    },
    {
      path: '/plans/:id/print',
      title: 'work-plan:web.print.open',
      permission: 'work-plan.plan.read',
      page: lazy(() => import('./pages/plan-print-page.tsx')),
    },
    {
      path: '/plans/:id/dashboard',
      title: 'work-plan:web.dashboard.open',
      permission: 'work-plan.plan.read',
      page: lazy(() => import('./pages/plan-dashboard-page.tsx')),
    },
    {
      path: '/plans/:id',
      title: 'work-plan:web.menu',
      permission: 'work-plan.plan.read',
      page: lazy(() => import('./pages/plan-detail-page.tsx')),
    },
  ],
  locales: { 'zh-CN': zh, en },
});
