import { defineModule } from '#kernel';
import { IndicatorPermissions } from './contract/permissions.ts';
import { registerIndicatorRoutes } from './server/indicator.routes.ts';
import { indicatorPort } from './server/indicator.service.ts';

/** The registry of named measures that modules declare (`indicators` in a manifest). */
export const indicatorsModule = defineModule({
  id: 'indicators',
  tablePrefix: 'core',
  permissions: [{ id: IndicatorPermissions.read, label: { zh: '查看指标', en: 'View indicators' } }],
  roleGrants: [
    { role: 'org_admin', permissions: [IndicatorPermissions.read] },
    { role: 'reviewer', permissions: [IndicatorPermissions.read] },
    { role: 'data_steward', permissions: [IndicatorPermissions.read] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  createService: () => indicatorPort,
  routes: (app) => registerIndicatorRoutes(app),
});
