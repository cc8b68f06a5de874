import { api, type PageOf } from '#ui';

export interface Label {
  zh: string;
  en: string;
}
export type WorkflowState = 'in_progress' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type Operation =
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

export interface InstanceSummary {
  id: string;
  version: number;
  definitionId: string;
  definitionLabel: Label;
  subjectType: string;
  subjectId: string;
  title: string;
  link: string | null;
  orgId: string;
  orgName: string;
  applicantId: string;
  applicantName: string;
  state: WorkflowState;
  stepId: string | null;
  stepLabel: Label | null;
  actingOrgId: string | null;
  actingOrgName: string | null;
  dueAt: string | null;
  isOverdue: boolean;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
export interface StepView {
  id: string;
  label: Label;
  level: string;
  orgId: string | null;
  orgName: string | null;
  countersignRule: string | null;
  deadlineHours: number | null;
  dueWorkingDays: number | null;
  status: 'skipped' | 'done' | 'current' | 'returned' | 'rejected' | 'pending';
}
export interface TaskView {
  id: string;
  kind: 'org' | 'user' | 'applicant';
  origin: string;
  orgName: string | null;
  userName: string | null;
  status: string;
  decision: string | null;
  decidedByName: string | null;
}
export interface HistoryEntry {
  seq: number;
  operation: Operation;
  stepId: string | null;
  fromStep: string | null;
  toStep: string | null;
  actorName: string;
  at: string;
  comment: string | null;
  files: Array<{ id: string; name: string }>;
  targetUserName: string | null;
  targetOrgName: string | null;
}
export interface InstanceActions {
  approve: boolean;
  reject: boolean;
  return: boolean;
  withdraw: boolean;
  resubmit: boolean;
  addSigner: boolean;
  transfer: boolean;
  returnTargets: string[];
}
export interface InstanceDetail {
  instance: InstanceSummary;
  steps: StepView[];
  tasks: TaskView[];
  history: HistoryEntry[];
  actions: InstanceActions;
}
export interface TodoItem {
  taskId: string;
  kind: 'org' | 'user' | 'applicant';
  origin: string;
  assignedAt: string;
  instance: InstanceSummary;
}
export interface DoneItem {
  lastOperation: Operation;
  lastActedAt: string;
  instance: InstanceSummary;
}
export interface DefinitionInfo {
  id: string;
  label: Label;
  steps: Array<{ id: string; label: Label; level: string }>;
}
export interface Candidate {
  id: string;
  account: string;
  name: string;
  orgName: string;
}

/** The operations the drawer offers, by their path under /api/workflow/instances/:id/. */
export type ActionPath = 'approve' | 'reject' | 'return' | 'withdraw' | 'resubmit' | 'add-signer' | 'transfer';

export interface ActionBody {
  version: number;
  comment?: string;
  to?: string;
  userId?: string;
  fileIds?: string[];
}

export const workflowApi = {
  definitions: () => api.get<DefinitionInfo[]>('/api/workflow/definitions'),
  instance: (id: string) => api.get<InstanceDetail>(`/api/workflow/instances/${id}`),
  candidates: (id: string, q?: string) => api.get<Candidate[]>(`/api/workflow/instances/${id}/candidates`, { q }),
  act: (id: string, action: ActionPath, body: ActionBody) => api.post<InstanceDetail>(`/api/workflow/instances/${id}/${action}`, body),
};

export type { PageOf };
