import { api } from '#ui';

export interface PlanSummary { id: string; title: string; year: number | null; issuer: string | null; orgId: string; orgName: string; taskCount: number; targetCount: number; createdAt: string }
export interface UnitView { name: string; kind: 'org' | 'org_types' | 'unmapped'; orgId: string | null; orgName: string | null; orgTypes: string[] }
export interface TargetView { id: string; count: number; max: number | null; unit: string; object: string; bound: string; source: string; indicatorId: string | null; dueDate: string | null }
export interface TaskView { id: string; number: number; title: string; dueDate: string | null; paragraphs: Array<{ id: string; text: string; units: UnitView[] }>; targets: TargetView[] }
export interface PlanDetail {
  id: string; title: string; year: number | null; issuer: string | null; orgId: string; approach: string;
  goals: Array<{ ordinal: number; title: string; text: string }>;
  areas: Array<{ id: string; ordinal: number; title: string; tasks: TaskView[] }>;
}
export interface ImportResult { plan: PlanSummary; unmappedUnits: string[]; warnings: Array<{ line: number; message: string }> }
export interface ParseProblem { line: number; code: string; message: string }

export const planApi = {
  list: () => api.get<PlanSummary[]>('/api/work-plan/plans'),
  get: (id: string) => api.get<PlanDetail>(`/api/work-plan/plans/${id}`),
  import: (orgId: string, text: string) => api.post<ImportResult>('/api/work-plan/plans/import', { orgId, text }),
  mapUnit: (body: { scopeOrgId: string; name: string; orgId?: string; orgTypes?: string[] }) => api.put<UnitView>('/api/work-plan/unit-mappings', body),
};
