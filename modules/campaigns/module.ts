import { defineModule } from '#kernel';
import { CampaignPermissions } from './contract/permissions.ts';
import { registerCampaignRoutes } from './server/campaign.routes.ts';
import { registerReviewRoutes } from './server/review.routes.ts';
import { registerOutcomeRoutes } from './server/outcome.routes.ts';
import { recommendationWorkflow } from './server/recommendation.ts';
import { CampaignEvents } from './contract/events.ts';
import { notifyWinners } from './server/outcome-notices.ts';

export const campaignsModule = defineModule({
  id: 'campaigns',
  tablePrefix: 'cp',
  dependsOn: ['orgs', 'users', 'access', 'workflow', 'notify'],
  permissions: [
    { id: CampaignPermissions.manage, label: { zh: '组织评选活动', en: 'Organise selections' } },
    { id: CampaignPermissions.read, label: { zh: '查看评选活动及申报', en: 'View selections and applications' } },
    { id: CampaignPermissions.apply, label: { zh: '参加评选（申报、晒课）', en: 'Apply to selections' } },
    { id: CampaignPermissions.recommend, label: { zh: '逐级推荐申报', en: 'Recommend applications upward' } },
    { id: CampaignPermissions.score, label: { zh: '评审打分', en: 'Score applications' } },
  ],
  roleGrants: [
    {
      role: 'org_admin',
      permissions: [CampaignPermissions.manage, CampaignPermissions.read, CampaignPermissions.apply, CampaignPermissions.recommend],
    },
    { role: 'reviewer', permissions: [CampaignPermissions.read, CampaignPermissions.recommend] },
    { role: 'teacher', permissions: [CampaignPermissions.apply] },
    { role: 'expert', permissions: [CampaignPermissions.score] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  orgPathColumns: [
    { table: 'cp_campaigns', column: 'org_path' },
    { table: 'cp_applications', column: 'org_path' },
    { table: 'cp_experts', column: 'org_path' },
  ],
  workflows: [recommendationWorkflow],
  events: CampaignEvents,
  subscribers: [notifyWinners],
  routes: (app, host) => {
    registerCampaignRoutes(app);
    registerReviewRoutes(app);
    registerOutcomeRoutes(app, host);
  },
});
