import { defineModule } from '#kernel';
import { pruneSessionsJob } from './server/prune-sessions.ts';
import { AuthPermissions } from './contract/permissions.ts';

/** Sign-in, sessions, CSRF, the second factor and API tokens. Its hooks and routes are wired by the server. */
export const authModule = defineModule({
  id: 'auth',
  tablePrefix: 'core',
  dependsOn: ['users', 'access'],
  permissions: [{ id: AuthPermissions.manageTokens, label: { zh: '管理服务账号的 API 令牌', en: "Manage service accounts' API tokens" } }],
  roleGrants: [{ role: 'org_admin', permissions: [AuthPermissions.manageTokens] }],
  migrationsDir: new URL('./migrations/', import.meta.url),
  jobs: [pruneSessionsJob],
});
