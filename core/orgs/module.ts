import { defineModule } from '#kernel';
import { OrgPermissions } from './contract/permissions.ts';
import { registerOrgRoutes } from './server/org.routes.ts';
import { seedReferenceOrgs } from './server/org.seed.ts';
import { orgIndicators } from './server/org.indicators.ts';
import { OrgEvents } from './contract/events.ts';
import type { OrgsContract } from './contract/orgs.service.ts';
import { orgDirectory } from './server/org.directory.ts';

export const orgsModule = defineModule({
  id: 'orgs',
  tablePrefix: 'core',
  permissions: [
    { id: OrgPermissions.read, label: { zh: '查看机构', en: 'View orgs' } },
    { id: OrgPermissions.create, label: { zh: '新建机构', en: 'Create orgs' } },
    { id: OrgPermissions.update, label: { zh: '修改机构', en: 'Edit orgs' } },
    { id: OrgPermissions.move, label: { zh: '移动机构', en: 'Move orgs' } },
    { id: OrgPermissions.deactivate, label: { zh: '停用/启用机构', en: 'Deactivate orgs' } },
    { id: OrgPermissions.import, label: { zh: '批量导入机构', en: 'Import orgs' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: Object.values(OrgPermissions) },
    { role: 'reviewer', permissions: [OrgPermissions.read] },
    { role: 'expert', permissions: [OrgPermissions.read] },
    { role: 'security_officer', permissions: [OrgPermissions.read] },
    { role: 'data_steward', permissions: [OrgPermissions.read] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  indicators: orgIndicators,
  events: OrgEvents,
  routes: (app) => registerOrgRoutes(app),
  createService: (): OrgsContract => orgDirectory,
  seed: async (ctx) => {
    await seedReferenceOrgs(ctx);
  },
});
