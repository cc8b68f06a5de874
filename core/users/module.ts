import { defineModule } from '#kernel';
import { UserPermissions } from './contract/permissions.ts';
import { registerUserRoutes } from './server/user.routes.ts';
import { userIndicators } from './server/user.indicators.ts';

export const usersModule = defineModule({
  id: 'users',
  tablePrefix: 'core',
  // ID-number probing alerts go out through core/notify at run time (ctx.service); notify reads users, so it starts after.
  dependsOn: ['orgs', 'audit'],
  permissions: [
    { id: UserPermissions.read, label: { zh: '查看用户', en: 'View users' } },
    { id: UserPermissions.create, label: { zh: '新建用户', en: 'Create users' } },
    { id: UserPermissions.update, label: { zh: '修改和停用用户', en: 'Edit and disable users' } },
    { id: UserPermissions.resetPassword, label: { zh: '重置密码', en: 'Reset passwords' } },
    { id: UserPermissions.unlock, label: { zh: '解除锁定', en: 'Unlock accounts' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: Object.values(UserPermissions) },
    { role: 'reviewer', permissions: [UserPermissions.read] },
  ],
  indicators: userIndicators,
  orgPathColumns: [{ table: 'core_users', column: 'org_path' }],
  migrationsDir: new URL('./migrations/', import.meta.url),
  routes: (app) => registerUserRoutes(app),
});
