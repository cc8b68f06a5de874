import { createElement, lazy } from 'react';
import { CheckSquareOutlined } from '@ant-design/icons';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

// Every signed-in user may have something to review or a submission to follow: no permission.
export const workflowWeb = defineWebModule({
  id: 'workflow',
  menu: [{ path: '/workflow/todo', label: 'workflow:web.menu', icon: createElement(CheckSquareOutlined), order: 0 }],
  routes: [{ path: '/workflow/todo', title: 'workflow:web.menu', page: lazy(() => import('./pages/todo-page.tsx')) }],
  locales: { 'zh-CN': zh, en },
});
