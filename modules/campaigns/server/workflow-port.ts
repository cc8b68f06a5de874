import type { Ctx } from '#kernel';
import { WorkflowService, type WorkflowPort } from '#core/workflow/contract/workflow.service.ts';

/** core/workflow's engine, as the platform started it. */
export const workflow = (ctx: Ctx): WorkflowPort => ctx.service(WorkflowService);
