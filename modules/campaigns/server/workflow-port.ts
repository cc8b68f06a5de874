import type { WorkflowPort } from '#core/workflow/contract/workflow.service.ts';

let port: WorkflowPort | undefined;

/** The host hands over the workflow engine when the module's routes are registered. */
export function installWorkflowPort(p: WorkflowPort): void {
  port = p;
}

export function workflow(): WorkflowPort {
  if (!port) throw new Error('campaigns: the workflow service was not installed');
  return port;
}
