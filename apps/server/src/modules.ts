import type { ModuleDefinition } from '#kernel';
import { orgsModule } from '#core/orgs/module.ts';
import { auditModule } from '#core/audit/module.ts';
import { usersModule } from '#core/users/module.ts';
import { accessModule } from '#core/access/module.ts';
import { authModule } from '#core/auth/module.ts';
import { filesModule } from '#core/files/module.ts';
import { workflowModule } from '#core/workflow/module.ts';
import { notifyModule } from '#core/notify/module.ts';
import { indicatorsModule } from '#core/indicators/module.ts';
import { jobsModule } from '#core/jobs/module.ts';
import { eventsModule } from '#core/events/module.ts';
import { workPlanModule } from '../../../modules/work-plan/module.ts';
import { campaignsModule } from '../../../modules/campaigns/module.ts';
// @new-module:import (npm run new-module adds its import above this line)

/** The enabled modules, core first; the host starts them in dependsOn order. The only list of them on the server. */
export const modules: ModuleDefinition[] = [
  orgsModule,
  auditModule,
  usersModule,
  accessModule,
  authModule,
  filesModule,
  notifyModule,
  workflowModule,
  indicatorsModule,
  jobsModule,
  eventsModule,
  workPlanModule,
  campaignsModule,
  // @new-module:entry (npm run new-module adds its module above this line)
];
