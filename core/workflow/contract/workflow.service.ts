import { serviceRef } from '#kernel/service.ts';
import type { Ctx, WorkflowLevel } from '#kernel';
import type { InstanceSummary } from './workflow.schema.ts';

export interface StartWorkflowInput {
  /** A definition the calling module declares in its manifest's `workflows`. */
  definitionId: string;
  /** `<module>.<resource>` and the record's id. */
  subjectType: string;
  subjectId: string;
  /** The org the record belongs to; the route is found above it. */
  orgId: string;
  /** What 待办 lists show, e.g. the lesson's name and teacher. */
  title: string;
  /** Console path of the record, opened from the to-do list. */
  link?: string | null;
  comment?: string | null;
  fileIds?: string[];
  /** Levels this review skips on top of the definition's own. */
  skipLevels?: WorkflowLevel[];
}

/** What other modules get from `host.service('workflow')`. */
export interface WorkflowPort {
  /**
   * Submits a record for review with the caller as applicant. The owning module has already
   * checked that the caller may submit it. One active review per record: a second is refused
   * with `workflow.already_in_progress`.
   */
  start(ctx: Ctx, input: StartWorkflowInput): Promise<InstanceSummary>;
  /** The record's active review, else its latest one, else null; the owning module checks who may see it. */
  findBySubject(ctx: Ctx, subjectType: string, subjectId: string): Promise<InstanceSummary | null>;
}

/** The typed handle to core/workflow's contract service. */
export const WorkflowService = serviceRef<WorkflowPort>('workflow');
