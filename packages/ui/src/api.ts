/** A problem+json answer from the server (RFC 9457) with EduCloud's stable `code`. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token, sent on every state-changing request. Set by the session provider. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

let onUnauthenticated: ((error: ApiError) => void) | null = null;
/**
 * Called when the server answers 401 to a signed-in console (session expired elsewhere, or ended
 * by the server, e.g. too many wrong TOTP codes); the error says which.
 */
export const setUnauthenticatedHandler = (fn: ((error: ApiError) => void) | null) => {
  onUnauthenticated = fn;
};

let onSessionStepNeeded: (() => void) | null = null;
/**
 * Called when the server says the session must go back through a sign-in step (its user was
 * granted an administrative role and owes a second factor, or owes a password change): the
 * session gate asks who is signed in again and shows that step.
 */
export const setSessionStepHandler = (fn: (() => void) | null) => {
  onSessionStepNeeded = fn;
};
const SESSION_STEP_CODES = new Set(['auth.mfa_required', 'auth.mfa_enrolment_required', 'auth.password_change_required']);

async function request<T>(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    ...init,
  });
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const payload = isJson ? await res.json() : null;
  if (!res.ok) {
    const problem: Problem =
      payload && typeof payload === 'object' && 'code' in payload
        ? (payload as Problem)
        : { status: res.status, code: res.status >= 500 ? 'internal' : 'request.invalid' };
    const error = new ApiError(problem);
    if (res.status === 401 && onUnauthenticated && !url.startsWith('/api/auth/login')) onUnauthenticated(error);
    if (res.status === 403 && SESSION_STEP_CODES.has(problem.code) && onSessionStepNeeded) onSessionStepNeeded();
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T = void>(url: string) => request<T>('DELETE', url),
  /** Downloads a file (e.g. an XLSX export) through the browser, keeping the server's file name. */
  async download(url: string, query?: Query, fallbackName = 'export.xlsx'): Promise<void> {
    const res = await fetch(withQuery(url, query), { credentials: 'same-origin' });
    if (!res.ok) {
      const problem = (res.headers.get('content-type') ?? '').includes('json')
        ? await res.json()
        : { status: res.status, code: 'internal' };
      throw new ApiError(problem as Problem);
    }
    const disposition = res.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const name = match ? decodeURIComponent(match[1]) : fallbackName;
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(href);
  },
};

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalCapped?: boolean;
}
