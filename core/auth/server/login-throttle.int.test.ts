import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { authDb } from './auth.tables.ts';

const WRONG = 'Wrong-Guess-000';
const STRANGER = '203.0.113.9';
const OWNER = '198.51.100.7';

describeOnEngines('sign-in failures: per account and address, the same for accounts that do not exist', (h) => {
  const login = (account: string, password: string, ip: string) =>
    h().app.inject({ method: 'POST', url: '/api/auth/login', payload: { account, password }, remoteAddress: ip });
  const answer = (res: LightMyRequestResponse) => ({ status: res.statusCode, type: res.headers['content-type'], body: res.body });

  it('answers a known and an unknown account byte for byte the same through the sixth failure', async () => {
    await h().makeUser({ account: 'real-person', orgCode: 'GB130102' });
    const known: Array<ReturnType<typeof answer>> = [];
    const unknown: Array<ReturnType<typeof answer>> = [];
    for (let i = 0; i < 6; i++) {
      known.push(answer(await login('real-person', WRONG, STRANGER)));
      unknown.push(answer(await login('made-up-person', WRONG, STRANGER)));
    }
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(known.map((a) => JSON.parse(a.body).params)).toEqual([
      { remainingAttempts: 4 },
      { remainingAttempts: 3 },
      { remainingAttempts: 2 },
      { remainingAttempts: 1 },
      { minutes: 15 },
      { minutes: 15 },
    ]);
  });

  it('lets the owner sign in from their own address while a stranger has locked the account on another', async () => {
    const owner = await h().makeUser({ account: 'platform-boss', orgCode: 'GB130102' });
    for (let i = 0; i < 5; i++) await login('platform-boss', WRONG, STRANGER);
    // The stranger's address stays locked, even with the right password…
    expect((await login('platform-boss', owner.password, STRANGER)).statusCode).toBe(423);
    // …while the owner, elsewhere, gets in, and signing in does not lift the stranger's lock.
    expect((await login('platform-boss', owner.password, OWNER)).statusCode).toBe(200);
    expect((await login('platform-boss', owner.password, STRANGER)).statusCode).toBe(423);
  });

  it('makes every further attempt on an account wait longer once failures from many addresses pile up, known or not', async () => {
    const owner = await h().makeUser({ account: 'much-guessed', orgCode: 'GB130102' });
    const run = async (account: string, rightPassword: string) => {
      const seen: Array<[number, unknown]> = [];
      // Ten addresses, one guess each: no address reaches its lock.
      for (let i = 0; i < 10; i++) expect((await login(account, WRONG, `192.0.2.${i + 1}`)).statusCode).toBe(401);
      for (let round = 0; round < 3; round++) {
        const early = await login(account, rightPassword, '192.0.2.200');
        expect(early.headers['retry-after']).toBe(String(early.json().params.retryAfterSeconds));
        seen.push([early.statusCode, early.json()]);
        h().advance(early.json().params.retryAfterSeconds * 1000);
        expect((await login(account, WRONG, `192.0.2.${100 + round}`)).statusCode).toBe(401);
      }
      return seen;
    };
    const known = await run('much-guessed', owner.password);
    const unknown = await run('never-existed', owner.password);
    expect(known.map(([status]) => status)).toEqual([429, 429, 429]);
    expect(known.map(([, body]) => (body as { code: string }).code)).toEqual([
      'auth.sign_in_delayed',
      'auth.sign_in_delayed',
      'auth.sign_in_delayed',
    ]);
    expect(known.map(([, body]) => (body as { params: { retryAfterSeconds: number } }).params.retryAfterSeconds)).toEqual([2, 4, 8]);
    expect(unknown).toEqual(known);
    // Once the wait is over, the right password still works.
    h().advance(16_000);
    expect((await login('much-guessed', owner.password, OWNER)).statusCode).toBe(200);
  });

  it('clears every address’s lock when an administrator unlocks the account, and shows it locked until then', async () => {
    const admin = await h().signInAs('throttle-admin', 'MOE', ['platform_admin']);
    const user = await h().makeUser({ account: 'unlock-me', orgCode: 'GB130102' });
    for (let i = 0; i < 5; i++) await login('unlock-me', WRONG, STRANGER);
    expect((await admin.request('GET', `/api/users/${user.id}`)).json().isLocked).toBe(true);
    const locked = (await admin.request('GET', '/api/users?status=locked&pageSize=500')).json().items.map((u: { id: string }) => u.id);
    expect(locked).toContain(user.id);

    // Five more addresses put the account into its growing delay as well.
    for (let i = 0; i < 5; i++) await login('unlock-me', WRONG, `192.0.2.${50 + i}`);
    expect((await login('unlock-me', user.password, OWNER)).statusCode).toBe(429);
    const rows = () =>
      authDb(h().platform.database.db).selectFrom('core_login_failures').select('ip').where('account', '=', 'unlock-me').execute();
    expect((await rows()).length).toBe(6);

    expect((await admin.request('POST', `/api/users/${user.id}/unlock`)).json()).toMatchObject({ isLocked: false, lockedUntil: null });
    expect(await rows()).toEqual([]);
    expect((await login('unlock-me', user.password, STRANGER)).statusCode).toBe(200);
  });

  it('forgets failures of accounts nobody has tried for an hour', async () => {
    await login('typo-account', WRONG, STRANGER);
    h().advance(61 * 60_000);
    await login('another-typo', WRONG, STRANGER);
    const accounts = await authDb(h().platform.database.db)
      .selectFrom('core_login_failures')
      .select('account')
      .where('account', 'like', '%typo%')
      .execute();
    expect(accounts.map((a) => a.account)).toEqual(['another-typo']);
  });
});
