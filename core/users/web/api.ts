import { api, type PageOf } from '#ui';
import type { CreateUserBody, UpdateUserBody, User } from '../contract/user.schema.ts';
import type { Grant, GrantBody, Role } from '#core/access/contract/access.schema.ts';
import type { Org } from '#core/orgs/contract/org.schema.ts';

export type { CreateUserBody, Grant, Org, Role, UpdateUserBody, User };

const userUrl = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** The HTTP calls behind the users pages; the types come from the contracts the server validates with. */
export const usersApi = {
  listUrl: '/api/users',
  exportUrl: '/api/users/export',
  create: (body: CreateUserBody) => api.post<{ user: User; initialPassword?: string }>('/api/users', body),
  update: (id: string, body: UpdateUserBody) => api.patch<User>(userUrl(id), body),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`${userUrl(id)}/reset-password`),
  unlock: (id: string) => api.post<User>(`${userUrl(id)}/unlock`),
  searchOrgs: (q: string, within: string) => api.get<PageOf<Org>>('/api/orgs', { q, within, pageSize: 20 }),
  grantsOf: (userId: string) => api.get<PageOf<Grant>>('/api/access/grants', { userId, pageSize: 200 }),
  roles: () => api.get<Role[]>('/api/access/roles'),
  grant: (body: GrantBody) => api.post<Grant>('/api/access/grants', body),
  revoke: (grantId: string) => api.delete(`/api/access/grants/${encodeURIComponent(grantId)}`),
};

/** Drops empty optional text fields: the server reads an absent password as "generate one". */
export function withoutEmpty<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => !(v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))),
  ) as T;
}
