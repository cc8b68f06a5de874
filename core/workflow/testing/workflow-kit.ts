import type { Kysely } from 'kysely';
import type { Ctx, CtxFactory, Host } from '#kernel';
import { resolveAccess } from '#core/access/server/access.resolve.ts';
import { createOrg } from '#core/orgs/server/org.service.ts';
import type { StartWorkflowInput, WorkflowPort } from '../contract/workflow.service.ts';
import type { InstanceSummary } from '../contract/workflow.schema.ts';

/*
 * Builders for the engine's integration tests. Typed by shape rather than by the server's
 * harness, which only test files may import.
 */
export interface KitResponse {
  statusCode: number;
  body: string;
  json(): any;
}
export interface KitSession {
  account: string;
  userId: string;
  request(method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>): Promise<KitResponse>;
}
export interface KitHarness {
  orgId(code: string): Promise<string>;
  system(): Ctx;
  makeUser(o: { account: string; orgCode: string; roles?: string[]; realName?: string }): Promise<{ id: string }>;
  signIn(account: string): Promise<KitSession>;
  platform: { makeCtx: CtxFactory; host: Host; database: { db: Kysely<any> } };
}

/** A school under the org with `parentCode`; returns its code. */
export async function makeSchool(h: KitHarness, parentCode: string, code: string, name = '测试小学'): Promise<string> {
  await createOrg(h.system(), { parentId: await h.orgId(parentCode), code, name, type: 'school', stage: 'primary' });
  return code;
}

/** A signed-in user holding `roles` on the org with `orgCode`. */
export async function person(h: KitHarness, account: string, orgCode: string, roles: string[], realName = account): Promise<KitSession> {
  await h.makeUser({ account, orgCode, roles, realName });
  return h.signIn(account);
}

/** A Ctx acting as the session's user with their real grants, for calling the engine's port. */
export async function ctxOf(h: KitHarness, s: KitSession): Promise<Ctx> {
  return h.platform.makeCtx({
    actor: { kind: 'user', id: s.userId, name: s.account },
    access: await resolveAccess(h.platform.database.db, s.userId),
  });
}

/** Submits a record for review through the port other modules use, as `applicant`. */
export async function submit(
  h: KitHarness,
  applicant: KitSession,
  input: Omit<StartWorkflowInput, 'subjectType' | 'title'> & Partial<StartWorkflowInput>,
): Promise<InstanceSummary> {
  const port = h.platform.host.service<WorkflowPort>('workflow');
  return port.start(await ctxOf(h, applicant), { subjectType: 'review-fixture.application', title: `申报 ${input.subjectId}`, ...input });
}

/** The instance as `s` sees it (throws when they cannot). */
export async function detail(s: KitSession, id: string): Promise<any> {
  const res = await s.request('GET', `/api/workflow/instances/${id}`);
  if (res.statusCode !== 200) throw new Error(`${s.account} cannot read ${id}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Performs an operation at the instance's current version (or the one given). */
export async function act(
  s: KitSession,
  id: string,
  operation: string,
  body: Record<string, unknown> = {},
  version?: number,
): Promise<KitResponse> {
  const v = version ?? (await detail(s, id)).instance.version;
  return s.request('POST', `/api/workflow/instances/${id}/${operation}`, { version: v, ...body });
}

/** The ids of the instances in `s`'s 待办. */
export async function todoIds(s: KitSession, definitionId?: string): Promise<string[]> {
  const res = await s.request('GET', `/api/workflow/todo?pageSize=100${definitionId ? `&definitionId=${definitionId}` : ''}`);
  if (res.statusCode !== 200) throw new Error(`todo of ${s.account}: ${res.statusCode} ${res.body}`);
  return res.json().items.map((t: any) => t.instance.id);
}
