import { defineModule } from '#kernel';
import { workPlanCommands } from './cli/commands.ts';

export const workPlanModule = defineModule({
  id: 'work-plan',
  tablePrefix: 'wp',
  dependsOn: ['orgs'],
  cli: workPlanCommands,
});
