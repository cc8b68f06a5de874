import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '#kernel';
import { XLSX_CONTENT_TYPE } from '#kernel/xlsx-export.ts';
import { hashPassword } from '#core/auth/server/password.ts';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { findOrgForUser, insertUsers, type UserRow } from './user.repo.ts';
import { USER_EXPORT_LIMIT } from './user.export.ts';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const PASSWORD = 'Blue-Harbour-71';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';
const BULK = 1_200;
const HEADERS_ZH = [
  '账号',
  '姓名',
  '显示名',
  '所属机构',
  '身份证号(脱敏)',
  '手机号(脱敏)',
  '电子邮箱',
  '状态',
  '是否锁定',
  '最后登录',
  '创建时间',
];

/** The sheet's rows as arrays of cell values, the header first. */
async function sheetOf(res: LightMyRequestResponse): Promise<unknown[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const accountsOf = (rows: unknown[][]) => rows.slice(1).map((r) => r[0] as string);

describeOnEngines('user export over HTTP', (h) => {
  let admin: Session;
  let countyAdmin: Session;
  let changan: string;
  let qiaoxi: string;

  beforeAll(async () => {
    admin = await h().signInAs('root-admin', 'MOE', ['platform_admin']);
    countyAdmin = await h().signInAs('changan-admin', 'GB130102', ['org_admin']);
    changan = await h().orgId('GB130102');
    qiaoxi = await h().orgId('GB130104');
    await h().makeUser({ account: 'qiaoxi-teacher', orgCode: 'GB130104' });
    const create = (body: Record<string, unknown>) => admin.request('POST', '/api/users', { password: PASSWORD, orgId: changan, ...body });
    expect(
      (await create({ account: 'zhang.wei', realName: '张伟', idNumber: ID_NUMBER, phone: PHONE, email: 'zhang.wei@example.cn' }))
        .statusCode,
    ).toBe(201);
    expect((await create({ account: 'formula.name', realName: FORMULA_NAME })).statusCode).toBe(201);

    // Straight through the repo: 1,200 users over the API would take minutes of password hashing.
    const org = (await findOrgForUser(h().platform.database.db, changan))!;
    const hash = await hashPassword(PASSWORD);
    const at = h().now().toISOString();
    const rows: UserRow[] = Array.from({ length: BULK }, (_, i) => ({
      id: newId(),
      account: `bulk-${String(i).padStart(4, '0')}`,
      real_name: '批量用户',
      display_name: '批量用户',
      org_id: org.id,
      org_path: org.path,
      id_number_cipher: null,
      id_number_index: null,
      id_number_masked: null,
      phone_cipher: null,
      phone_index: null,
      phone_masked: null,
      email: null,
      password_hash: hash,
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
      is_sample: 0,
      is_service_account: 0,
      created_at: at,
      updated_at: at,
    }));
    await insertUsers(h().platform.database.db, rows);
  });

  it("exports every user of the county admin's county, past the first batch, and no one else", async () => {
    const rows = await sheetOf(await countyAdmin.request('GET', '/api/users/export'));
    const accounts = accountsOf(rows);
    const total = (await countyAdmin.request('GET', '/api/users?pageSize=1')).json().total;
    expect(total).toBeGreaterThan(BULK);
    expect(accounts).toHaveLength(total);
    expect(new Set(accounts).size).toBe(total);
    for (let i = 0; i < BULK; i += 1) expect(accounts).toContain(`bulk-${String(i).padStart(4, '0')}`);
    expect(accounts).toContain('changan-admin');
    expect(accounts).not.toContain('qiaoxi-teacher');
    expect(accounts).not.toContain('root-admin');
    expect(rows.slice(1).every((r) => r[3] === rows[1][3])).toBe(true); // one org name: 长安区's
  });

  it('writes Chinese headers and names the file in Chinese with the date', async () => {
    const res = await countyAdmin.request('GET', '/api/users/export?q=zhang');
    expect((await sheetOf(res))[0]).toEqual(HEADERS_ZH);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="export\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^用户-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('writes English headers and values for ?lang=en', async () => {
    const rows = await sheetOf(await countyAdmin.request('GET', '/api/users/export?q=zhang&lang=en'));
    expect(rows[0]).toEqual([
      'Account',
      'Real name',
      'Display name',
      'Org',
      'ID number (masked)',
      'Phone (masked)',
      'E-mail',
      'Status',
      'Locked',
      'Last sign-in',
      'Created',
    ]);
    expect(rows[1].slice(7, 9)).toEqual(['Active', 'No']);
  });

  it('writes the masked ID number and phone, never the plain ones', async () => {
    const rows = await sheetOf(await countyAdmin.request('GET', '/api/users/export?q=zhang'));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 9)).toEqual([
      'zhang.wei',
      '张伟',
      '张伟',
      expect.any(String),
      '110***********002X',
      '138****5678',
      'zhang.wei@example.cn',
      '正常',
      '否',
    ]);
    expect(rows[1][10]).toBeInstanceOf(Date);
    const everyCell = JSON.stringify(await sheetOf(await countyAdmin.request('GET', '/api/users/export')));
    expect(everyCell).not.toContain(ID_NUMBER);
    expect(everyCell).not.toContain('19491231');
    expect(everyCell).not.toContain(PHONE);
  });

  it('applies the list filters: ?q= by account prefix, by exact ID number, and status', async () => {
    expect(accountsOf(await sheetOf(await countyAdmin.request('GET', '/api/users/export?q=bulk-00')))).toHaveLength(100);
    expect(accountsOf(await sheetOf(await countyAdmin.request('GET', `/api/users/export?q=${ID_NUMBER}`)))).toEqual(['zhang.wei']);
    expect(accountsOf(await sheetOf(await countyAdmin.request('GET', '/api/users/export?status=disabled')))).toEqual([]);
  });

  it('escapes a real name that a spreadsheet would run as a formula', async () => {
    const rows = await sheetOf(await countyAdmin.request('GET', '/api/users/export?q=formula.name'));
    expect(rows[1].slice(0, 3)).toEqual(['formula.name', `'${FORMULA_NAME}`, `'${FORMULA_NAME}`]);
  });

  it("answers 404 with a problem, not a file, for an org outside the caller's scope", async () => {
    const res = await countyAdmin.request('GET', `/api/users/export?orgId=${qiaoxi}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('orgs.org_not_found');
  });

  it('records the export with its filter and row count under the county', async () => {
    await countyAdmin.request('GET', '/api/users/export?q=bulk-01');
    const events = (await admin.request('GET', '/api/audit/events?action=users.user.exported&pageSize=100')).json().items;
    const event = events.find((e: { changes: { filter?: { q?: string } } }) => e.changes.filter?.q === 'bulk-01');
    expect(event).toMatchObject({ actor: { name: 'changan-admin' }, orgId: changan, changes: { filter: { q: 'bulk-01' }, rows: 100 } });
    // The county's own auditors see it too.
    const own = (await countyAdmin.request('GET', '/api/audit/events?action=users.user.exported&pageSize=100')).json().items;
    expect(own.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it('refuses the export of users without the read permission', async () => {
    await h().makeUser({ account: 'no-rights', orgCode: 'GB130102' });
    const res = await (await h().signIn('no-rights')).request('GET', '/api/users/export');
    expect(res.statusCode).toBe(403);
    expect(USER_EXPORT_LIMIT).toBeGreaterThan(BULK);
  });
});
