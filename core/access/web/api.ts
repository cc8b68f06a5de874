import { api, ApiError } from '#ui';
import type { PermissionInfo, Role, RoleBody, RolePatch } from '../contract/access.schema.ts';

export type { PermissionInfo, Role, RoleBody, RolePatch };

const roleUrl = (id: string) => `/api/access/roles/${encodeURIComponent(id)}`;

/** The HTTP calls behind the roles page; the types come from the contract the server validates with. */
export const accessApi = {
  roles: () => api.get<Role[]>('/api/access/roles'),
  permissions: () => api.get<PermissionInfo[]>('/api/access/permissions'),
  createRole: (body: RoleBody) => api.post<Role>('/api/access/roles', body),
  updateRole: (id: string, body: RolePatch) => api.patch<Role>(roleUrl(id), body),
  deleteRole: (id: string) => api.delete(roleUrl(id)),
};

/** Names the form field a problem is about when the server's params do not, so the form can mark it. */
export function onField(error: unknown, code: string, field: string): never {
  if (error instanceof ApiError && error.code === code && !error.problem.params?.field) {
    throw new ApiError({ ...error.problem, params: { ...error.problem.params, field } });
  }
  throw error;
}
