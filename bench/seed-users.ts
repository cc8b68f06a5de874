/**
 * Builds the benchmark database: migrations and the reference org tree (~3,400 authorities),
 * then N schools spread over the county-level authorities, then N users spread over the
 * schools (so every province holds users in proportion to its counties), then the bench
 * caller. Idempotent: a complete database is left alone; an interrupted run resumes.
 *
 *   node --import tsx bench/seed-users.ts [--users 1000000] [--schools 20000|500000]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/educloud_bench node --import tsx bench/seed-users.ts
 *
 * Schools and users are bulk data inserted straight through the repos (insertOrgs,
 * insertUsers) in big transactions, with one precomputed scrypt hash shared by every row and
 * WITHOUT an audit record per row. That is acceptable for a benchmark fixture only: the
 * platform's own paths (createOrg, createUser, the org import) always audit. The bench caller
 * and its role and grant do go through the services, so they are audited as usual.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { childPath, newId } from '#kernel';
import { hashPassword } from '#core/auth/server/password.ts';
import { findOrgByCode, insertOrgs, type OrgRow } from '#core/orgs/server/org.repo.ts';
import { orgsDb } from '#core/orgs/server/orgs.tables.ts';
import { countUsers, findUserByAccount, insertUsers, type UserRow } from '#core/users/server/user.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { maskPhone } from '#core/users/server/id-number.ts';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { createRole, grantByCode } from '#core/access/server/access.service.ts';
import { findRoleByCode } from '#core/access/server/access.repo.ts';
import { openPlatform, preparePlatform, type Platform } from '../apps/server/src/platform.ts';
import {
  benchConfig,
  benchOptions,
  CALLER,
  ensurePostgresDatabase,
  SCHOOL_PREFIX,
  seeded,
  USER_PREFIX,
  type BenchOptions,
} from './bench-env.ts';

const USERS_PER_TRANSACTION = 50_000;
const SCHOOLS_PER_TRANSACTION = 50_000;
const STAGES = ['primary', 'primary', 'primary', 'junior', 'junior', 'senior', 'nine_year', 'kindergarten'] as const;
const STAGE_NAMES: Record<(typeof STAGES)[number], string> = {
  primary: '小学',
  junior: '初级中学',
  senior: '高级中学',
  nine_year: '九年一贯制学校',
  kindergarten: '幼儿园',
};
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华飞鑫波宇浩凯晨子涵欣怡梓轩雨泽思雨一诺佳怡俊杰文博雅琪晓东红梅海燕志强建国丹阳',
];

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);

const countByPrefix = async (db: Kysely<any>, table: string, column: string, prefix: string) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '>=', `${prefix}0`)
        .where(column, '<', `${prefix}:`)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** County-level authorities, plus cities that have no counties (东莞, 中山 …), ordered by code. */
async function schoolParents(db: Kysely<any>): Promise<OrgRow[]> {
  const rows = await orgsDb(db)
    .selectFrom('core_orgs as o')
    .selectAll('o')
    .where((eb) =>
      eb.or([
        eb('o.type', '=', 'county_authority'),
        eb.and([
          eb('o.type', '=', 'city_authority'),
          eb.not(eb.exists(eb.selectFrom('core_orgs as c').select('c.id').whereRef('c.parentId', '=', 'o.id'))),
        ]),
      ]),
    )
    .orderBy('o.code')
    .execute();
  if (rows.length === 0) throw new Error('no county authorities: the reference seed did not run');
  return rows;
}

async function seedSchools(platform: Platform, options: BenchOptions): Promise<OrgRow[]> {
  const { db } = platform.database;
  const existing = await countByPrefix(db, 'core_orgs', 'code', SCHOOL_PREFIX);
  if (existing === options.schools) {
    log(`${existing} schools already present`);
    return await orgsDb(db)
      .selectFrom('core_orgs')
      .selectAll()
      .where('code', '>=', `${SCHOOL_PREFIX}0`)
      .where('code', '<', `${SCHOOL_PREFIX}:`)
      .orderBy('code')
      .execute();
  }
  if (existing !== 0)
    throw new Error(`the database holds ${existing} bench schools, not ${options.schools}: use another database (or delete it)`);
  const parents = await schoolParents(db);
  log(`creating ${options.schools} schools under ${parents.length} county-level authorities`);
  const rnd = seeded(20261129);
  const at = new Date().toISOString();
  const schools: OrgRow[] = [];
  const perParent = new Map<string, number>();
  for (let j = 0; j < options.schools; j++) {
    const parent = parents[Math.floor((j * parents.length) / options.schools)];
    const k = (perParent.get(parent.id) ?? 0) + 1;
    perParent.set(parent.id, k);
    const stage = STAGES[Math.floor(rnd() * STAGES.length)];
    const id = newId();
    schools.push({
      id,
      code: `${SCHOOL_PREFIX}${String(j + 1).padStart(7, '0')}`,
      name: `${parent.shortName ?? parent.name}第${k}${STAGE_NAMES[stage]}`,
      shortName: null,
      type: 'school',
      stage,
      divisionCode: parent.divisionCode,
      parentId: parent.id,
      path: childPath(parent.path, id),
      depth: Number(parent.depth) + 1,
      isActive: 1,
      isSample: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  for (let i = 0; i < schools.length; i += SCHOOLS_PER_TRANSACTION) {
    await db.transaction().execute((trx) => insertOrgs(trx as Kysely<any>, schools.slice(i, i + SCHOOLS_PER_TRANSACTION)));
  }
  log(`${schools.length} schools inserted`);
  return schools;
}

function userRows(from: number, to: number, options: BenchOptions, schools: OrgRow[], passwordHash: string): UserRow[] {
  const rnd = seeded(from + 1);
  const cipher = fieldCipher();
  const base = Date.parse('2026-09-01T00:00:00Z');
  const rows: UserRow[] = [];
  for (let i = from; i < to; i++) {
    const school = schools[Math.floor((i * schools.length) / options.users)];
    const name =
      SURNAMES[Math.floor(rnd() * SURNAMES.length)] +
      GIVEN[Math.floor(rnd() * GIVEN.length)] +
      (rnd() < 0.6 ? GIVEN[Math.floor(rnd() * GIVEN.length)] : '');
    const createdMs = base - Math.floor(rnd() * 3 * 365 * 86_400_000);
    const at = new Date(createdMs).toISOString();
    // 2% of rows carry an encrypted phone, so the masked column is not empty everywhere;
    // ID numbers stay null (the list neither filters nor decrypts them).
    const phone = rnd() < 0.02 ? `1${3 + Math.floor(rnd() * 7)}${String(i).padStart(9, '0')}` : null;
    rows.push({
      id: newId(createdMs),
      account: `${USER_PREFIX}${String(i + 1).padStart(7, '0')}`,
      real_name: name,
      display_name: name,
      org_id: school.id,
      org_path: school.path,
      id_number_cipher: null,
      id_number_index: null,
      id_number_masked: null,
      phone_cipher: phone ? cipher.encrypt(phone) : null,
      phone_index: phone ? cipher.blindIndex(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
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
      last_login_at: rnd() < 0.3 ? new Date(createdMs + Math.floor(rnd() * 86_400_000 * 30)).toISOString() : null,
      password_changed_at: at,
      is_sample: 1,
      is_service_account: 0,
      created_at: at,
      updated_at: at,
    });
  }
  return rows;
}

async function seedUsers(platform: Platform, options: BenchOptions, schools: OrgRow[]): Promise<void> {
  const { db } = platform.database;
  const existing = await countByPrefix(db, 'core_users', 'account', USER_PREFIX);
  if (existing >= options.users) {
    log(`${existing} bench users already present`);
    return;
  }
  if (existing % USERS_PER_TRANSACTION !== 0)
    throw new Error(`found ${existing} bench users, not a whole number of batches: delete the database and seed again`);
  if (existing > 0) log(`resuming after ${existing} users`);
  // One hash for every row: scrypt costs ~50 ms, a million of them would take half a day.
  const passwordHash = await hashPassword('Bench-Fixture-Only-1!');
  const started = performance.now();
  for (let from = existing; from < options.users; from += USERS_PER_TRANSACTION) {
    const to = Math.min(options.users, from + USERS_PER_TRANSACTION);
    const rows = userRows(from, to, options, schools, passwordHash);
    await db.transaction().execute((trx) => insertUsers(trx, rows));
    const rate = (to - existing) / ((performance.now() - started) / 1000);
    log(`users ${to.toLocaleString('en')} / ${options.users.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')} rows/s)`);
  }
}

async function seedCaller(platform: Platform): Promise<void> {
  const ctx = platform.systemCtx({ kind: 'cli', id: null, name: 'cli:bench-seed' });
  const { db } = platform.database;
  const province = await findOrgByCode(db, CALLER.provinceCode);
  if (!province) throw new Error(`no org ${CALLER.provinceCode}`);
  if (!(await findRoleByCode(db, CALLER.roleCode))) {
    await createRole(ctx, {
      code: CALLER.roleCode,
      name: CALLER.roleName,
      nameEn: 'Benchmark reader',
      description: '性能基准测试用的只读角色',
      permissions: [...CALLER.permissions],
    });
  }
  let user = await findUserByAccount(db, CALLER.account);
  if (!user) {
    await createUser(ctx, { account: CALLER.account, realName: CALLER.realName, orgId: province.id, password: CALLER.password });
    user = await findUserByAccount(db, CALLER.account);
  }
  await grantByCode(ctx, user!.id, CALLER.roleCode, province.id);
  log(`bench caller ${CALLER.account} holds ${CALLER.roleCode} (${CALLER.permissions.join(', ')}) on ${province.name} ${province.code}`);
}

async function main(): Promise<void> {
  const options = benchOptions();
  log(
    `benchmark database: ${options.label}, ${options.users.toLocaleString('en')} users over ${options.schools.toLocaleString('en')} schools`,
  );
  if (options.engine === 'postgres' && (await ensurePostgresDatabase(options.databaseUrl)))
    log(`created PostgreSQL database ${new URL(options.databaseUrl).pathname.slice(1)}`);
  const platform = openPlatform(benchConfig(options));
  try {
    const { db } = platform.database;
    if (options.engine === 'sqlite') {
      // A bigger page cache for the bulk load only (this connection); the app uses its defaults.
      await sql`pragma cache_size = -524288`.execute(db);
    }
    const { migrated } = await preparePlatform(platform);
    log(`migrated (${migrated.length} new migrations) and seeded the reference org tree`);
    const complete = (await countByPrefix(db, 'core_users', 'account', USER_PREFIX)) >= options.users;
    if (!complete) {
      const schools = await seedSchools(platform, options);
      await seedUsers(platform, options, schools);
      // PostgreSQL: VACUUM sets the visibility map, so count(*) can be an index-only scan as it
      // would be once autovacuum has visited a long-lived table; both engines get statistics.
      log(options.engine === 'postgres' ? 'vacuum analyze' : 'analyze');
      await (options.engine === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
      if (options.engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(db);
    } else {
      log('users already seeded: skipping schools and users');
    }
    await seedCaller(platform);
    const [users, orgs] = await Promise.all([
      countUsers(db),
      db
        .selectFrom('core_orgs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    log(`done: ${users.toLocaleString('en')} users, ${Number(orgs.n).toLocaleString('en')} orgs; seeding took ${elapsed()}`);
  } finally {
    await platform.close();
  }
}

await main();
