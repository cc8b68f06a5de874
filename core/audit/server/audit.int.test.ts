import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { runCliAgainst } from '../../../apps/server/src/testing/run-cli.ts';

const ID_NUMBER = '11010519491231002X';
const PASSWORD = 'Blue-Harbour-71';

type Event = { id: string; seq: number; action: string; orgId: string | null; objectId: string | null };

const countRows = async (h: TestApp, table: string) =>
  Number(
    (
      await h.platform.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const headSeq = async (h: TestApp) =>
  Number((await h.platform.database.db.selectFrom('core_audit_head').select('seq').executeTakeFirstOrThrow()).seq);

describeOnEngines('audit trail over HTTP', (h) => {
  let admin: Session;
  let countyAdmin: Session;
  let changan: string;
  let qiaoxi: string;

  const events = async (session: Session, query = '') =>
    (await session.request('GET', `/api/audit/events?pageSize=500${query}`)).json() as { items: Event[]; total: number };

  beforeAll(async () => {
    admin = await h().signInAs('root-admin', 'MOE', ['platform_admin']);
    countyAdmin = await h().signInAs('changan-admin', 'GB130102', ['org_admin']);
    changan = await h().orgId('GB130102');
    qiaoxi = await h().orgId('GB130104');
  });

  it('records a change made through the API with its actor, ip, action, object and masked changes', async () => {
    const created = await admin.request('POST', '/api/users', {
      account: 'audited',
      realName: '审计对象',
      orgId: changan,
      idNumber: ID_NUMBER,
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json().user.id;
    await admin.request('PATCH', `/api/users/${userId}`, { realName: '审计对象改' });

    const res = await admin.request('GET', `/api/audit/events?objectId=${userId}`);
    expect(res.statusCode).toBe(200);
    const [updated, creation] = res.json().items;
    expect(creation).toMatchObject({
      action: 'users.user.created',
      actor: { kind: 'user', id: admin.userId, name: 'root-admin' },
      ip: '127.0.0.1',
      objectType: 'user',
      objectId: userId,
      orgId: changan,
      changes: { account: 'audited', realName: '审计对象', idNumber: '110***********002X' },
    });
    expect(updated).toMatchObject({
      action: 'users.user.updated',
      actor: { id: admin.userId },
      changes: { realName: ['审计对象', '审计对象改'] },
    });
    expect(updated.seq).toBeGreaterThan(creation.seq);
    expect(res.body).not.toContain(ID_NUMBER);
  });

  it('shows a county admin only the events of their own subtree', async () => {
    const outside = (
      await admin.request('POST', '/api/users', { account: 'elsewhere', realName: '桥西用户', orgId: qiaoxi, password: PASSWORD })
    ).json().user.id;
    const inside = (
      await admin.request('POST', '/api/users', { account: 'at-home', realName: '长安用户', orgId: changan, password: PASSWORD })
    ).json().user.id;
    const seen = (await events(countyAdmin)).items;
    const visibleOrgs = new Set(
      ((await countyAdmin.request('GET', '/api/orgs?pageSize=500')).json().items as Array<{ id: string }>).map((o) => o.id),
    );
    expect(seen.map((e) => e.objectId)).toContain(inside);
    expect(seen.map((e) => e.objectId)).not.toContain(outside);
    expect(seen.every((e) => e.orgId !== null && visibleOrgs.has(e.orgId))).toBe(true);

    const foreign = (await events(admin, `&objectId=${outside}`)).items[0];
    expect((await countyAdmin.request('GET', `/api/audit/events/${foreign.id}`)).statusCode).toBe(404);
    expect((await countyAdmin.request('GET', `/api/audit/events?orgId=${qiaoxi}`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/audit/events/${foreign.id}`)).statusCode).toBe(200);
  });

  it('leaves neither the change nor its audit record when the work fails after audit()', async () => {
    const [orgName, auditRows, head] = [await orgNameOf(changan), await countRows(h(), 'core_audit_events'), await headSeq(h())];
    await expect(
      h()
        .system()
        .transaction(async (tx) => {
          await tx.db.updateTable('core_orgs').set({ name: '不该留下的名字' }).where('id', '=', changan).execute();
          tx.audit({
            action: 'orgs.org.updated',
            objectType: 'org',
            objectId: changan,
            orgId: changan,
            changes: { name: [orgName, '不该留下的名字'] },
          });
          throw new Error('fails after the audit call');
        }),
    ).rejects.toThrow('fails after the audit call');
    expect(await orgNameOf(changan)).toBe(orgName);
    expect(await countRows(h(), 'core_audit_events')).toBe(auditRows);
    expect(await headSeq(h())).toBe(head);
  });

  it('undoes the change when its audit record cannot be written', async () => {
    const [orgName, auditRows] = [await orgNameOf(changan), await countRows(h(), 'core_audit_events')];
    // A BigInt cannot be encoded as JSON, so appending the record throws inside the transaction.
    await expect(
      h()
        .system()
        .transaction(async (tx) => {
          await tx.db.updateTable('core_orgs').set({ name: '无审计的改名' }).where('id', '=', changan).execute();
          tx.audit({ action: 'orgs.org.updated', objectType: 'org', objectId: changan, orgId: changan, changes: { size: 1n } });
        }),
    ).rejects.toThrow();
    expect(await orgNameOf(changan)).toBe(orgName);
    expect(await countRows(h(), 'core_audit_events')).toBe(auditRows);
    // The same change with a writable record keeps both, so the counts above can move.
    await h()
      .system()
      .transaction(async (tx) => {
        await tx.db.updateTable('core_orgs').set({ name: orgName }).where('id', '=', changan).execute();
        tx.audit({
          action: 'orgs.org.updated',
          objectType: 'org',
          objectId: changan,
          orgId: changan,
          changes: { name: [orgName, orgName] },
        });
      });
    expect(await countRows(h(), 'core_audit_events')).toBe(auditRows + 1);
  });

  it('lets only holders of the verify permission check the chain', async () => {
    const res = await countyAdmin.request('POST', '/api/audit/verify');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.forbidden', params: { permission: 'audit.chain.verify' } });
  });

  it('reports an untouched chain intact, over HTTP and from the command line', async () => {
    const head = await headSeq(h());
    expect(head).toBeGreaterThan(5);
    const res = await admin.request('POST', '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: head, headSeq: head });
    const cli = await runCliAgainst(h(), ['audit', 'verify']);
    expect(cli.code).toBe(0);
    expect(cli.out.join('\n')).toContain(`链头序号 ${head}`);
  });

  it('names the altered record when a row is changed in the database, over HTTP and from the command line', async () => {
    const target = (await events(admin, '&action=users.user.created')).items.find((e) => e.objectId !== null)!;
    const seq = target.seq;
    const head = await headSeq(h());
    expect(seq).toBeLessThan(head);
    await h()
      .platform.database.db.updateTable('core_audit_events')
      .set({ changes: '{"account":"forged"}' })
      .where('seq', '=', seq)
      .execute();

    const res = await admin.request('POST', '/api/audit/verify');
    expect(res.json()).toEqual({ ok: false, checked: seq - 1, headSeq: head, break: { seq, reason: 'hash_mismatch' } });
    const cli = await runCliAgainst(h(), ['audit', 'verify']);
    expect(cli.code).toBe(1);
    expect(cli.err).toHaveLength(1);
    expect(cli.err[0]).toContain(`序号 ${seq}（hash_mismatch）`);
    expect(cli.err[0]).toContain(`此前 ${seq - 1} 条记录完好`);
  });

  async function orgNameOf(id: string): Promise<string> {
    return (
      (await h().platform.database.db.selectFrom('core_orgs').select('name').where('id', '=', id).executeTakeFirstOrThrow()) as {
        name: string;
      }
    ).name;
  }
});

describeOnEngines('audit chain with deleted records', (h) => {
  let admin: Session;
  const verify = async () => (await admin.request('POST', '/api/audit/verify')).json();
  const db = () => h().platform.database.db;

  beforeAll(async () => {
    admin = await h().signInAs('root-admin', 'MOE', ['platform_admin']);
    const changan = await h().orgId('GB130102');
    for (const account of ['chain-a', 'chain-b', 'chain-c']) {
      expect(
        (await admin.request('POST', '/api/users', { account, realName: '链上用户', orgId: changan, password: PASSWORD })).statusCode,
      ).toBe(201);
    }
  });

  it('reports a gap where a middle record was deleted, and is whole again once it is restored', async () => {
    const head = await headSeq(h());
    const middle = head - 2;
    const row = await db().selectFrom('core_audit_events').selectAll().where('seq', '=', middle).executeTakeFirstOrThrow();
    await db().deleteFrom('core_audit_events').where('seq', '=', middle).execute();
    expect(await verify()).toEqual({
      ok: false,
      checked: middle - 1,
      headSeq: head,
      break: { seq: middle + 1, reason: 'gap', expectedSeq: middle },
    });

    await db().insertInto('core_audit_events').values(row).execute();
    expect(await verify()).toEqual({ ok: true, checked: head, headSeq: head });
  });

  it('reports a head mismatch when the last record was deleted', async () => {
    const head = await headSeq(h());
    await db().deleteFrom('core_audit_events').where('seq', '=', head).execute();
    expect(await verify()).toEqual({ ok: false, checked: head - 1, headSeq: head, break: { seq: head, reason: 'head_mismatch' } });
  });
});
