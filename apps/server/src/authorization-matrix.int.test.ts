import { beforeAll, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createOrg } from '#core/orgs/server/org.service.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { createGrant, createRole, listPermissions, listRoles } from '#core/access/server/access.service.ts';
import { createTokenFor } from '#core/auth/server/api-token.service.ts';
import { fullAccess } from '#kernel';
import type { WorkflowPort } from '#core/workflow/contract/workflow.service.ts';
import { returnInstance } from '#core/workflow/server/return.service.ts';
import { reviewFixtureModule } from '#core/workflow/testing/review-fixture.ts';
import { resumeJob } from '#core/jobs/server/job.service.ts';
import { makeDeadDelivery } from '#core/events/testing/dead-delivery.ts';
import { getPlan, importPlan } from '../../../modules/work-plan/server/plan.service.ts';
import { submitReport } from '../../../modules/work-plan/server/report.service.ts';
import { hebeiCampaign, type CampaignFixture, type CampaignStage } from '../../../modules/campaigns/testing/matrix-fixture.ts';
import { describeOnEngines, TEST_PASSWORD, type Session, type TestApp } from './testing/test-app.ts';
// @new-module:import (npm run new-module adds the imports of its matrix entries above this line)

/*
 * Walks every registered route. Each must appear in MATRIX below, so a new route fails this
 * test until someone states who may call it. For each scoped route the test proves that an
 * anonymous caller, a signed-in caller without the permission, and a caller holding every
 * permission but only in another province are all refused, and that a caller with the
 * permission in the right subtree is not (so the refusals are not an artefact of a bad request).
 */

interface Fixture {
  h: TestApp;
  hebei: string;
  hebeiCounty: () => Promise<string>;
  hebeiUser: () => Promise<string>;
  /** A user homed in Hebei who also holds a grant on the ministry (above every Hebei administrator). */
  hebeiUserAbove: () => Promise<string>;
  hebeiGrant: () => Promise<string>;
  /** A service account homed in Hebei; `above`: it also holds a grant on the ministry. */
  hebeiServiceAccount: (above?: boolean) => Promise<string>;
  /** An API token of such a service account. */
  hebeiToken: (above?: boolean) => Promise<string>;
  hebeiFile: () => Promise<string>;
  hebeiAuditEvent: () => Promise<string>;
  customRole: () => Promise<string>;
  allPermissionsRole: string;
  /** A plan issued by Hebei, with its first task and that task's first target. */
  hebeiPlan: () => Promise<{ planId: string; taskId: string; targetId: string }>;
  hebeiReport: () => Promise<string>;
  /** A campaign organised by Hebei at a stage, with an application from a Hebei county. */
  hebeiCampaign: (stage: CampaignStage) => Promise<CampaignFixture>;
  insiderId: () => string;
  /**
   * A review (test-only definition) of a Hebei county's record at the Hebei step. The insider
   * may act on it (another Hebei user submitted it); `mine`: the insider submitted it instead,
   * and with `returned` a Hebei reviewer sent it back to them.
   */
  hebeiReview: (options?: { mine?: boolean; returned?: boolean }) => Promise<{ id: string; version: number }>;
  /** A user holding every permission on Hebei, to add as a signer or hand a task to. */
  hebeiReviewer: () => Promise<string>;
}

interface Req {
  method: InjectOptions['method'];
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Entry =
  | { kind: 'public'; reason: string }
  | { kind: 'self'; reason: string }
  /**
   * One object in Hebei: refused outside, allowed inside. Routes that act on an account also
   * give `account`: the same request on a Hebei account that holds a grant above Hebei, which
   * even a caller holding every permission on Hebei must not reach (404).
   */
  | { kind: 'scoped'; request: (f: Fixture) => Promise<Req>; account?: (f: Fixture) => Promise<Req> }
  /** A list: outsiders get 200 with nothing from Hebei, insiders see Hebei's rows. */
  | { kind: 'list'; request: (f: Fixture) => Promise<Req>; hebeiRows: (body: any, f: Fixture) => number }
  /** Platform-wide objects: the permission must be held on the root org. */
  | { kind: 'platform'; request: (f: Fixture) => Promise<Req> };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
function multipart(content: Buffer) {
  const boundary = '----educloud-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const MATRIX_PLAN = [
  '2021年河北矩阵教育工作要点',
  '重点任务',
  '(一)矩阵方面',
  '1.矩阵任务',
  '遴选10所矩阵学校。(责任单位:河北省教育厅、矩阵测试中心)',
].join('\n');

const inHebei = (paths: string[], f: Fixture) => paths.filter((p) => p.includes(`/${f.hebei}/`)).length;

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { kind: 'public', reason: 'load balancers probe it' },
  'GET /api/openapi.json': { kind: 'public', reason: 'the API description is public' },
  'POST /api/auth/login': { kind: 'public', reason: 'signing in' },
  'GET /api/auth/session': { kind: 'self', reason: 'own session' },
  'POST /api/auth/totp': { kind: 'self', reason: 'own second factor' },
  'POST /api/auth/logout': { kind: 'self', reason: 'own session' },
  'POST /api/auth/logout-all': { kind: 'self', reason: 'own sessions' },
  'GET /api/me/sessions': { kind: 'self', reason: 'own sessions' },
  'POST /api/me/password': { kind: 'self', reason: 'own password' },
  'POST /api/me/totp/setup': { kind: 'self', reason: 'own authenticator' },
  'POST /api/me/totp/confirm': { kind: 'self', reason: 'own authenticator' },
  'POST /api/me/totp/remove': { kind: 'self', reason: 'own authenticator' },
  // One's own tokens; that a token never exceeds its creator, and that another account's token is not found, is tested in core/auth.
  'GET /api/me/tokens': { kind: 'self', reason: 'own API tokens' },
  'POST /api/me/tokens': { kind: 'self', reason: 'own API tokens, bounded by own grants' },
  'DELETE /api/me/tokens/:id': { kind: 'self', reason: 'own API tokens' },
  'GET /api/auth/tokens': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiToken();
      return { method: 'GET', url: '/api/auth/tokens?pageSize=200' };
    },
    hebeiRows: (b) => b.items.filter((t: any) => t.userAccount.startsWith('hb-')).length,
  },
  'POST /api/auth/tokens': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: '/api/auth/tokens',
      body: { userId: await f.hebeiServiceAccount(), name: '矩阵令牌', roleId: f.allPermissionsRole, orgId: f.hebei, expiresInDays: 30 },
    }),
    account: async (f) => ({
      method: 'POST',
      url: '/api/auth/tokens',
      body: {
        userId: await f.hebeiServiceAccount(true),
        name: '矩阵令牌',
        roleId: f.allPermissionsRole,
        orgId: f.hebei,
        expiresInDays: 30,
      },
    }),
  },
  'DELETE /api/auth/tokens/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'DELETE', url: `/api/auth/tokens/${await f.hebeiToken()}` }),
    account: async (f) => ({ method: 'DELETE', url: `/api/auth/tokens/${await f.hebeiToken(true)}` }),
  },

  'GET /api/orgs': {
    kind: 'list',
    request: async () => ({ method: 'GET', url: '/api/orgs?q=GB1301&pageSize=100' }),
    hebeiRows: (b, f) =>
      inHebei(
        b.items.map((o: any) => o.path),
        f,
      ),
  },
  // Exports are binary XLSX, which the 'list' check (it parses JSON) cannot read; as 'scoped'
  // entries they prove that a filter naming a Hebei org is refused outside Hebei and served inside.
  // That an unfiltered export holds only the caller's subtree is tested in user.export.int.test.ts.
  'GET /api/orgs/export': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: `/api/orgs/export?within=${f.hebei}&q=GB1301` }) },
  'GET /api/orgs/roots': {
    kind: 'list',
    request: async () => ({ method: 'GET', url: '/api/orgs/roots' }),
    hebeiRows: (b, f) =>
      inHebei(
        b.map((o: any) => o.path),
        f,
      ),
  },
  'GET /api/orgs/:id': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: `/api/orgs/${await f.hebeiCounty()}` }) },
  'GET /api/orgs/:id/children': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: `/api/orgs/${f.hebei}/children` }) },
  'POST /api/orgs': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: '/api/orgs',
      body: {
        parentId: await f.hebeiCounty(),
        code: `M${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        name: '矩阵测试学校',
        type: 'school',
        stage: 'primary',
      },
    }),
  },
  'PATCH /api/orgs/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'PATCH', url: `/api/orgs/${await f.hebeiCounty()}`, body: { name: '改名后的县教育局' } }),
  },
  'POST /api/orgs/:id/move': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/orgs/${await f.hebeiCounty()}/move`,
      body: { parentId: await f.h.orgId('GB130400') },
    }),
  },
  'POST /api/orgs/:id/deactivate': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/orgs/${await f.hebeiCounty()}/deactivate` }),
  },
  'POST /api/orgs/:id/activate': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/orgs/${await f.hebeiCounty()}/activate` }),
  },

  'GET /api/users': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiUser();
      return { method: 'GET', url: '/api/users?pageSize=200' };
    },
    hebeiRows: (b) => b.items.filter((u: any) => u.account.startsWith('hb-')).length,
  },
  'GET /api/users/export': {
    kind: 'scoped',
    request: async (f) => {
      await f.hebeiUser();
      return { method: 'GET', url: `/api/users/export?orgId=${f.hebei}&q=hb-` };
    },
  },
  'GET /api/users/:id': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: `/api/users/${await f.hebeiUser()}` }) },
  'POST /api/users': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: '/api/users',
      body: {
        account: `m${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        realName: '矩阵用户',
        orgId: await f.hebeiCounty(),
        password: TEST_PASSWORD,
      },
    }),
  },
  'PATCH /api/users/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'PATCH', url: `/api/users/${await f.hebeiUser()}`, body: { displayName: '改名' } }),
    account: async (f) => ({ method: 'PATCH', url: `/api/users/${await f.hebeiUserAbove()}`, body: { email: 'taken-over@example.cn' } }),
  },
  'POST /api/users/:id/reset-password': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/users/${await f.hebeiUser()}/reset-password` }),
    account: async (f) => ({ method: 'POST', url: `/api/users/${await f.hebeiUserAbove()}/reset-password` }),
  },
  'POST /api/users/:id/unlock': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/users/${await f.hebeiUser()}/unlock` }),
    account: async (f) => ({ method: 'POST', url: `/api/users/${await f.hebeiUserAbove()}/unlock` }),
  },

  'GET /api/access/permissions': {
    kind: 'list',
    request: async () => ({ method: 'GET', url: '/api/access/permissions' }),
    hebeiRows: () => 0,
  },
  'GET /api/access/roles': { kind: 'list', request: async () => ({ method: 'GET', url: '/api/access/roles' }), hebeiRows: () => 0 },
  'POST /api/access/roles': {
    kind: 'platform',
    request: async () => ({
      method: 'POST',
      url: '/api/access/roles',
      body: { code: `r_${Date.now()}${Math.floor(Math.random() * 1e6)}`, name: '矩阵角色', permissions: ['orgs.org.read'] },
    }),
  },
  'PATCH /api/access/roles/:id': {
    kind: 'platform',
    request: async (f) => ({ method: 'PATCH', url: `/api/access/roles/${await f.customRole()}`, body: { name: '改名角色' } }),
  },
  'DELETE /api/access/roles/:id': {
    kind: 'platform',
    request: async (f) => ({ method: 'DELETE', url: `/api/access/roles/${await f.customRole()}` }),
  },
  'GET /api/access/grants': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiGrant();
      return { method: 'GET', url: '/api/access/grants?pageSize=200' };
    },
    hebeiRows: (b) => b.items.filter((g: any) => g.userAccount.startsWith('hb-')).length,
  },
  'POST /api/access/grants': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: '/api/access/grants',
      body: { userId: await f.hebeiUser(), roleId: f.allPermissionsRole, orgId: await f.hebeiCounty() },
    }),
    account: async (f) => ({
      method: 'POST',
      url: '/api/access/grants',
      body: { userId: await f.hebeiUserAbove(), roleId: f.allPermissionsRole, orgId: await f.hebeiCounty() },
    }),
  },
  'DELETE /api/access/grants/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'DELETE', url: `/api/access/grants/${await f.hebeiGrant()}` }),
    account: async (f) => {
      const userId = await f.hebeiUserAbove();
      const grant = await createGrant(f.h.system(), { userId, roleId: f.allPermissionsRole, orgId: f.hebei });
      return { method: 'DELETE', url: `/api/access/grants/${grant.id}` };
    },
  },

  'GET /api/audit/events': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiCounty();
      return { method: 'GET', url: '/api/audit/events?action=orgs.org.created&pageSize=200' };
    },
    hebeiRows: (b) => b.items.filter((e: any) => e.changes?.name === '矩阵县教育局').length,
  },
  'GET /api/audit/events/export': {
    kind: 'scoped',
    request: async (f) => {
      await f.hebeiCounty();
      return { method: 'GET', url: `/api/audit/events/export?orgId=${f.hebei}&action=orgs.org.created` };
    },
  },
  'GET /api/audit/events/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/audit/events/${await f.hebeiAuditEvent()}` }),
  },
  'POST /api/audit/verify': { kind: 'platform', request: async () => ({ method: 'POST', url: '/api/audit/verify' }) },

  // Jobs serve every org: reading or running them needs a grant on the root org.
  'GET /api/jobs': { kind: 'platform', request: async () => ({ method: 'GET', url: '/api/jobs' }) },
  'GET /api/jobs/:id/runs': { kind: 'platform', request: async () => ({ method: 'GET', url: '/api/jobs/jobs.prune_runs/runs' }) },
  // Resumed first: running a paused job is refused with a conflict, whatever the entries' order.
  'POST /api/jobs/:id/run': {
    kind: 'platform',
    request: async (f) => {
      await resumeJob(f.h.system(), 'jobs.prune_runs');
      return { method: 'POST', url: '/api/jobs/jobs.prune_runs/run' };
    },
  },
  'POST /api/jobs/:id/pause': { kind: 'platform', request: async () => ({ method: 'POST', url: '/api/jobs/jobs.prune_runs/pause' }) },
  'POST /api/jobs/:id/resume': { kind: 'platform', request: async () => ({ method: 'POST', url: '/api/jobs/jobs.prune_runs/resume' }) },

  // Event deliveries serve every org: the dead-letter view needs a grant on the root org.
  'GET /api/events/deliveries': { kind: 'platform', request: async () => ({ method: 'GET', url: '/api/events/deliveries' }) },
  'POST /api/events/deliveries/:id/retry': {
    kind: 'platform',
    request: async (f) => ({
      method: 'POST',
      url: `/api/events/deliveries/${await makeDeadDelivery(f.h.platform.database.db, f.h.now())}/retry`,
    }),
  },
  'POST /api/events/deliveries/:id/discard': {
    kind: 'platform',
    request: async (f) => ({
      method: 'POST',
      url: `/api/events/deliveries/${await makeDeadDelivery(f.h.platform.database.db, f.h.now())}/discard`,
    }),
  },

  'GET /api/indicators': { kind: 'list', request: async () => ({ method: 'GET', url: '/api/indicators' }), hebeiRows: () => 0 },
  'GET /api/indicators/:id/value': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/indicators/users.accounts_opened/value?orgId=${f.hebei}` }),
  },

  'GET /api/work-plan/plans': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiPlan();
      return { method: 'GET', url: '/api/work-plan/plans' };
    },
    hebeiRows: (b) => b.filter((p: any) => p.title.includes('河北矩阵')).length,
  },
  'GET /api/work-plan/plans/:id/compare': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'GET',
      url: `/api/work-plan/plans/${(await f.hebeiPlan()).planId}/compare?with=${(await f.hebeiPlan()).planId}`,
    }),
  },
  'GET /api/work-plan/plans/:id/ledger': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/work-plan/plans/${(await f.hebeiPlan()).planId}/ledger` }),
  },
  'GET /api/work-plan/plans/:id/dashboard': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/work-plan/plans/${(await f.hebeiPlan()).planId}/dashboard` }),
  },
  'GET /api/work-plan/plans/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/work-plan/plans/${(await f.hebeiPlan()).planId}` }),
  },
  'POST /api/work-plan/plans/import': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: '/api/work-plan/plans/import', body: { orgId: f.hebei, text: MATRIX_PLAN } }),
  },
  'PUT /api/work-plan/unit-mappings': {
    kind: 'scoped',
    request: async (f) => {
      await f.hebeiPlan();
      return { method: 'PUT', url: '/api/work-plan/unit-mappings', body: { scopeOrgId: f.hebei, name: '矩阵测试中心', orgId: f.hebei } };
    },
  },
  'GET /api/work-plan/my-tasks': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiPlan();
      return { method: 'GET', url: '/api/work-plan/my-tasks' };
    },
    hebeiRows: (b) => b.filter((t: any) => t.planTitle.includes('河北矩阵')).length,
  },
  'GET /api/work-plan/tasks/:id/progress': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/work-plan/tasks/${(await f.hebeiPlan()).taskId}/progress` }),
  },
  'GET /api/work-plan/tasks/:id/reports': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/work-plan/tasks/${(await f.hebeiPlan()).taskId}/reports` }),
  },
  'POST /api/work-plan/tasks/:id/reports': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/work-plan/tasks/${(await f.hebeiPlan()).taskId}/reports`,
      body: { orgId: f.hebei, reportDate: '2020-06-01', text: '矩阵报送。' },
    }),
  },
  'POST /api/work-plan/reports/:id/review': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/work-plan/reports/${await f.hebeiReport()}/review`, body: { decision: 'accept' } }),
  },
  'PATCH /api/work-plan/tasks/:id': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'PATCH',
      url: `/api/work-plan/tasks/${(await f.hebeiPlan()).taskId}`,
      body: { dueDate: '2020-12-31' },
    }),
  },
  'GET /api/campaigns': {
    kind: 'list',
    request: async (f) => {
      await f.hebeiCampaign('draft');
      return { method: 'GET', url: '/api/campaigns' };
    },
    hebeiRows: (b) => b.filter((c: any) => c.title === '矩阵评选').length,
  },
  'POST /api/campaigns': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: '/api/campaigns', body: { type: 'benchmark', orgId: f.hebei, year: 2020 } }),
  },
  'GET /api/campaigns/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('draft')).campaignId}` }),
  },
  'PATCH /api/campaigns/:id': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'PATCH',
      url: `/api/campaigns/${(await f.hebeiCampaign('draft')).campaignId}`,
      body: { title: '矩阵评选（改）' },
    }),
  },
  'POST /api/campaigns/:id/open': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('draft')).campaignId}/open` }),
  },
  'POST /api/campaigns/:id/close': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('open')).campaignId}/close` }),
  },
  'GET /api/campaigns/:id/applications': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('open')).campaignId}/applications` }),
  },
  'POST /api/campaigns/:id/applications': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/campaigns/${(await f.hebeiCampaign('open')).campaignId}/applications`,
      body: { categoryCode: 'region', orgId: await f.hebeiCounty(), title: '矩阵区域', values: { summary: '矩阵', spaceCount: 1 } },
    }),
  },
  'GET /api/campaigns/:id/quotas': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('open')).campaignId}/quotas` }),
  },
  'GET /api/campaigns/:id/stats': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('open')).campaignId}/stats` }),
  },
  'GET /api/campaigns/:id/winners': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('selected')).campaignId}/winners` }),
  },
  'GET /api/campaigns/applications/mine': { kind: 'self', reason: "the caller's own applications" },
  'GET /api/campaigns/applications/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/applications/${(await f.hebeiCampaign('open')).applicationId}` }),
  },
  'GET /api/campaigns/:id/experts': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('reviewing')).campaignId}/experts` }),
  },
  'GET /api/campaigns/:id/expert-candidates': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'GET',
      url: `/api/campaigns/${(await f.hebeiCampaign('draft')).campaignId}/expert-candidates?q=matrix`,
    }),
  },
  'POST /api/campaigns/:id/experts': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/campaigns/${(await f.hebeiCampaign('reviewing')).campaignId}/experts`,
      body: { categoryCode: 'school', userIds: [f.insiderId()] },
    }),
  },
  'DELETE /api/campaigns/:id/experts/:category/:userId': {
    kind: 'scoped',
    request: async (f) => {
      const { campaignId } = await f.hebeiCampaign('reviewing');
      await f.h.platform.database.db
        .insertInto('cp_experts')
        .values({
          campaign_id: campaignId,
          category_code: 'school',
          user_id: f.insiderId(),
          org_path: '/',
          added_at: f.h.now().toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return { method: 'DELETE', url: `/api/campaigns/${campaignId}/experts/school/${f.insiderId()}` };
    },
  },
  'POST /api/campaigns/:id/draw': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('reviewing')).campaignId}/draw`, body: {} }),
  },
  'GET /api/campaigns/reviews/mine': { kind: 'self', reason: 'the reviews assigned to the caller' },
  'PUT /api/campaigns/reviews/:id': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'PUT',
      url: `/api/campaigns/reviews/${(await f.hebeiCampaign('reviewing')).reviewId}`,
      body: { marks: { plan: 8, infrastructure: 8, application: 8, innovation: 8 } },
    }),
  },
  'POST /api/campaigns/:id/selection': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('reviewing')).campaignId}/selection` }),
  },
  'GET /api/campaigns/:id/selection': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('selected')).campaignId}/selection` }),
  },
  'POST /api/campaigns/:id/publicity': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('selected')).campaignId}/publicity`, body: {} }),
  },
  'GET /api/campaigns/:id/objections': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/campaigns/${(await f.hebeiCampaign('publicity')).campaignId}/objections` }),
  },
  'POST /api/campaigns/objections/:id/resolve': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/campaigns/objections/${(await f.hebeiCampaign('publicity')).objectionId}/resolve`,
      body: { decision: 'dismissed', resolution: '矩阵驳回' },
    }),
  },
  'POST /api/campaigns/:id/backfill': {
    kind: 'scoped',
    request: async (f) => {
      // 递补 needs an upheld objection; the fixture's one is open, so uphold it as resolveObjection would.
      const { campaignId, applicationId, objectionId } = await f.hebeiCampaign('publicity');
      const db = f.h.platform.database.db;
      await db
        .updateTable('cp_objections')
        .set({ status: 'upheld', resolution: '矩阵成立', resolved_at: f.h.now().toISOString() })
        .where('id', '=', objectionId!)
        .execute();
      await db
        .updateTable('cp_applications')
        .set({ status: 'not_selected', exclusion: JSON.stringify({ code: 'objection_upheld', params: { objection: objectionId } }) })
        .where('id', '=', applicationId!)
        .execute();
      return { method: 'POST', url: `/api/campaigns/${campaignId}/backfill` };
    },
  },
  'POST /api/campaigns/:id/publish': {
    kind: 'scoped',
    request: async (f) => ({ method: 'POST', url: `/api/campaigns/${(await f.hebeiCampaign('ended')).campaignId}/publish` }),
  },
  'GET /api/public/campaigns/:id': { kind: 'public', reason: '公示 and published lists are public by law' },
  'POST /api/public/campaigns/:id/objections': { kind: 'public', reason: 'anyone may object during 公示 (real name, rate-limited)' },
  'GET /api/public/certificates/:number': { kind: 'public', reason: 'anyone may verify a certificate' },
  'POST /api/work-plan/tasks/:id/targets': {
    kind: 'scoped',
    request: async (f) => ({
      method: 'POST',
      url: `/api/work-plan/tasks/${(await f.hebeiPlan()).taskId}/targets`,
      body: { count: 5, unit: '所', object: '矩阵学校', bound: 'at_least' },
    }),
  },
  'DELETE /api/work-plan/targets/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'DELETE', url: `/api/work-plan/targets/${(await f.hebeiPlan()).targetId}` }),
  },
  'PATCH /api/work-plan/targets/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'PATCH', url: `/api/work-plan/targets/${(await f.hebeiPlan()).targetId}`, body: { count: 12 } }),
  },

  // One's own queues, built from one's own grants; that another province's reviews stay out is tested in core/workflow.
  'GET /api/workflow/todo': { kind: 'self', reason: 'own to-do list' },
  'GET /api/workflow/done': { kind: 'self', reason: 'own handled reviews' },
  'GET /api/workflow/started': { kind: 'self', reason: 'own submissions' },
  'GET /api/workflow/definitions': { kind: 'self', reason: 'labels of the enabled review processes, no records' },
  'GET /api/workflow/instances/:id': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/workflow/instances/${(await f.hebeiReview()).id}` }),
  },
  'GET /api/workflow/instances/:id/candidates': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/workflow/instances/${(await f.hebeiReview()).id}/candidates` }),
  },
  'POST /api/workflow/instances/:id/approve': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview();
      return { method: 'POST', url: `/api/workflow/instances/${r.id}/approve`, body: { version: r.version } };
    },
  },
  'POST /api/workflow/instances/:id/reject': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview();
      return { method: 'POST', url: `/api/workflow/instances/${r.id}/reject`, body: { version: r.version, comment: '矩阵不通过' } };
    },
  },
  'POST /api/workflow/instances/:id/return': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview();
      return {
        method: 'POST',
        url: `/api/workflow/instances/${r.id}/return`,
        body: { version: r.version, to: 'applicant', comment: '矩阵退回' },
      };
    },
  },
  'POST /api/workflow/instances/:id/withdraw': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview({ mine: true });
      return { method: 'POST', url: `/api/workflow/instances/${r.id}/withdraw`, body: { version: r.version } };
    },
  },
  'POST /api/workflow/instances/:id/resubmit': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview({ mine: true, returned: true });
      return { method: 'POST', url: `/api/workflow/instances/${r.id}/resubmit`, body: { version: r.version } };
    },
  },
  'POST /api/workflow/instances/:id/add-signer': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview();
      return {
        method: 'POST',
        url: `/api/workflow/instances/${r.id}/add-signer`,
        body: { version: r.version, userId: await f.hebeiReviewer() },
      };
    },
  },
  'POST /api/workflow/instances/:id/transfer': {
    kind: 'scoped',
    request: async (f) => {
      const r = await f.hebeiReview();
      return {
        method: 'POST',
        url: `/api/workflow/instances/${r.id}/transfer`,
        body: { version: r.version, userId: await f.hebeiReviewer() },
      };
    },
  },

  'POST /api/files': {
    kind: 'scoped',
    request: async (f) => {
      const m = multipart(PDF);
      return { method: 'POST', url: `/api/files?orgId=${await f.hebeiCounty()}`, body: m.body, headers: m.headers };
    },
  },
  'GET /api/files/:id': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: `/api/files/${await f.hebeiFile()}` }) },
  'GET /api/files/:id/content': {
    kind: 'scoped',
    request: async (f) => ({ method: 'GET', url: `/api/files/${await f.hebeiFile()}/content` }),
  },

  // Each caller's own inbox; that one user never sees or changes another's is tested in core/notify.
  'GET /api/notify/inbox': { kind: 'self', reason: 'own messages' },
  'GET /api/notify/inbox/unread-count': { kind: 'self', reason: 'own messages' },
  'POST /api/notify/inbox/:id/read': { kind: 'self', reason: 'own messages' },
  'POST /api/notify/inbox/read-all': { kind: 'self', reason: 'own messages' },
  // @new-module:entries (npm run new-module adds its routes above this line)
};

const send = (s: Session | null, h: TestApp, r: Req): Promise<LightMyRequestResponse> =>
  s
    ? s.request(r.method, r.url, r.body, r.headers)
    : h.app.inject({ method: r.method, url: r.url, headers: r.headers, ...(r.body === undefined ? {} : { payload: r.body as any }) });

describeOnEngines(
  'authorization matrix',
  (harness) => {
    let f: Fixture;
    let nobody: Session;
    let outsider: Session;
    let insider: Session;
    let platform: Session;

    beforeAll(async () => {
      const h = harness();
      const sys = h.system();
      const hebei = await h.orgId('GB130000');
      const zhejiang = await h.orgId('GB330000');
      const all = await createRole(sys, {
        code: 'matrix_all',
        name: '全部权限（测试）',
        permissions: listPermissions(sys).map((p) => p.id),
      });
      let n = 0;
      const hebeiCounty = async () =>
        (await createOrg(sys, { parentId: hebei, code: `HBC${++n}`, name: '矩阵县教育局', type: 'county_authority' })).id;
      const hebeiUser = async () =>
        (await createUser(sys, { account: `hb-${++n}`, realName: '河北用户', orgId: hebei, password: TEST_PASSWORD })).user.id;
      const reviewerRole = (await listRoles(sys)).find((r) => r.code === 'reviewer')!.id;
      const ministry = await h.orgId('MOE');
      const hebeiUserAbove = async () => {
        const userId = await hebeiUser();
        await createGrant(sys, { userId, roleId: reviewerRole, orgId: ministry });
        return userId;
      };
      const hebeiServiceAccount = async (above = false) => {
        const { user } = await createUser(sys, { account: `hb-${++n}`, realName: '河北服务账号', orgId: hebei, serviceAccount: true });
        if (above) await createGrant(sys, { userId: user.id, roleId: reviewerRole, orgId: ministry });
        return user.id;
      };
      const hebeiToken = async (above = false) =>
        (
          await createTokenFor(sys, {
            userId: await hebeiServiceAccount(above),
            name: '矩阵令牌',
            roleId: all.id,
            orgId: hebei,
            expiresInDays: 30,
          })
        ).token.id;
      const customRole = async () =>
        (await createRole(sys, { code: `custom_${++n}`, name: '待删角色', permissions: ['orgs.org.read'] })).id;
      f = {
        h,
        hebei,
        hebeiCounty,
        hebeiUser,
        hebeiUserAbove,
        hebeiServiceAccount,
        hebeiToken,
        customRole,
        allPermissionsRole: all.id,
        hebeiGrant: async () => (await createGrant(sys, { userId: await hebeiUser(), roleId: all.id, orgId: hebei })).id,
        hebeiFile: async () => {
          const m = multipart(PDF);
          const res = await insider.request('POST', `/api/files?orgId=${hebei}`, m.body, m.headers);
          if (res.statusCode !== 201) throw new Error(`upload failed ${res.body}`);
          return res.json().id;
        },
        hebeiPlan: async () => {
          const { plan } = await importPlan(sys, { orgId: hebei, text: MATRIX_PLAN });
          const task = (await getPlan(sys, plan.id)).areas[0].tasks[0];
          return { planId: plan.id, taskId: task.id, targetId: task.targets[0].id };
        },
        hebeiReview: async ({ mine = false, returned = false } = {}) => {
          const as = (id: string) => h.platform.makeCtx({ actor: { kind: 'user', id, name: id }, access: fullAccess });
          const applicant = mine ? insider.userId : await f.hebeiReviewer();
          const inst = await h.platform.host.service<WorkflowPort>('workflow').start(as(applicant), {
            definitionId: 'review-fixture.provincial',
            subjectType: 'review-fixture.application',
            subjectId: `matrix-${++n}`,
            orgId: await hebeiCounty(),
            title: '矩阵申报',
          });
          if (!returned) return { id: inst.id, version: inst.version };
          const back = await returnInstance(as(await f.hebeiReviewer()), inst.id, {
            version: inst.version,
            to: 'applicant',
            comment: '矩阵退回',
          });
          return { id: inst.id, version: back.instance.version };
        },
        hebeiReviewer: async () => {
          const userId = await hebeiUser();
          await createGrant(sys, { userId, roleId: all.id, orgId: hebei });
          return userId;
        },
        hebeiReport: async () => {
          const { taskId } = await f.hebeiPlan();
          return (await submitReport(sys, taskId, { orgId: hebei, reportDate: '2020-06-01', text: '矩阵报送。' })).id;
        },
        hebeiCampaign: (stage) => hebeiCampaign(h, { id: insider.userId, account: insider.account }, hebei, hebeiCounty, stage),
        insiderId: () => insider.userId,
        hebeiAuditEvent: async () => {
          await hebeiCounty();
          const res = await insider.request('GET', '/api/audit/events?action=orgs.org.created&pageSize=1');
          return res.json().items[0].id;
        },
      };
      const mk = async (account: string, orgId: string | null) => {
        const { user } = await createUser(sys, { account, realName: '矩阵测试', orgId: orgId ?? hebei, password: TEST_PASSWORD });
        if (orgId) await createGrant(sys, { userId: user.id, roleId: all.id, orgId });
        return h.signIn(account, TEST_PASSWORD);
      };
      nobody = await mk('matrix-nobody', null);
      outsider = await mk('matrix-zhejiang', zhejiang);
      insider = await mk('matrix-hebei', hebei);
      await h.makeUser({ account: 'matrix-root', orgCode: 'MOE', roles: ['platform_admin'] });
      platform = await h.signIn('matrix-root');
    });

    it('has an entry for every registered route and a route for every entry', () => {
      const registered = harness()
        .app.routeCatalog.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
        .map((r) => `${r.method} ${r.url}`);
      expect(
        registered.filter((r) => !MATRIX[r]),
        'routes missing from the matrix',
      ).toEqual([]);
      expect(
        Object.keys(MATRIX).filter((k) => !registered.includes(k)),
        'matrix entries without a route',
      ).toEqual([]);
    });

    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.kind === 'public') {
        it(`${route} is public (${entry.reason})`, async () => {
          const [method, url] = route.split(' ');
          const res = await harness().app.inject({
            method: method as any,
            url,
            ...(method === 'POST' ? { payload: { account: 'x', password: 'y' } } : {}),
          });
          expect([401, 403]).not.toContain(res.statusCode === 401 && route === 'POST /api/auth/login' ? 0 : res.statusCode);
        });
        continue;
      }
      it(`${route} refuses an anonymous caller`, async () => {
        const [method, url] = route.split(' ');
        const res = await harness().app.inject({ method: method as any, url: url.replace(':id', '01ARZ3NDEKTSV4RRFFQ69G5FAV') });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('auth.unauthenticated');
      });
      if (entry.kind === 'self') continue;

      it(`${route} refuses a signed-in caller without the permission`, async () => {
        const res = await send(nobody, harness(), await entry.request(f));
        expect([403, 404]).toContain(res.statusCode);
      });

      if (entry.kind === 'list') {
        it(`${route} shows an outsider nothing from another province`, async () => {
          const req = await entry.request(f);
          const outside = await send(outsider, harness(), req);
          expect(outside.statusCode).toBe(200);
          expect(entry.hebeiRows(outside.json(), f)).toBe(0);
          const inside = await send(insider, harness(), req);
          expect(inside.statusCode).toBe(200);
          if (entry.hebeiRows.length > 0) expect(entry.hebeiRows(inside.json(), f)).toBeGreaterThan(0);
        });
      } else {
        it(`${route} refuses a caller whose grants lie elsewhere, and serves one whose grants cover it`, async () => {
          const out = await send(outsider, harness(), await entry.request(f));
          expect([403, 404], out.body).toContain(out.statusCode);
          const who = entry.kind === 'platform' ? platform : insider;
          const ok = await send(who, harness(), await entry.request(f));
          expect(ok.statusCode, ok.body).toBeLessThan(400);
        });
        const account = entry.kind === 'scoped' ? entry.account : undefined;
        if (account) {
          it(`${route} refuses an administrator acting on an account that holds a grant above them`, async () => {
            const res = await send(insider, harness(), await account(f));
            expect(res.statusCode, res.body).toBe(404);
            expect(res.json().code).toMatch(/^(users\.user_not_found|access\.grant_not_found|auth\.api_token_not_found)$/);
          });
        }
      }
    }
  },
  { extraModules: [reviewFixtureModule] },
);
