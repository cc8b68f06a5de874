import { defineModule } from '#kernel';
import { AccessPermissions } from './contract/permissions.ts';
import { registerAccessRoutes } from './server/access.routes.ts';
import { syncBuiltinRoles } from './server/access.service.ts';
import { PermissionRegistry } from './server/permission-registry.ts';

export const accessModule = defineModule({
  id: 'access',
  tablePrefix: 'core',
  dependsOn: ['orgs', 'users'],
  permissions: [
    { id: AccessPermissions.readRoles, label: { zh: '查看角色', en: 'View roles' } },
    { id: AccessPermissions.manageRoles, label: { zh: '管理自定义角色', en: 'Manage custom roles' } },
    { id: AccessPermissions.readGrants, label: { zh: '查看授权', en: 'View grants' } },
    { id: AccessPermissions.manageGrants, label: { zh: '授予和撤销角色', en: 'Grant and revoke roles' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: [AccessPermissions.readRoles, AccessPermissions.readGrants, AccessPermissions.manageGrants] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  // Every enabled module's permissions and built-in role grants; a malformed declaration stops start-up.
  createService: (host) => ({ permissions: new PermissionRegistry([...host.modules]) }),
  routes: (app) => registerAccessRoutes(app),
  seed: (ctx) => syncBuiltinRoles(ctx),
});
