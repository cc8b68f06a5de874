import { api, type PageOf } from '#ui';
import type { CreateOrgBody, Org, UpdateOrgBody } from '../contract/org.schema.ts';

export type { Org, CreateOrgBody, UpdateOrgBody };

/** Children come in pages of this size; a county may hold thousands of schools. */
export const CHILD_PAGE_SIZE = 200;
export const SEARCH_PAGE_SIZE = 20;

export interface Activation {
  org: Org;
  affected: number;
}

/** Typed calls to the org API (core/orgs/server/org.routes.ts). */
export const orgApi = {
  roots: () => api.get<Org[]>('/api/orgs/roots'),
  get: (id: string) => api.get<Org>(`/api/orgs/${encodeURIComponent(id)}`),
  // Deactivated children stay in the tree (greyed) so they can be reactivated; childCount counts them too.
  children: (id: string, page: number) =>
    api.get<PageOf<Org>>(`/api/orgs/${encodeURIComponent(id)}/children`, { page, pageSize: CHILD_PAGE_SIZE, includeInactive: true }),
  search: (query: { q?: string; within?: string; page?: number; pageSize?: number; includeInactive?: boolean }) =>
    api.get<PageOf<Org>>('/api/orgs', { pageSize: SEARCH_PAGE_SIZE, ...query }),
  /** How many orgs a subtree holds, the org itself included (active ones only unless asked). */
  subtreeSize: async (id: string, includeInactive: boolean) =>
    (await api.get<PageOf<Org>>('/api/orgs', { within: id, includeInactive, pageSize: 1 })).total,
  create: (body: CreateOrgBody) => api.post<Org>('/api/orgs', body),
  update: (id: string, body: UpdateOrgBody) => api.patch<Org>(`/api/orgs/${encodeURIComponent(id)}`, body),
  move: (id: string, parentId: string) => api.post<Org>(`/api/orgs/${encodeURIComponent(id)}/move`, { parentId }),
  setActive: (id: string, active: boolean) =>
    api.post<Activation>(`/api/orgs/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`),
  exportSubtree: (within: string, lang?: 'en') => api.download('/api/orgs/export', { within, lang }, 'orgs.xlsx'),
};

/** The ids on an org's path, from the root down to the org itself. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);
