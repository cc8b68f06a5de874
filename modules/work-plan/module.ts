import { readFileSync } from 'node:fs';
import { defineModule } from '#kernel';
import { workPlanCommands } from './cli/commands.ts';
import { ReportPermissions, WorkPlanPermissions } from './contract/permissions.ts';
import { registerReportRoutes } from './server/report.routes.ts';
import { registerPlanEditRoutes } from './server/plan-edit.routes.ts';
import { REPORT_OWNER_TYPE } from './server/report-files.ts';
import { canReadReport } from './server/report.service.ts';
import { FileService } from '#core/files/contract/file.service.ts';
import { FilePermissions } from '#core/files/contract/permissions.ts';
import { registerPlanRoutes } from './server/plan.routes.ts';
import { seedPlan } from './server/plan.service.ts';
import { WorkPlanEvents } from './contract/events.ts';
import { notifyReporter, notifyReviewers } from './server/report-notices.ts';

const SEED_PLAN = new URL('./seed/2020-education-informatization-work-plan.txt', import.meta.url);

export const workPlanModule = defineModule({
  id: 'work-plan',
  tablePrefix: 'wp',
  dependsOn: ['orgs', 'indicators', 'files', 'notify'],
  permissions: [
    { id: WorkPlanPermissions.read, label: { zh: '查看工作要点', en: 'View work plans' } },
    { id: WorkPlanPermissions.import, label: { zh: '导入工作要点', en: 'Import work plans' } },
    { id: WorkPlanPermissions.update, label: { zh: '修改工作要点', en: 'Edit work plans' } },
    { id: WorkPlanPermissions.mapUnits, label: { zh: '对应责任单位', en: 'Map responsible units' } },
    { id: ReportPermissions.submit, label: { zh: '报送任务进展', en: 'Report task progress' } },
    { id: ReportPermissions.review, label: { zh: '审阅进展报告', en: 'Review progress reports' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: [...Object.values(WorkPlanPermissions), ...Object.values(ReportPermissions)] },
    { role: 'reviewer', permissions: [WorkPlanPermissions.read, ReportPermissions.review, ReportPermissions.submit] },
    // A unit's report carries evidence files, so whoever reports may upload them.
    { role: 'reviewer', permissions: [FilePermissions.upload] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  events: WorkPlanEvents,
  // Reports reach people after the report's transaction commits, retried if the inbox is unavailable.
  subscribers: [notifyReviewers, notifyReporter],
  orgPathColumns: [
    { table: 'wp_plans', column: 'org_path' },
    { table: 'wp_reports', column: 'org_path' },
  ],
  // Whoever may read a report (the issuer's readers, the reporting unit) may download its evidence.
  createService: (host) => {
    host.service(FileService).registerOwnerPolicy(REPORT_OWNER_TYPE, canReadReport);
    return {};
  },
  routes: (app) => {
    registerPlanRoutes(app);
    registerReportRoutes(app);
    registerPlanEditRoutes(app);
  },
  seed: (ctx) => seedPlan(ctx, readFileSync(SEED_PLAN, 'utf8')),
  cli: workPlanCommands,
});
