import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Actor } from '#kernel';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { checkIdNumber } from '#core/users/server/id-number.ts';
import { ensureFirstAdmin } from '../first-admin.ts';
import { describeOnEngines, startTestApp, type TestApp } from '../testing/test-app.ts';
import { demoPassword, runDemo } from './demo.ts';

const cli: Actor = { kind: 'cli', id: null, name: 'cli:test' };

async function tableSizes(db: Kysely<any>) {
  const size = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    orgs: await size('core_orgs'),
    users: await size('core_users'),
    grants: await size('core_grants'),
    audit: await size('core_audit_events'),
  };
}

/** What a person running the demo sees: accounts, names and masked identities, by account. */
async function accountList(db: Kysely<any>) {
  return db
    .selectFrom('core_users as u')
    .innerJoin('core_orgs as o', 'o.id', 'u.org_id')
    .select(['u.account', 'u.real_name', 'u.id_number_masked', 'u.phone_masked', 'o.code as org_code', 'o.name as org_name'])
    .orderBy('u.account')
    .execute();
}

describeOnEngines('educloud demo', (harness) => {
  let h: TestApp;
  let db: Kysely<any>;
  let exitCode: number;
  const lines: string[] = [];

  beforeAll(async () => {
    h = harness();
    db = h.platform.database.db;
    exitCode = await runDemo(h.platform, cli, (line) => lines.push(line));
  });

  it('fills a fresh database with sample schools in both provinces and says it is sample data', async () => {
    expect(exitCode).toBe(0);
    expect(lines.join('\n')).toContain('示例数据');
    expect(lines.join('\n')).toContain(demoPassword().value);
    const schools = await db
      .selectFrom('core_orgs as s')
      .innerJoin('core_orgs as county', 'county.id', 's.parent_id')
      .select(['s.code', 's.type', 's.is_sample', 'county.code as county_code'])
      .where('s.is_sample', '=', 1)
      .execute();
    expect(schools.length).toBeGreaterThanOrEqual(12);
    expect(schools.every((s) => s.type === 'school')).toBe(true);
    expect(new Set(schools.map((s) => s.county_code))).toEqual(new Set(['GB130102', 'GB130104', 'GB330102', 'GB330106']));
  });

  it('marks every user it creates as sample data', async () => {
    const users = await db.selectFrom('core_users').select(['account', 'is_sample']).execute();
    expect(users.length).toBeGreaterThan(150);
    expect(users.filter((u) => Number(u.is_sample) !== 1)).toEqual([]);
    expect(users.every((u) => u.account.startsWith('demo-'))).toBe(true);
  });

  it('refuses a second run with exit code 1 and changes nothing', async () => {
    const before = await tableSizes(db);
    const second: string[] = [];
    expect(await runDemo(h.platform, cli, (line) => second.push(line))).toBe(1);
    expect(second.join('\n')).toContain('已有示例数据');
    expect(await tableSizes(db)).toEqual(before);
  });

  it('stores a valid ID number for everyone, registered in the county of their org', async () => {
    const rows = await db
      .selectFrom('core_users as u')
      .innerJoin('core_orgs as o', 'o.id', 'u.org_id')
      .select(['u.account', 'u.id_number_cipher', 'o.division_code'])
      .execute();
    for (const row of rows) {
      const idNumber = fieldCipher().decrypt(row.id_number_cipher);
      expect(checkIdNumber(idNumber, h.now()).ok, row.account).toBe(true);
      // Province and city staff carry a county code inside their province or city.
      expect(idNumber.startsWith(row.division_code.replace(/(00)+$/, '')), row.account).toBe(true);
    }
  });

  it('gives one account a teacher grant at one school and a parent grant at another', async () => {
    const grants = await db
      .selectFrom('core_grants as g')
      .innerJoin('core_roles as r', 'r.id', 'g.role_id')
      .innerJoin('core_users as u', 'u.id', 'g.user_id')
      .select(['u.account', 'r.code as role', 'g.org_id'])
      .execute();
    const byAccount = new Map<string, typeof grants>();
    for (const g of grants) byAccount.set(g.account, [...(byAccount.get(g.account) ?? []), g]);
    const holders = [...byAccount.values()].filter((list) => list.length > 1);
    expect(holders).toHaveLength(1);
    expect(holders[0].map((g) => g.role).sort()).toEqual(['parent', 'teacher']);
    expect(new Set(holders[0].map((g) => g.org_id)).size).toBe(2);
  });

  it('audits every org, user and grant under the CLI actor', async () => {
    const actions = await db
      .selectFrom('core_audit_events')
      .select(['action'])
      .where('actor_name', '=', 'cli:test')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('action')
      .execute();
    const count = (action: string) => Number(actions.find((a) => a.action === action)?.n ?? 0);
    const sizes = await tableSizes(db);
    expect(count('users.user.created')).toBe(sizes.users);
    expect(count('access.grant.created')).toBe(sizes.grants);
    expect(count('orgs.org.created')).toBe(count('orgs.org.updated'));
    expect(count('orgs.org.created')).toBeGreaterThanOrEqual(12);
  });

  it('lets a county admin sign in and see only the users of that county', async () => {
    const session = await h.signIn('demo-admin-gb130102', demoPassword().value);
    const county = (await db.selectFrom('core_orgs').select('path').where('code', '=', 'GB130102').executeTakeFirstOrThrow())
      .path as string;
    const res = await session.request('GET', '/api/users?pageSize=500');
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: Array<{ account: string; orgId: string }>; total: number };
    const inCounty = await db.selectFrom('core_users').select('account').where('org_path', 'like', `${county}%`).execute();
    expect(page.total).toBe(inCounty.length);
    expect(page.items.map((u) => u.account).sort()).toEqual(inCounty.map((u) => u.account).sort());
    expect(page.items.map((u) => u.account)).not.toContain('demo-admin-gb130000');
    expect(page.items.map((u) => u.account)).not.toContain('demo-admin-gb130104');
  });
});

describe('educloud demo on a database already in use', () => {
  let h: TestApp | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it('refuses with exit code 1 when a user besides the first admin exists', async () => {
    h = await startTestApp('sqlite');
    await h.makeUser({ account: 'zhang.wei', orgCode: 'GB130102' });
    const before = await tableSizes(h.platform.database.db);
    const lines: string[] = [];
    expect(await runDemo(h.platform, cli, (line) => lines.push(line))).toBe(1);
    expect(lines.join('\n')).toContain('zhang.wei');
    expect(await tableSizes(h.platform.database.db)).toEqual(before);
  });
});

describe('educloud demo on two fresh databases', () => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('creates the same accounts, names and identities each time, beside the first admin', async () => {
    first = await startTestApp('sqlite');
    await ensureFirstAdmin(first.platform);
    expect(await runDemo(first.platform, cli, () => {})).toBe(0);
    const a = await accountList(first.platform.database.db);
    second = await startTestApp('sqlite');
    await ensureFirstAdmin(second.platform);
    expect(await runDemo(second.platform, cli, () => {})).toBe(0);
    const b = await accountList(second.platform.database.db);
    expect(a.length).toBeGreaterThan(150);
    expect(a.map((u) => u.account)).toContain('admin');
    expect(b).toEqual(a);
  });
});
