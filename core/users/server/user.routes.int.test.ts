import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { messageFor } from '../../../apps/server/src/messages.ts';
import { fieldCipher } from './field-crypto.ts';
import { idCheckDigit } from './id-number.ts';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const PASSWORD = 'Blue-Harbour-71';
// Builds an ID number with a correct check digit, so only the part under test can be wrong.
const withCheckDigit = (first17: string) => first17 + idCheckDigit(first17);
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((u) => u.id);
const accounts = (page: { items: Array<{ account: string }> }) => page.items.map((u) => u.account);

describeOnEngines('users over HTTP', (h) => {
  let admin: Session;
  let countyAdmin: Session;
  let changan: string;
  let qiaoxi: string;
  let xinhua: string;
  let changanTeacher: { id: string };
  let qiaoxiTeacher: { id: string };
  let xinhuaTeacher: { id: string };

  const create = (body: Record<string, unknown>) => admin.request('POST', '/api/users', { password: PASSWORD, orgId: changan, ...body });
  const search = (session: Session, query: string) =>
    session.request('GET', `/api/users?${query.includes('pageSize=') ? '' : 'pageSize=500&'}${query}`);
  const roleId = async (code: string) =>
    ((await admin.request('GET', '/api/access/roles')).json() as Array<{ id: string; code: string }>).find((r) => r.code === code)!.id;

  beforeAll(async () => {
    admin = await h().signInAs('root-admin', 'MOE', ['platform_admin']);
    countyAdmin = await h().signInAs('changan-admin', 'GB130102', ['org_admin']);
    changan = await h().orgId('GB130102');
    qiaoxi = await h().orgId('GB130104');
    xinhua = await h().orgId('GB130105');
    changanTeacher = await h().makeUser({ account: 'changan-teacher', orgCode: 'GB130102' });
    qiaoxiTeacher = await h().makeUser({ account: 'qiaoxi-teacher', orgCode: 'GB130104' });
    xinhuaTeacher = await h().makeUser({ account: 'xinhua-teacher', orgCode: 'GB130105' });
  });

  it('creates a user and answers with the masked ID number and phone only, never the plain values', async () => {
    const res = await create({ account: 'zhang.wei', realName: '张伟', idNumber: ID_NUMBER, phone: '138 1234 5678' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ account: 'zhang.wei', idNumberMasked: '110***********002X', phoneMasked: '138****5678' });
    expect(res.json().initialPassword).toBeUndefined();
    const detail = await admin.request('GET', `/api/users/${res.json().user.id}`);
    for (const body of [res.body, detail.body]) {
      expect(body).not.toContain(ID_NUMBER);
      expect(body).not.toContain('19491231');
      expect(body).not.toContain(PHONE);
    }
    expect(detail.json().idNumberMasked).toBe('110***********002X');
  });

  it('stores the ID number and phone only as ciphertext that decrypts with the field key', async () => {
    const row = await h()
      .platform.database.db.selectFrom('core_users')
      .selectAll()
      .where('account', '=', 'zhang.wei')
      .executeTakeFirstOrThrow();
    for (const [column, value] of Object.entries(row)) {
      const text = String(value);
      expect(text, column).not.toContain(ID_NUMBER);
      expect(text, column).not.toContain('19491231');
      expect(text, column).not.toContain(PHONE);
    }
    expect(row.id_number_cipher).not.toBe(row.phone_cipher);
    expect(fieldCipher().decrypt(row.id_number_cipher)).toBe(ID_NUMBER);
    expect(fieldCipher().decrypt(row.phone_cipher)).toBe(PHONE);
    expect(row.id_number_index).toBe(fieldCipher().blindIndex(ID_NUMBER));
  });

  it('refuses an ID number with a wrong check digit, with its code and a Chinese explanation', async () => {
    const res = await create({ account: 'li.na', realName: '李娜', idNumber: '110105194912310021' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'users.id_number_check_digit', params: { field: 'idNumber' } });
    expect(res.json().detail).toMatch(/\p{Script=Han}/u);
    // The generic "server error" sentence would be Chinese too, but tells the clerk nothing.
    expect(res.json().detail).not.toBe(messageFor('internal'));
    expect((await search(admin, 'q=li.na')).json().total).toBe(0);
  });

  it('refuses an ID number whose birth date does not exist or lies in the future', async () => {
    for (const idNumber of [withCheckDigit('11010519491331002'), withCheckDigit('11010520990101002')]) {
      const res = await create({ account: 'li.na', realName: '李娜', idNumber });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('users.id_number_birth_date');
    }
  });

  it('refuses a second account of the same name, whatever its letter case', async () => {
    const res = await create({ account: 'ZHANG.WEI', realName: '张伟二' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'users.account_taken', params: { account: 'zhang.wei' } });
  });

  it('refuses an ID number another user already holds, even typed with a lower-case x', async () => {
    const res = await create({ account: 'zhang.wei2', realName: '张伟二', idNumber: ID_NUMBER.toLowerCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('users.id_number_taken');
    expect((await search(admin, 'q=zhang.wei2')).json().total).toBe(0);
  });

  it('makes the holder change a password the administrator typed before doing anything else', async () => {
    const res = await create({ account: 'typed.for.me', realName: '代设密码' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.mustChangePassword).toBe(true);
    const session = await h().signIn('typed.for.me', PASSWORD);
    expect((await session.request('GET', '/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const blocked = await session.request('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
  });

  it('refuses a weak password and lists the rules it breaks', async () => {
    const short = await create({ account: 'wang.fang', realName: '王芳', password: 'abcdefgh' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'auth.password_policy',
      params: { field: 'password', rules: ['too_short', 'too_few_classes'] },
    });
    const personal = await create({ account: 'wang.fang', realName: '王芳', password: 'wang.fang-2024' });
    expect(personal.json().params.rules).toEqual(['contains_account']);
  });

  it('finds a user by exact ID number and phone through the blind index, and by part of the name', async () => {
    const idNumber = withCheckDigit('13010219850612003');
    const created = await create({ account: 'ouyang', realName: '欧阳明月', idNumber, phone: '13900001111' });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id;
    expect(ids((await search(admin, `q=${idNumber}`)).json())).toEqual([id]);
    expect(ids((await search(admin, `q=${encodeURIComponent('139 0000 1111')}`)).json())).toEqual([id]);
    expect(ids((await search(admin, `q=${encodeURIComponent('明月')}`)).json())).toEqual([id]);
    // Only whole values are looked up: a fragment of the number matches nothing.
    expect((await search(admin, `q=${idNumber.slice(6, 14)}`)).json().total).toBe(0);
  });

  it('pages and sorts the list', async () => {
    for (const account of ['page-c', 'page-e', 'page-a', 'page-d', 'page-b']) {
      const user = await h().makeUser({ account, orgCode: 'GB130105', realName: `分页${account.slice(-1)}` });
      expect(user.id).toBeTruthy();
    }
    const page = (query: string) => search(admin, `orgId=${xinhua}&q=page-&${query}`).then((r) => r.json());
    const second = await page('sort=account&order=asc&pageSize=2&page=2');
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(accounts(second)).toEqual(['page-c', 'page-d']);
    expect(accounts(await page('sort=account&order=asc&pageSize=2&page=3'))).toEqual(['page-e']);
    expect(accounts(await page('sort=account&order=desc&pageSize=2'))).toEqual(['page-e', 'page-d']);
    expect(accounts(await page('sort=realName&order=desc'))).toEqual(['page-e', 'page-d', 'page-c', 'page-b', 'page-a']);
  });

  it('sorts by last sign-in with accounts that never signed in last, in either order, on every engine', async () => {
    await h().signIn('page-d');
    h().advance(60_000);
    await h().signIn('page-b');
    const page = (order: string) =>
      search(admin, `orgId=${xinhua}&q=page-&sort=lastLoginAt&order=${order}`).then((r) => accounts(r.json()));
    expect((await page('desc')).slice(0, 2)).toEqual(['page-b', 'page-d']);
    expect((await page('asc')).slice(0, 2)).toEqual(['page-d', 'page-b']);
  });

  it('shows a county admin only the users of their county', async () => {
    const list = (await search(countyAdmin, '')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { orgId: string }) => u.orgId === changan)).toBe(true);
    expect(ids(list)).toContain(changanTeacher.id);
    expect(ids(list)).not.toContain(qiaoxiTeacher.id);
    const all = (await search(admin, `orgId=${changan}`)).json();
    expect(list.total).toBe(all.total);
  });

  it('answers 404 when a county admin asks for, or acts on, a user in another county', async () => {
    const read = await countyAdmin.request('GET', `/api/users/${qiaoxiTeacher.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('users.user_not_found');
    expect((await countyAdmin.request('POST', `/api/users/${qiaoxiTeacher.id}/reset-password`)).statusCode).toBe(404);
    expect((await countyAdmin.request('GET', `/api/users?orgId=${qiaoxi}`)).statusCode).toBe(404);
    const outside = await countyAdmin.request('POST', '/api/users', {
      account: 'outsider',
      realName: '越权用户',
      orgId: qiaoxi,
      password: PASSWORD,
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('orgs.org_not_found');
  });

  it('resets a password: the old one and old sessions stop working, the new session must change it first', async () => {
    const user = await h().makeUser({ account: 'reset-me', orgCode: 'GB130102', roles: ['reviewer'] });
    const before = await h().signIn('reset-me');
    const res = await admin.request('POST', `/api/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toHaveLength(14);
    expect((await before.request('GET', '/api/auth/session')).statusCode).toBe(401);
    const old = await h().anonymous('POST', '/api/auth/login', { account: 'reset-me', password: user.password });
    expect(old.statusCode).toBe(401);

    const session = await h().signIn('reset-me', temporaryPassword);
    expect((await session.request('GET', '/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const blocked = await session.request('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
    const change = await session.request('POST', '/api/me/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Fresh-Meadow-58',
    });
    expect(change.statusCode).toBe(204);
    expect((await session.request('GET', '/api/users')).statusCode).toBe(200);
  });

  it('unlocks a locked-out account so it can sign in again at once', async () => {
    const user = await h().makeUser({ account: 'locked-out', orgCode: 'GB130102' });
    const login = (password: string) => h().anonymous('POST', '/api/auth/login', { account: 'locked-out', password });
    for (let i = 0; i < 5; i++) await login('Wrong-Guess-000');
    expect((await login(user.password)).statusCode).toBe(423);
    expect((await admin.request('GET', `/api/users/${user.id}`)).json().isLocked).toBe(true);
    expect(ids((await search(admin, 'status=locked')).json())).toContain(user.id);

    const res = await admin.request('POST', `/api/users/${user.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isLocked: false, lockedUntil: null });
    expect((await login(user.password)).statusCode).toBe(200);
  });

  it('lets one account holding roles in two orgs see the users of both', async () => {
    const dual = await h().makeUser({ account: 'dual-reviewer', orgCode: 'GB130102', roles: ['reviewer'] });
    const session = await h().signIn('dual-reviewer');
    expect(ids((await search(session, '')).json())).not.toContain(qiaoxiTeacher.id);

    const grant = await admin.request('POST', '/api/access/grants', { userId: dual.id, roleId: await roleId('reviewer'), orgId: qiaoxi });
    expect(grant.statusCode).toBe(201);
    const seen = ids((await search(session, '')).json());
    expect(seen).toEqual(expect.arrayContaining([changanTeacher.id, qiaoxiTeacher.id]));
    expect(seen).not.toContain(xinhuaTeacher.id);
    const grants = (await session.request('GET', '/api/auth/session')).json().grants.map((g: { orgId: string }) => g.orgId);
    expect(grants.sort()).toEqual([changan, qiaoxi].sort());
  });

  it('refuses an org admin granting platform_admin, which holds more than they do', async () => {
    const target = await h().makeUser({ account: 'escalation-target', orgCode: 'GB130102' });
    const res = await countyAdmin.request('POST', '/api/access/grants', {
      userId: target.id,
      roleId: await roleId('platform_admin'),
      orgId: changan,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('access.grant_exceeds_own');
    expect(res.json().params.permissions).toContain('audit.chain.verify');
    // The same admin may hand out a role within their own rights.
    const allowed = await countyAdmin.request('POST', '/api/access/grants', {
      userId: target.id,
      roleId: await roleId('reviewer'),
      orgId: changan,
    });
    expect(allowed.statusCode).toBe(201);
    const held = (await admin.request('GET', `/api/access/grants?userId=${target.id}`)).json();
    expect(held.items.map((g: { roleCode: string }) => g.roleCode)).toEqual(['reviewer']);
  });
});
