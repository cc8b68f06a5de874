/**
 * The database behind bench/workflow-todo.bench.ts: the platform's own migrations and reference
 * org tree (~3,400 authorities) with the test-only review fixture enabled, one bench school and
 * one applicant per county authority, N open 一师一优课 reviews waiting at their county step, M
 * more forwarded up to 部级评审 at the ministry, and two callers: a reviewer at 长安区 (GB130102)
 * and one at the ministry. Idempotent; other numbers on PostgreSQL replace the reviews.
 *
 * Schools, applicants, instances, tasks and their submit history are bulk fixture data inserted
 * straight into the tables (rows shaped as `startInstance` + `enterStep` write them), WITHOUT an
 * audit record or notice per row. The caller and its grant go through the services (audited).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { childPath, newId, toJson } from '#kernel';
import { hashPassword } from '#core/auth/server/password.ts';
import { findOrgByCode, insertOrgs, type OrgRow } from '#core/orgs/server/org.repo.ts';
import { orgsDb } from '#core/orgs/server/orgs.tables.ts';
import { findUserByAccount, insertUsers, type UserRow } from '#core/users/server/user.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { grantByCode } from '#core/access/server/access.service.ts';
import { lessonSteps, reviewFixtureModule, REVIEW } from '#core/workflow/testing/review-fixture.ts';
import { modules } from '../apps/server/src/modules.ts';
import { openPlatform, preparePlatform, type Platform } from '../apps/server/src/platform.ts';
import { benchConfig, ensurePostgresDatabase, RESULTS_DIR, seeded } from './bench-env.ts';

/**
 * The callers: non-administrative reviewers (built-in `reviewer`, which the fixture gives its
 * permission), so no second factor; one at a county, one at the ministry.
 */
export const CALLERS = {
  county: { account: 'bench.todo', password: 'Bench-Reviewer-2026!', realName: '基准审核员', orgCode: 'GB130102', role: 'reviewer' },
  ministry: { account: 'bench.todo.moe', password: 'Bench-Reviewer-2026!', realName: '基准审核员（部）', orgCode: 'MOE', role: 'reviewer' },
} as const;

const DEFINITION = 'review-fixture.lesson';
const SUBJECT_TYPE = 'review-fixture.application';
const SCHOOL_PREFIX = 'BW';
const APPLICANT_PREFIX = 'bwa';
const ROWS_PER_TRANSACTION = 20_000;
const ROWS_PER_STATEMENT = 500; // 21 columns × 500 stays under both engines' parameter limits

export interface TodoBenchOptions {
  instances: number;
  ministry: number;
  engine: 'sqlite' | 'postgres';
  databaseUrl: string;
  label: string;
}

export function todoBenchOptions(argv = process.argv.slice(2), env = process.env): TodoBenchOptions {
  const { values } = parseArgs({ args: argv, options: { instances: { type: 'string' }, ministry: { type: 'string' } }, strict: true });
  const count = (name: string, raw: string) => {
    const n = Number(raw.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
    return n;
  };
  const instances = count('instances', values.instances ?? env.BENCH_INSTANCES ?? '100000');
  const ministry = count('ministry', values.ministry ?? env.BENCH_MINISTRY ?? String(Math.round(instances / 10)));
  const pgUrl = env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const url = new URL(pgUrl);
    if (!/^postgres(ql)?:$/.test(url.protocol) || !['127.0.0.1', 'localhost'].includes(url.hostname))
      throw new Error('BENCH_DATABASE_URL must be postgres://…@127.0.0.1…');
    return { instances, ministry, engine: 'postgres', databaseUrl: pgUrl, label: `PostgreSQL ${url.pathname.slice(1)}` };
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = `workflow-todo-${instances}-moe-${ministry}.db`;
  return { instances, ministry, engine: 'sqlite', databaseUrl: `sqlite:${join(RESULTS_DIR, name)}`, label: `SQLite bench/results/${name}` };
}

/** Opens the bench database with the review fixture enabled, migrated and seeded like the platform. */
export async function openTodoPlatform(options: TodoBenchOptions): Promise<Platform> {
  if (options.engine === 'postgres') await ensurePostgresDatabase(options.databaseUrl);
  const config = benchConfig({ users: 0, schools: 0, ...options });
  const platform = openPlatform(config, { modules: [...modules, reviewFixtureModule] });
  await preparePlatform(platform);
  return platform;
}

const byPrefix = (db: Kysely<any>, table: string, column: string, prefix: string) =>
  db.selectFrom(table).selectAll().where(column, '>=', prefix).where(column, '<', `${prefix}~`).orderBy(column);

async function insertChunked(db: Kysely<any>, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
}

/** One bench school under each county authority, and one teacher there who submits its reviews. */
async function seedSchools(db: Kysely<any>): Promise<Array<{ school: OrgRow; county: OrgRow; applicant: UserRow }>> {
  const counties = await orgsDb(db).selectFrom('core_orgs').selectAll().where('type', '=', 'county_authority').orderBy('code').execute();
  let schools: OrgRow[] = await orgsDb(db)
    .selectFrom('core_orgs')
    .selectAll()
    .where('code', '>=', SCHOOL_PREFIX)
    .where('code', '<', `${SCHOOL_PREFIX}~`)
    .orderBy('code')
    .execute();
  let applicants = (await byPrefix(db, 'core_users', 'account', APPLICANT_PREFIX).execute()) as UserRow[];
  if (schools.length !== counties.length) {
    if (schools.length) throw new Error(`found ${schools.length} bench schools for ${counties.length} counties: delete the database`);
    const at = new Date().toISOString();
    const passwordHash = await hashPassword('Bench-Fixture-Only-1!');
    schools = counties.map((c, k) => {
      const id = newId();
      return {
        id,
        code: `${SCHOOL_PREFIX}${String(k + 1).padStart(5, '0')}`,
        name: `${c.shortName ?? c.name}第一实验小学`,
        shortName: null,
        type: 'school',
        stage: 'primary',
        divisionCode: c.divisionCode,
        parentId: c.id,
        path: childPath(c.path, id),
        depth: Number(c.depth) + 1,
        isActive: 1,
        isSample: 1,
        createdAt: at,
        updatedAt: at,
      };
    });
    applicants = schools.map((s, k) => ({
      id: newId(),
      account: `${APPLICANT_PREFIX}${String(k + 1).padStart(5, '0')}`,
      real_name: `教师${k + 1}`,
      display_name: `教师${k + 1}`,
      org_id: s.id,
      org_path: s.path,
      id_number_cipher: null,
      id_number_index: null,
      id_number_masked: null,
      phone_cipher: null,
      phone_index: null,
      phone_masked: null,
      email: null,
      password_hash: passwordHash,
      must_change_password: 0,
      status: 'active',
      failed_attempts: 0,
      locked_until: null,
      totp_secret_cipher: null,
      totp_pending_cipher: null,
      totp_last_counter: null,
      totp_enabled_at: null,
      last_login_at: null,
      password_changed_at: at,
      is_sample: 1,
      is_service_account: 0,
      created_at: at,
      updated_at: at,
    }));
    await db.transaction().execute(async (trx) => {
      await insertOrgs(trx as Kysely<any>, schools);
      await insertUsers(trx, applicants);
    });
  }
  const countyById = new Map(counties.map((c) => [c.id, c]));
  return schools.map((school, k) => ({ school, county: countyById.get(school.parentId!)!, applicant: applicants[k] }));
}

/** The route `resolveRoute` gives a school's record: county, its city (if any), province, ministry. */
function routeOf(county: OrgRow, orgsById: Map<string, OrgRow>): Array<{ stepId: string; orgId: string | null }> {
  const above = county.path
    .split('/')
    .filter(Boolean)
    .map((id) => orgsById.get(id)!)
    .reverse();
  const at = (type: string) => above.find((o) => o.type === type)?.id ?? null;
  const levels: Record<string, string> = {
    county: 'county_authority',
    city: 'city_authority',
    province: 'provincial_authority',
    ministry: 'ministry',
  };
  return lessonSteps.map((s) => ({ stepId: s.id, orgId: at(levels[s.level]) }));
}

const PREFIX = { county: 'bench-c-', ministry: 'bench-m-' } as const;
type Stage = keyof typeof PREFIX;

const ofStage = (db: Kysely<any>, stage: Stage) =>
  db
    .selectFrom('core_workflow_instances')
    .where('subject_type', '=', SUBJECT_TYPE)
    .where('subject_id', '>=', PREFIX[stage])
    .where('subject_id', '<', `${PREFIX[stage]}~`);

async function deleteInstances(db: Kysely<any>, stage: Stage): Promise<void> {
  const ours = ofStage(db, stage).select('id');
  await db.deleteFrom('core_workflow_tasks').where('instance_id', 'in', ours).execute();
  await db.deleteFrom('core_workflow_history').where('instance_id', 'in', ours).execute();
  await db.deleteFrom('core_workflow_instances').where('id', 'in', ours).execute();
}

/**
 * N in-progress reviews, the j-th from the school of county ⌊j·C/N⌋ (so each county gets N/C),
 * submitted over the last 30 days, each with its one open org task and its submit entry:
 * waiting at their county (`county`), or forwarded all the way to 部级评审 at the ministry
 * (`ministry`; the earlier steps' closed tasks and history are left out).
 */
async function seedInstances(db: Kysely<any>, stage: Stage, n: number, places: Awaited<ReturnType<typeof seedSchools>>): Promise<void> {
  const existing = Number(
    (
      await ofStage(db, stage)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (existing === n) return;
  if (existing) await deleteInstances(db, stage);
  const orgsById = new Map(
    (await orgsDb(db).selectFrom('core_orgs').selectAll().where('type', '!=', 'school').execute()).map((o) => [o.id, o]),
  );
  const routes = places.map((p) => routeOf(p.county, orgsById));
  const rnd = seeded(stage === 'county' ? 20261130 : 20261201);
  const now = Date.now();
  for (let from = 0; from < n; from += ROWS_PER_TRANSACTION) {
    const instances: object[] = [];
    const tasks: object[] = [];
    const history: object[] = [];
    for (let j = from; j < Math.min(n, from + ROWS_PER_TRANSACTION); j++) {
      const k = Math.floor((j * places.length) / n);
      const { school, applicant } = places[k];
      const route = routes[k];
      const current = route.find((r) => r.stepId === stage)!;
      const createdMs = now - Math.floor(rnd() * 30 * 86_400_000);
      const at = new Date(createdMs).toISOString();
      const id = newId(createdMs);
      instances.push({
        id,
        definition_id: DEFINITION,
        subject_type: SUBJECT_TYPE,
        subject_id: `${PREFIX[stage]}${String(j + 1).padStart(7, '0')}`,
        title: `${school.name}优课申报 ${j + 1}`,
        link: null,
        org_id: school.id,
        org_path: school.path,
        applicant_id: applicant.id,
        applicant_name: applicant.display_name,
        state: 'in_progress',
        step_id: stage,
        route: toJson(route),
        acting_org_id: current.orgId,
        round: route.indexOf(current) + 1,
        due_at: stage === 'county' ? new Date(createdMs + 72 * 3_600_000).toISOString() : null,
        remind_at: stage === 'county' ? new Date(createdMs + 48 * 3_600_000).toISOString() : null,
        version: 1,
        created_at: at,
        updated_at: at,
        finished_at: null,
      });
      tasks.push({
        id: newId(createdMs),
        instance_id: id,
        step_id: stage,
        round: route.indexOf(current) + 1,
        kind: 'org',
        org_id: current.orgId,
        permission: REVIEW,
        user_id: null,
        origin: 'route',
        status: 'open',
        decision: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
      });
      history.push({
        id: newId(createdMs),
        instance_id: id,
        seq: 1,
        operation: 'submit',
        step_id: 'county',
        from_step: null,
        to_step: 'county',
        actor_id: applicant.id,
        actor_name: applicant.display_name,
        at,
        comment: null,
        file_ids: '[]',
        target_user_id: null,
        target_org_id: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(trx, 'core_workflow_instances', instances);
      await insertChunked(trx, 'core_workflow_tasks', tasks);
      await insertChunked(trx, 'core_workflow_history', history);
    });
  }
}

async function seedCaller(platform: Platform, caller: (typeof CALLERS)[keyof typeof CALLERS]): Promise<void> {
  const ctx = platform.systemCtx({ kind: 'cli', id: null, name: 'cli:bench-seed' });
  const org = await findOrgByCode(platform.database.db, caller.orgCode);
  if (!org) throw new Error(`no org ${caller.orgCode}`);
  let user = await findUserByAccount(platform.database.db, caller.account);
  if (!user) {
    await createUser(ctx, { account: caller.account, realName: caller.realName, orgId: org.id, password: caller.password });
    user = await findUserByAccount(platform.database.db, caller.account);
  }
  await grantByCode(ctx, user!.id, caller.role, org.id);
}

/** Brings the bench database to the requested numbers of open reviews; returns what the report prints. */
export async function seedTodoBench(platform: Platform, options: TodoBenchOptions): Promise<{ counties: number; seeded: boolean }> {
  const { db } = platform.database;
  const places = await seedSchools(db);
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('core_workflow_instances')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count(); // the bench database holds no other reviews
  await seedInstances(db, 'county', options.instances, places);
  await seedInstances(db, 'ministry', options.ministry, places);
  for (const caller of Object.values(CALLERS)) await seedCaller(platform, caller);
  const seededNow = before !== options.instances + options.ministry;
  // Statistics as a long-lived PostgreSQL has them after autovacuum; the platform never runs
  // ANALYZE on SQLite, so SQLite is measured without statistics (the bench shows both plans).
  if (seededNow && options.engine === 'postgres') await sql`vacuum analyze`.execute(db);
  return { counties: places.length, seeded: seededNow };
}
