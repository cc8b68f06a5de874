import { createElement, lazy } from 'react';
import { FormOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

// Organisers, readers, recommenders and applicants all have campaigns to see; experts work from 专家评审.
const TAKES_PART = [
  'campaigns.campaign.manage',
  'campaigns.campaign.read',
  'campaigns.application.recommend',
  'campaigns.application.submit',
];

export const campaignsWeb = defineWebModule({
  id: 'campaigns',
  menu: [
    { path: '/campaigns', label: 'campaigns:web.menu', icon: createElement(TrophyOutlined), permission: TAKES_PART, order: 3 },
    {
      path: '/campaigns/mine',
      label: 'campaigns:web.mine.menu',
      icon: createElement(FormOutlined),
      permission: 'campaigns.application.submit',
      order: 4,
    },
    {
      path: '/campaigns/reviews',
      label: 'campaigns:web.reviews.menu',
      icon: createElement(StarOutlined),
      permission: 'campaigns.review.score',
      order: 5,
    },
  ],
  routes: [
    { path: '/campaigns', title: 'campaigns:web.menu', permission: TAKES_PART, page: lazy(() => import('./pages/campaign-list-page.tsx')) },
    {
      path: '/campaigns/mine',
      title: 'campaigns:web.mine.menu',
      permission: 'campaigns.application.submit',
      page: lazy(() => import('./pages/my-applications-page.tsx')),
    },
    {
      path: '/campaigns/reviews',
      title: 'campaigns:web.reviews.menu',
      permission: 'campaigns.review.score',
      page: lazy(() => import('./pages/my-reviews-page.tsx')),
    },
    // Experts reach a campaign too (the server decides what each may see there).
    { path: '/campaigns/:id', title: 'campaigns:web.menu', page: lazy(() => import('./pages/campaign-page.tsx')) },
  ],
  publicRoutes: [
    { path: '/public/campaigns/:id', title: 'campaigns:web.public.title', page: lazy(() => import('./pages/public-list-page.tsx')) },
    {
      path: '/public/certificates',
      title: 'campaigns:web.public.certificate.title',
      page: lazy(() => import('./pages/certificate-page.tsx')),
    },
  ],
  locales: { 'zh-CN': zh, en },
});
