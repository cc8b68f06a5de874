import { Type, type Static, type TSchema } from 'typebox';
import { BoundedInteger, INT32_MAX, PageQuery } from '#kernel';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const WORKFLOW_STATES = ['in_progress', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export const OPERATIONS = [
  'submit',
  'approve',
  'reject',
  'return',
  'withdraw',
  'resubmit',
  'add_signer',
  'transfer',
  'escalate',
  'remind',
] as const;
export const STEP_STATUSES = ['skipped', 'done', 'current', 'returned', 'rejected', 'pending'] as const;
export const TASK_KINDS = ['org', 'user', 'applicant'] as const;

export const LabelSchema = Type.Object({ zh: Type.String(), en: Type.String() });
export const WorkflowStateSchema = Type.Enum(WORKFLOW_STATES);
export const OperationSchema = Type.Enum(OPERATIONS);

/** An instance as lists show it: the record under review and where its review stands. */
export const InstanceSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: '每次办理加一；办理时须带回所见的版本' }),
  definitionId: Type.String(),
  definitionLabel: LabelSchema,
  subjectType: Type.String(),
  subjectId: Type.String(),
  title: Type.String(),
  link: Nullable(Type.String()),
  orgId: Type.String(),
  orgName: Type.String(),
  applicantId: Type.String(),
  applicantName: Type.String(),
  state: WorkflowStateSchema,
  stepId: Nullable(Type.String()),
  stepLabel: Nullable(LabelSchema),
  actingOrgId: Nullable(Type.String()),
  actingOrgName: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  isOverdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type InstanceSummary = Static<typeof InstanceSummary>;

export const StepView = Type.Object({
  id: Type.String(),
  label: LabelSchema,
  level: Type.String(),
  orgId: Nullable(Type.String()),
  orgName: Nullable(Type.String()),
  countersignRule: Nullable(Type.String()),
  deadlineHours: Nullable(Type.Number()),
  dueWorkingDays: Nullable(Type.Integer()),
  status: Type.Enum(STEP_STATUSES),
});
export type StepView = Static<typeof StepView>;

export const TaskView = Type.Object({
  id: Type.String(),
  kind: Type.Enum(TASK_KINDS),
  origin: Type.String(),
  orgName: Nullable(Type.String()),
  userName: Nullable(Type.String()),
  status: Type.String(),
  decision: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
});
export type TaskView = Static<typeof TaskView>;

export const HistoryEntry = Type.Object({
  seq: Type.Integer(),
  operation: OperationSchema,
  stepId: Nullable(Type.String()),
  fromStep: Nullable(Type.String()),
  toStep: Nullable(Type.String()),
  actorName: Type.String(),
  at: Type.String(),
  comment: Nullable(Type.String()),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  targetUserName: Nullable(Type.String()),
  targetOrgName: Nullable(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const InstanceActions = Type.Object({
  approve: Type.Boolean(),
  reject: Type.Boolean(),
  return: Type.Boolean(),
  withdraw: Type.Boolean(),
  resubmit: Type.Boolean(),
  addSigner: Type.Boolean(),
  transfer: Type.Boolean(),
  /** Where 退回 may send it: earlier steps (nearest first), then 'applicant'. */
  returnTargets: Type.Array(Type.String()),
});
export type InstanceActions = Static<typeof InstanceActions>;

export const InstanceDetail = Type.Object({
  instance: InstanceSummary,
  steps: Type.Array(StepView),
  /** The assignees of the current step and how each decided. */
  tasks: Type.Array(TaskView),
  history: Type.Array(HistoryEntry),
  actions: InstanceActions,
});
export type InstanceDetail = Static<typeof InstanceDetail>;

export const TodoItem = Type.Object({
  taskId: Type.String(),
  kind: Type.Enum(TASK_KINDS),
  origin: Type.String(),
  assignedAt: Type.String(),
  instance: InstanceSummary,
});
export type TodoItem = Static<typeof TodoItem>;

export const DoneItem = Type.Object({
  lastOperation: OperationSchema,
  lastActedAt: Type.String(),
  instance: InstanceSummary,
});
export type DoneItem = Static<typeof DoneItem>;

export const DefinitionInfo = Type.Object({
  id: Type.String(),
  label: LabelSchema,
  steps: Type.Array(Type.Object({ id: Type.String(), label: LabelSchema, level: Type.String() })),
});
export type DefinitionInfo = Static<typeof DefinitionInfo>;

export const Candidate = Type.Object({ id: Type.String(), account: Type.String(), name: Type.String(), orgName: Type.String() });
export type Candidate = Static<typeof Candidate>;

export const ListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    definitionId: Type.Optional(Type.String({ maxLength: 100 })),
  }),
]);
export type ListQuery = Static<typeof ListQuery>;

export const CandidateQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })) });
export type CandidateQuery = Static<typeof CandidateQuery>;

const Version = BoundedInteger({
  minimum: 1,
  maximum: INT32_MAX,
  description: '所见的实例版本；实例已被他人办理时返回 409 workflow.instance_changed',
});
const Comment = Type.String({ maxLength: 2000 });
const FileIds = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, description: '先经 POST /api/files 上传的附件' });

export const ApproveBody = Type.Object(
  { version: Version, comment: Type.Optional(Comment), fileIds: Type.Optional(FileIds) },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const RejectBody = Type.Object(
  { version: Version, comment: Comment, fileIds: Type.Optional(FileIds) },
  { additionalProperties: false },
);
export type RejectBody = Static<typeof RejectBody>;

export const ReturnBody = Type.Object(
  {
    version: Version,
    to: Type.String({ maxLength: 60, description: "'previous'、'applicant' 或较早步骤的 id" }),
    comment: Comment,
    fileIds: Type.Optional(FileIds),
  },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

export const WithdrawBody = Type.Object({ version: Version, comment: Type.Optional(Comment) }, { additionalProperties: false });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const ResubmitBody = ApproveBody;
export type ResubmitBody = ApproveBody;

export const AssignBody = Type.Object(
  { version: Version, userId: Type.String({ maxLength: 40 }), comment: Type.Optional(Comment) },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;
