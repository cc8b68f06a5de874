import { api } from '#ui';

export interface PlanSummary {
  id: string;
  title: string;
  year: number | null;
  issuer: string | null;
  orgId: string;
  orgName: string;
  taskCount: number;
  targetCount: number;
  createdAt: string;
}
export interface UnitView {
  name: string;
  kind: 'org' | 'org_types' | 'unmapped';
  orgId: string | null;
  orgName: string | null;
  orgTypes: string[];
}
export interface TargetView {
  id: string;
  count: number;
  max: number | null;
  unit: string;
  object: string;
  bound: string;
  source: string;
  indicatorId: string | null;
  dueDate: string | null;
}
export interface TaskView {
  id: string;
  number: number;
  title: string;
  dueDate: string | null;
  paragraphs: Array<{ id: string; text: string; units: UnitView[] }>;
  targets: TargetView[];
}
export interface PlanDetail {
  id: string;
  title: string;
  year: number | null;
  issuer: string | null;
  orgId: string;
  approach: string;
  goals: Array<{ ordinal: number; title: string; text: string }>;
  areas: Array<{ id: string; ordinal: number; title: string; tasks: TaskView[] }>;
}
export interface ImportResult {
  plan: PlanSummary;
  unmappedUnits: string[];
  warnings: ParseProblem[];
}
export interface ParseProblem {
  line: number;
  code: string;
  params: Record<string, unknown>;
}

export const planApi = {
  list: () => api.get<PlanSummary[]>('/api/work-plan/plans'),
  get: (id: string) => api.get<PlanDetail>(`/api/work-plan/plans/${id}`),
  import: (orgId: string, text: string) => api.post<ImportResult>('/api/work-plan/plans/import', { orgId, text }),
  mapUnit: (body: { scopeOrgId: string; name: string; orgId?: string; orgTypes?: string[] }) =>
    api.put<UnitView>('/api/work-plan/unit-mappings', body),
};

export type TargetBound = 'exact' | 'at_least' | 'at_most' | 'approximate' | 'range';
export interface TargetInput {
  count: number;
  max?: number | null;
  unit: string;
  object: string;
  bound: TargetBound;
  dueDate?: string | null;
  indicatorId?: string | null;
}
export interface IndicatorInfo {
  id: string;
  name: { zh: string; en: string };
  unit: string;
}

export const planEditApi = {
  updateTask: (taskId: string, body: { title?: string; dueDate?: string | null }) =>
    api.patch<void>(`/api/work-plan/tasks/${taskId}`, body),
  createTarget: (taskId: string, body: TargetInput) => api.post<{ id: string }>(`/api/work-plan/tasks/${taskId}/targets`, body),
  updateTarget: (targetId: string, body: Partial<TargetInput>) => api.patch<void>(`/api/work-plan/targets/${targetId}`, body),
  deleteTarget: (targetId: string) => api.delete(`/api/work-plan/targets/${targetId}`),
  indicators: () => api.get<IndicatorInfo[]>('/api/indicators'),
};

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'late';
export interface TaskProgress {
  taskId: string;
  number: number;
  title: string;
  planId: string;
  planTitle: string;
  dueDate: string | null;
  status: TaskStatus;
  reportCount: number;
  canReview: boolean;
  targets: Array<{
    id: string;
    count: number;
    max: number | null;
    unit: string;
    object: string;
    bound: string;
    value: number | null;
    isMet: boolean;
    share: number;
    indicatorId: string | null;
  }>;
}
export interface ReportView {
  id: string;
  taskId: string;
  orgId: string;
  orgName: string;
  reportDate: string;
  text: string;
  isComplete: boolean;
  status: 'submitted' | 'accepted' | 'returned';
  reviewComment: string | null;
  figures: Array<{ targetId: string; value: number | null }>;
  files: Array<{ id: string; name: string; size: number }>;
  createdAt: string;
}

export const reportApi = {
  myTasks: () => api.get<TaskProgress[]>('/api/work-plan/my-tasks'),
  progress: (taskId: string) => api.get<TaskProgress>(`/api/work-plan/tasks/${taskId}/progress`),
  reports: (taskId: string) => api.get<ReportView[]>(`/api/work-plan/tasks/${taskId}/reports`),
  submit: (
    taskId: string,
    body: {
      orgId: string;
      reportDate: string;
      text: string;
      isComplete?: boolean;
      figures?: Array<{ targetId: string; value: number | null }>;
      fileIds?: string[];
    },
  ) => api.post<ReportView>(`/api/work-plan/tasks/${taskId}/reports`, body),
  review: (reportId: string, decision: 'accept' | 'return', comment?: string) =>
    api.post<ReportView>(`/api/work-plan/reports/${reportId}/review`, { decision, comment }),
};

export type StatusCounts = Record<TaskStatus, number>;
export interface PlanDashboard {
  planId: string;
  title: string;
  totals: StatusCounts;
  byArea: Array<{ areaId: string; ordinal: number; title: string; counts: StatusCounts }>;
  byUnit: Array<{ name: string; tasks: number; counts: StatusCounts }>;
  tasks: Array<{
    taskId: string;
    number: number;
    title: string;
    areaOrdinal: number;
    status: TaskStatus;
    dueDate: string | null;
    share: number;
    units: string[];
  }>;
}
export const dashboardApi = { get: (planId: string) => api.get<PlanDashboard>(`/api/work-plan/plans/${planId}/dashboard`) };

export interface PlanComparison {
  current: { id: string; title: string; year: number | null };
  previous: { id: string; title: string; year: number | null };
  continuing: number;
  matches: Array<{
    current: { id: string; number: number; title: string };
    previous: { id: string; number: number; title: string } | null;
    similarity: number;
    targetChanges: Array<{ object: string; unit: string; before: number | null; after: number | null }>;
  }>;
}
export const compareApi = {
  get: (planId: string, previousId: string) => api.get<PlanComparison>(`/api/work-plan/plans/${planId}/compare`, { with: previousId }),
};
