import { defineModule } from '#kernel';
import { FileService } from '#core/files/contract/file.service.ts';
import type { WorkflowPort } from './contract/workflow.service.ts';
import { sweepDeadlines } from './server/deadline.service.ts';
import { canRead } from './server/engine.ts';
import { findInstanceBySubject, startInstance } from './server/instance.service.ts';
import { HISTORY_FILE_OWNER } from './server/ports.ts';
import { DefinitionRegistry } from './server/definition-registry.ts';
import { registerWorkflowRoutes } from './server/workflow.routes.ts';
import * as repo from './server/workflow.repo.ts';

export const workflowModule = defineModule({
  id: 'workflow',
  tablePrefix: 'core',
  dependsOn: ['orgs', 'users', 'access', 'files', 'notify'],
  migrationsDir: new URL('./migrations/', import.meta.url),
  orgPathColumns: [{ table: 'core_workflow_instances', column: 'org_path' }],
  createService(host): WorkflowPort & { definitions: DefinitionRegistry } {
    // Attachments of a history entry are readable by whoever may read its instance.
    host.service(FileService).registerOwnerPolicy(HISTORY_FILE_OWNER, async (ctx, historyId) => {
      const entry = await repo.findHistory(ctx.db, historyId);
      const inst = entry && (await repo.findInstance(ctx.db, entry.instance_id));
      return !!inst && (await canRead(ctx, inst));
    });
    // Every enabled module's review processes, checked once at start-up.
    return { start: startInstance, findBySubject: findInstanceBySubject, definitions: new DefinitionRegistry(host.modules) };
  },
  routes: (app) => registerWorkflowRoutes(app),
  jobs: [
    {
      id: 'workflow.deadlines',
      label: { zh: '审核时限：到期提醒与逾期上报', en: 'Review deadlines: reminders and escalation' },
      everySeconds: 300,
      run: async (ctx) => {
        const { reminded, escalated } = await sweepDeadlines(ctx);
        return { summary: `reminded ${reminded}, escalated ${escalated}` };
      },
    },
  ],
});
