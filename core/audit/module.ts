import { defineModule } from '#kernel';
import { AuditPermissions } from './contract/permissions.ts';
import { registerAuditRoutes } from './server/audit.routes.ts';
import { auditCheckpointJob } from './server/checkpoint.job.ts';

export const auditModule = defineModule({
  id: 'audit',
  tablePrefix: 'core',
  permissions: [
    { id: AuditPermissions.readEvents, label: { zh: '查看审计记录', en: 'View audit records' } },
    { id: AuditPermissions.verifyChain, label: { zh: '校验审计哈希链', en: 'Verify the audit chain' } },
    { id: AuditPermissions.receiveAlerts, label: { zh: '接收安全告警', en: 'Receive security alerts' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: [AuditPermissions.readEvents] },
    { role: 'security_officer', permissions: [AuditPermissions.readEvents, AuditPermissions.receiveAlerts] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  orgPathColumns: [{ table: 'core_audit_events', column: 'scope_path' }],
  // Hashed into the chain: the path at the time of the record, which a move must not rewrite.
  historicalOrgPathColumns: [{ table: 'core_audit_events', column: 'org_path' }],
  jobs: [auditCheckpointJob],
  routes: (app) => registerAuditRoutes(app),
});
