import type { Ctx } from './ctx.ts';
import type { Label } from './module.ts';

/**
 * Where a review step acts, found from the ancestors of the org the reviewed record belongs to:
 * the record's own org, or the nearest education authority of that level above it.
 */
export type WorkflowLevel = 'applicant_org' | 'county' | 'city' | 'province' | 'ministry';

/** How a step with several signers (会签) decides: every one, more than half, or the first. */
export type CountersignRule = 'all' | 'majority' | 'any';

export interface WorkflowStep {
  /** Unique in the definition, e.g. 'county'. */
  id: string;
  label: Label;
  level: WorkflowLevel;
  /** Who acts: users holding this permission through a grant on the step's org itself. */
  permission: string;
  /** Hours the step may stay open before it is escalated to the level above. */
  deadlineHours?: number;
  /**
   * Working days the step may stay open instead (期限 as notices state them, "10 个工作日"): due at
   * the end of the n-th working day after entry, Beijing time, public holidays skipped
   * (working-days.ts). Takes precedence over `deadlineHours`.
   */
  dueWorkingDays?: number;
  /** A reminder goes to the step's assignees this many hours before its deadline. */
  reminderHoursBefore?: number;
  /** 会签: every holder of the permission on the org gets a vote, decided by the rule. */
  countersign?: { rule: CountersignRule };
}

export type WorkflowState = 'in_progress' | 'returned' | 'approved' | 'rejected' | 'withdrawn';

export type WorkflowOperation =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'return'
  | 'withdraw'
  | 'resubmit'
  | 'add_signer'
  | 'transfer'
  | 'escalate'
  | 'remind';

/** What the owning module hears when an instance changes step or state. */
export interface WorkflowTransition {
  instanceId: string;
  definitionId: string;
  subjectType: string;
  subjectId: string;
  orgId: string;
  operation: WorkflowOperation;
  fromStep: string | null;
  toStep: string | null;
  state: WorkflowState;
}

/**
 * A review process a module declares in its manifest (`workflows`). Steps run in order, each
 * acting at its level of the org tree above the record; a level the record has no authority at
 * (a school directly under a city, a municipality without cities) or listed in `skipLevels`
 * is skipped. Ids are `<module>.<what>`.
 */
export interface WorkflowDefinition {
  id: string;
  label: Label;
  steps: WorkflowStep[];
  skipLevels?: WorkflowLevel[];
  /**
   * Called inside the operation's transaction after every change of step or state, so the
   * owning record changes atomically with the instance; throwing undoes the operation.
   */
  onTransition?(ctx: Ctx, change: WorkflowTransition): Promise<void>;
}
