import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { subtreeRange } from '#kernel';
import { createOrg, moveOrg } from '#core/orgs/server/org.service.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { describeOnEngines, TEST_PASSWORD, type Session } from './testing/test-app.ts';
import { importPlan, getPlan } from '../../../modules/work-plan/server/plan.service.ts';
import { submitReport } from '../../../modules/work-plan/server/report.service.ts';

const PLAN = ['2021年迁移县教育工作要点', '重点任务', '(一)迁移方面', '1.迁移任务', '建成5所迁移学校。(责任单位:迁移县教育局)'].join('\n');

describeOnEngines('moving an org moves everything that copies its path', (h) => {
  let fromCity: Session;
  let toCity: Session;
  let county: { id: string; path: string };
  let planId: string;

  /** Every `*_path` column of the migrated schema, as `table.column`. */
  async function pathColumns(): Promise<string[]> {
    const db = h().platform.database.db;
    const rows =
      h().engine === 'sqlite'
        ? (
            await sql<{
              t: string;
              c: string;
            }>`select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name like '%\\_path' escape '\\'`.execute(
              db,
            )
          ).rows
        : (
            await sql<{
              t: string;
              c: string;
            }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and column_name like '%\\_path'`.execute(
              db,
            )
          ).rows;
    return rows.map((r) => `${r.t}.${r.c}`).sort();
  }
  const declared = (kind: 'orgPathColumns' | 'historicalOrgPathColumns') =>
    h()
      .platform.modules.flatMap((m) => m[kind] ?? [])
      .map((c) => `${c.table}.${c.column}`);

  beforeAll(async () => {
    const sys = h().system();
    const created = await createOrg(sys, {
      parentId: await h().orgId('GB130100'),
      code: 'MOVE-K',
      name: '迁移县教育局',
      type: 'county_authority',
    });
    county = { id: created.id, path: created.path };
    await createUser(sys, { account: 'move-teacher', realName: '迁移教师', orgId: county.id, password: TEST_PASSWORD });
    const { plan } = await importPlan(sys, { orgId: county.id, text: PLAN });
    planId = plan.id;
    const task = (await getPlan(sys, plan.id)).areas[0].tasks[0];
    await submitReport(sys, task.id, { orgId: county.id, reportDate: '2021-06-01', text: '迁移前报送。' });
    fromCity = await h().signInAs('move-from-city', 'GB130100', ['org_admin']);
    toCity = await h().signInAs('move-to-city', 'GB130200', ['org_admin']);
  });

  it('declares every *_path column of the schema as moving with the org or as history', async () => {
    const all = await pathColumns();
    expect(all.length).toBeGreaterThanOrEqual(10);
    const known = new Set([...declared('orgPathColumns'), ...declared('historicalOrgPathColumns')]);
    expect(
      all.filter((c) => !known.has(c)),
      'org path columns no module declares',
    ).toEqual([]);
  });

  it('rewrites every declared column in the move, so the old parent loses sight and the new one gains it', async () => {
    const before = (await fromCity.request('GET', `/api/audit/events?objectId=${county.id}`)).json();
    expect(before.items.length).toBeGreaterThan(0);

    const moved = await moveOrg(h().system(), county.id, await h().orgId('GB130200'));
    const db = h().platform.database.db;
    const [lower, upper] = subtreeRange(county.path);
    for (const column of declared('orgPathColumns')) {
      const [table, name] = column.split('.');
      const left = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(name, '>=', lower)
        .where(name, '<', upper)
        .executeTakeFirstOrThrow();
      expect(Number(left.n), `${column} still under the old path`).toBe(0);
    }
    // The hashed history keeps the path at the time and the chain still verifies.
    const history = await db
      .selectFrom('core_audit_events')
      .select('org_path')
      .where('object_id', '=', county.id)
      .where('action', '=', 'orgs.org.created')
      .executeTakeFirstOrThrow();
    expect(history.org_path).toBe(county.path);

    const plansFrom = (await fromCity.request('GET', '/api/work-plan/plans')).json();
    expect(plansFrom.map((p: { id: string }) => p.id)).not.toContain(planId);
    const plansTo = (await toCity.request('GET', '/api/work-plan/plans')).json();
    expect(plansTo.map((p: { id: string }) => p.id)).toContain(planId);

    expect((await fromCity.request('GET', `/api/audit/events?objectId=${county.id}`)).json().items).toEqual([]);
    const after = (await toCity.request('GET', `/api/audit/events?objectId=${county.id}`)).json();
    expect(after.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(before.items.map((e: { id: string }) => e.id)));
    const old = await toCity.request('GET', `/api/audit/events/${before.items.at(-1).id}`);
    expect(old.statusCode).toBe(200);
    expect((await fromCity.request('GET', `/api/audit/events/${before.items.at(-1).id}`)).statusCode).toBe(404);

    const users = (await toCity.request('GET', '/api/users?q=move-teacher')).json();
    expect(users.items.map((u: { orgId: string }) => u.orgId)).toEqual([moved.id]);
    const admin = await h().signInAs('move-verifier', 'MOE', ['platform_admin']);
    expect((await admin.request('POST', '/api/audit/verify')).json().ok).toBe(true);
  });

  it('publishes orgs.org.moved with the old and the new path, for what copies paths outside the move', async () => {
    const events = await h()
      .platform.database.db.selectFrom('core_events')
      .select(['type', 'payload'])
      .where('type', '=', 'orgs.org.moved')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload as string))).toEqual([
      {
        orgId: county.id,
        fromParentId: await h().orgId('GB130100'),
        toParentId: await h().orgId('GB130200'),
        oldPath: county.path,
        newPath: expect.stringMatching(new RegExp(`/${county.id}/$`)),
      },
    ]);
  });
});
