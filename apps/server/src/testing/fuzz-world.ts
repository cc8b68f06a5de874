import fc from 'fast-check';
import { Type } from 'typebox';
import { defineModule, fullAccess, newId, type ModuleDefinition } from '#kernel';
import { BUILTIN_ROLES } from '#core/access/contract/permissions.ts';
import { createOrg } from '#core/orgs/server/org.service.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { createGrant, createRole, listRoles } from '#core/access/server/access.service.ts';
import type { WorkflowPort } from '#core/workflow/contract/workflow.service.ts';
import { importPlan } from '../../../../modules/work-plan/server/plan.service.ts';
import { submitReport } from '../../../../modules/work-plan/server/report.service.ts';
import { hebeiCampaign, type CampaignStage } from '../../../../modules/campaigns/testing/matrix-fixture.ts';
import { TEST_PASSWORD, type Session, type TestApp } from './test-app.ts';
import { RequestErrors } from '../request-errors.ts';

/*
 * The world the route fuzzer plays in: one signed-in caller per built-in role, and "victim"
 * records (orgs, users, grants, roles, plans, campaigns, reviews, files…) whose ids the fuzzer
 * puts into params and id fields, so requests get past "not found". The callers' own orgs,
 * accounts, grants and the built-in roles are kept out of the pools: a valid request may
 * deactivate, disable or revoke whatever it is pointed at, and the callers must stay able to call.
 */

/** Where each built-in role's caller sits: the ministry, a county (长安区), Hebei, or a school in the county. */
const PLACEMENT: Record<string, 'ministry' | 'county' | 'province' | 'school'> = {
  platform_admin: 'ministry',
  org_admin: 'county',
  reviewer: 'province',
  expert: 'school',
  teacher: 'school',
  student: 'school',
  parent: 'school',
  security_officer: 'county',
  data_steward: 'province',
  enterprise_user: 'school',
};

export const FUZZ_ROLES: string[] = BUILTIN_ROLES.map((r) => r.code);

/** Server-side errors of the current request, caught before the problem handler hides them behind a bare 500. */
export const serverErrors: string[] = [];

/** Routes of the probe module that misbehave on purpose, so the harness proves it sees each kind of finding. */
export const PROBE_ROUTES = ['POST /api/fuzz-probe/leak', 'GET /api/fuzz-probe/crash'];

/**
 * A test-only module: its hook records each unhandled error's text (to tell the classes of 5xx
 * apart), and two routes break the rules on purpose: one stores a row and then refuses, one crashes.
 */
export const errorProbeModule: ModuleDefinition = defineModule({
  id: 'fuzz-probe',
  tablePrefix: 'fzp',
  routes(app, host) {
    app.addHook('onError', async (_req, _reply, error) => {
      const e = error as Error & { code?: string };
      serverErrors.push(`${e.code ?? e.name}: ${e.message}`);
    });
    app.post(
      '/api/fuzz-probe/leak',
      { schema: { body: Type.Object({ note: Type.String({ maxLength: 20 }) }) }, config: { access: { session: true } } },
      async (req) => {
        await host.db
          .insertInto('core_notifications')
          .values({
            id: newId(),
            user_id: req.ctx.actor.id!,
            kind: 'fuzz.leak',
            params: '{}',
            link: null,
            org_id: null,
            created_at: new Date().toISOString(),
            read_at: null,
          })
          .execute();
        throw RequestErrors.invalid();
      },
    );
    app.get(
      '/api/fuzz-probe/crash',
      {
        schema: { querystring: Type.Object({ n: Type.Optional(Type.Integer({ minimum: 0, maximum: 9 })) }) },
        config: { access: { public: true } },
      },
      async () => {
        throw new Error('probe crash');
      },
    );
  },
});

export interface FuzzWorld {
  h: TestApp;
  session(role: string): Promise<Session>;
  /** The caller's session ended (logout, or a refusal said so): sign in again before its next request. */
  forget(role: string): void;
  isSignedIn(role: string): boolean;
  pools: Record<string, string[]>;
}

const PLAN = [
  '2021年河北模糊测试教育工作要点',
  '重点任务',
  '(一)测试方面',
  '1.测试任务',
  '遴选10所测试学校。(责任单位:河北省教育厅、模糊测试中心)',
].join('\n');

/** Builds the callers and victims and fills the id pools from the database. */
export async function buildFuzzWorld(h: TestApp): Promise<FuzzWorld> {
  const sys = h.system();
  const db = h.platform.database.db;
  const province = await h.orgId('GB130000');
  const city = await h.orgId('GB130100');
  const county = await h.orgId('GB130102');
  await createOrg(sys, { parentId: county, code: 'FZ-SCHOOL', name: '模糊测试学校', type: 'school', stage: 'primary' });

  const accounts = new Map<string, string>();
  for (const role of FUZZ_ROLES) {
    const account = `fz-${role.replace(/_/g, '-')}`;
    const orgCode =
      PLACEMENT[role] === 'ministry'
        ? 'MOE'
        : PLACEMENT[role] === 'province'
          ? 'GB130000'
          : PLACEMENT[role] === 'county'
            ? 'GB130102'
            : 'FZ-SCHOOL';
    await h.makeUser({ account, orgCode, roles: [role] });
    accounts.set(role, account);
  }
  const sessions = new Map<string, Session>();
  const session = async (role: string) => {
    let s = sessions.get(role);
    if (!s) {
      s = await h.signIn(accounts.get(role)!);
      sessions.set(role, s);
    }
    return s;
  };
  for (const role of FUZZ_ROLES) await session(role);
  const expert = await session('expert');
  const teacher = await session('teacher');

  // Victims: orgs under the callers' county and beside it, accounts there, grants and custom roles.
  let n = 0;
  const victimOrg = async (parentId: string, type: 'school' | 'county_authority') =>
    (
      await createOrg(sys, {
        parentId,
        code: `FZV${++n}`,
        name: `模糊测试机构${n}`,
        type,
        ...(type === 'school' ? { stage: 'junior' as const } : {}),
      })
    ).id;
  const victimSchools = [await victimOrg(county, 'school'), await victimOrg(county, 'school')];
  const victimCounty = await victimOrg(city, 'county_authority');
  const customRoles = [
    (await createRole(sys, { code: 'fuzz_reader', name: '模糊只读', permissions: ['orgs.org.read'] })).id,
    (await createRole(sys, { code: 'fuzz_editor', name: '模糊编辑', permissions: ['orgs.org.read', 'users.user.read'] })).id,
  ];
  const reviewerRole = (await listRoles(sys)).find((r) => r.code === 'reviewer')!.id;
  const victimUsers: string[] = [];
  for (const orgId of [...victimSchools, victimCounty]) {
    const { user } = await createUser(sys, { account: `fz-victim-${++n}`, realName: '受测用户', orgId, password: TEST_PASSWORD });
    victimUsers.push(user.id);
    await createGrant(sys, { userId: user.id, roleId: customRoles[n % 2], orgId });
  }
  await createGrant(sys, { userId: victimUsers[0], roleId: reviewerRole, orgId: victimSchools[0] });

  // Work plans, a report, campaigns at every stage, a review waiting at the province, a file.
  const { plan } = await importPlan(sys, { orgId: province, text: PLAN });
  const task = await db.selectFrom('wp_tasks').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow();
  await submitReport(sys, task.id, { orgId: province, reportDate: '2021-06-01', text: '模糊测试报送。' });
  const stages: CampaignStage[] = ['draft', 'open', 'reviewing', 'selected', 'publicity', 'ended'];
  for (const stage of stages)
    await hebeiCampaign(h, { id: expert.userId, account: expert.account }, province, () => victimOrg(city, 'county_authority'), stage);
  const workflow = h.platform.host.service<WorkflowPort>('workflow');
  const as = (id: string) => h.platform.makeCtx({ actor: { kind: 'user', id, name: id }, access: fullAccess });
  for (let i = 0; i < 3; i++) {
    await workflow.start(as(teacher.userId), {
      definitionId: 'review-fixture.provincial',
      subjectType: 'review-fixture.application',
      subjectId: `fuzz-${i}`,
      orgId: victimSchools[i % 2],
      title: '模糊申报',
    });
  }
  const boundary = '----fuzz-world';
  const upload = await (await session('platform_admin')).request(
    'POST',
    `/api/files?orgId=${victimSchools[0]}`,
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      ),
    ]),
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
  );
  if (upload.statusCode !== 201) throw new Error(`fuzz world: upload failed ${upload.body}`);

  const ids = async (table: string, column = 'id', limit = 20) =>
    (await db.selectFrom(table).select(column).limit(limit).execute()).map((r: any) => String(r[column]));
  const pools: Record<string, string[]> = {
    orgs: [...victimSchools, victimCounty],
    users: victimUsers,
    roles: customRoles,
    grants: (await db.selectFrom('core_grants').select('id').where('user_id', 'in', victimUsers).execute()).map((r) => r.id),
    files: await ids('core_files'),
    events: await ids('core_audit_events', 'id', 30),
    inbox: await ids('core_notifications'),
    instances: await ids('core_workflow_instances'),
    jobs: await ids('core_jobs'),
    indicators: ['users.accounts_opened', ...(await ids('core_indicator_values', 'indicator_id'))],
    plans: await ids('wp_plans'),
    tasks: await ids('wp_tasks'),
    targets: await ids('wp_targets'),
    reports: await ids('wp_reports'),
    campaigns: await ids('cp_campaigns'),
    applications: await ids('cp_applications'),
    reviews: await ids('cp_reviews'),
    objections: await ids('cp_objections'),
    certificates: await ids('cp_certificates', 'number'),
    categories: ['region', 'school', 'space', 'lesson'],
    definitions: ['review-fixture.provincial', 'review-fixture.lesson'],
  };
  for (const [k, v] of Object.entries(pools)) pools[k] = [...new Set(v)];
  return {
    h,
    session,
    forget: (role) => {
      sessions.delete(role);
    },
    isSignedIn: (role) => sessions.has(role),
    pools,
  };
}

/** Which pool an id-like field or path segment draws from; null when the name is no id. */
export function poolFor(name: string, resource?: string): string | null {
  if (/^(orgId|parentId|scopeOrgId|within)$/.test(name)) return 'orgs';
  if (/^(userId|userIds|actorId)$/.test(name)) return 'users';
  if (name === 'roleId') return 'roles';
  if (name === 'applicationId') return 'applications';
  if (name === 'fileIds') return 'files';
  if (name === 'targetId') return 'targets';
  if (name === 'definitionId') return 'definitions';
  if (name === 'indicatorId') return 'indicators';
  if (name === 'with') return 'plans';
  if (name === 'category' || name === 'categoryCode') return 'categories';
  if (name === 'number') return 'certificates';
  if (name === 'id' && resource) return resource;
  if (/(Id|Ids)$/.test(name)) return 'any';
  return null;
}

/** An id source for the schema arbitraries: a real id of the right kind most of the time. */
export function idSource(world: FuzzWorld, resource?: string) {
  return (name: string): fc.Arbitrary<string> | null => {
    const pool = poolFor(name, resource);
    if (!pool) return null;
    const values = pool === 'any' ? Object.values(world.pools).flat() : (world.pools[pool] ?? []);
    return values.length ? fc.constantFrom(...values) : null;
  };
}
