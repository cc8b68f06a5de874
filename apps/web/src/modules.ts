import type { WebModule } from '#ui/web-module.ts';
import { workflowWeb } from '#core/workflow/web/index.ts';
import { orgsWeb } from '#core/orgs/web/index.ts';
import { usersWeb } from '#core/users/web/index.ts';
import { accessWeb } from '#core/access/web/index.ts';
import { auditWeb } from '#core/audit/web/index.ts';
import { notifyWeb } from '#core/notify/web/index.ts';
import { jobsWeb } from '#core/jobs/web/index.ts';
import { eventsWeb } from '#core/events/web/index.ts';
import { authWeb } from '#core/auth/web/index.ts';
import { workPlanWeb } from '../../../modules/work-plan/web/index.ts';
import { campaignsWeb } from '../../../modules/campaigns/web/index.ts';
// @new-module:import (npm run new-module adds its import above this line)

/** The console's enabled modules, in menu order. The only list of them in the console. */
export const webModules: WebModule[] = [
  workflowWeb,
  workPlanWeb,
  campaignsWeb,
  // @new-module:entry (npm run new-module adds its console module above this line)
  orgsWeb,
  usersWeb,
  accessWeb,
  auditWeb,
  jobsWeb,
  eventsWeb,
  authWeb,
  notifyWeb,
];
