import { expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { startVariantApp } from '../../../apps/server/src/testing/variant-app.ts';
import { base32Decode, totpCode } from './totp.ts';
import { hashToken } from './auth.service.ts';
import { authDb } from './auth.tables.ts';

const MINUTE = 60_000;
const WRONG = 'Wrong-Guess-000';

const sessionCookie = (res: LightMyRequestResponse) =>
  [res.headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith('educloud_sid='));
const cookieAttributes = (cookie: string) =>
  cookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describeOnEngines('sign-in and sessions over HTTP', (h) => {
  const login = (account: string, password: string, headers: Record<string, string> = {}) =>
    h().app.inject({ method: 'POST', url: '/api/auth/login', payload: { account, password }, headers });

  /** The session a successful login response opened, with its cookie and CSRF token. */
  const sessionOf = (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res)!.split(';')[0];
    const csrf = res.json().csrfToken as string;
    return {
      cookie,
      token: cookie.slice('educloud_sid='.length),
      request: (method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) =>
        h().app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': csrf, ...headers },
          ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        }),
    };
  };
  const signIn = async (account: string, password: string) => sessionOf(await login(account, password));
  const isAlive = async (session: ReturnType<typeof sessionOf>) => (await session.request('GET', '/api/auth/session')).statusCode === 200;
  const currentCode = (secret: string, stepsAhead = 0) =>
    totpCode(base32Decode(secret), Math.floor(h().now().getTime() / 30_000) + stepsAhead);

  it('refuses a wrong password with 401 and the attempts left before lockout, setting no cookie', async () => {
    await h().makeUser({ account: 'wrong-pass', orgCode: 'GB130102' });
    const first = await login('wrong-pass', WRONG);
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({ code: 'auth.invalid_credentials', params: { remainingAttempts: 4 } });
    expect(sessionCookie(first)).toBeUndefined();
    expect((await login('wrong-pass', WRONG)).json().params.remainingAttempts).toBe(3);
  });

  it('locks the account after five failures, refuses even the right password, and lets it in after 15 minutes', async () => {
    const user = await h().makeUser({ account: 'lock-me', orgCode: 'GB130102' });
    for (let i = 0; i < 4; i++) expect((await login('lock-me', WRONG)).statusCode).toBe(401);
    const fifth = await login('lock-me', WRONG);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'auth.account_locked', params: { minutes: 15 } });
    expect((await login('lock-me', user.password)).statusCode).toBe(423);
    h().advance(14 * MINUTE);
    expect((await login('lock-me', user.password)).statusCode).toBe(423);
    h().advance(MINUTE + 1000);
    expect((await login('lock-me', user.password)).statusCode).toBe(200);
  });

  it('counts failures that arrive at the same moment, so a burst of guesses still locks the account', async () => {
    const user = await h().makeUser({ account: 'burst', orgCode: 'GB130102' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => login('burst', WRONG)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 423]);
    expect((await login('burst', user.password)).statusCode).toBe(423);
  });

  it('answers an unknown account with the same 401 shape as a wrong password', async () => {
    await h().makeUser({ account: 'known-user', orgCode: 'GB130102' });
    const known = await login('known-user', WRONG);
    const unknown = await login('nobody-here', WRONG);
    expect(unknown.statusCode).toBe(401);
    const { instance: _k, ...knownBody } = known.json();
    const { instance: _u, ...unknownBody } = unknown.json();
    expect(unknownBody).toEqual(knownBody);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and not Secure over plain http even if a proxy header claims https', async () => {
    const user = await h().makeUser({ account: 'cookie-plain', orgCode: 'GB130102' });
    expect(h().platform.config.trustProxy).toBe(false);
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Array<Record<string, string>>) {
      const attributes = cookieAttributes(sessionCookie(await login('cookie-plain', user.password, headers))!);
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', `max-age=${12 * 3600}`]));
      expect(attributes).not.toContain('secure');
    }
  });

  it('marks the session cookie Secure when a trusted proxy says the request came over https', async () => {
    const user = await h().makeUser({ account: 'cookie-https', orgCode: 'GB130102' });
    const proxied = await startVariantApp(h(), { trustProxy: true });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { account: 'cookie-https', password: user.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(cookieAttributes(sessionCookie(res)!)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
    } finally {
      await proxied.close();
    }
  });

  it('refuses a state-changing request without the CSRF token or with a wrong one', async () => {
    const user = await h().makeUser({ account: 'csrf-user', orgCode: 'GB130102' });
    const session = await signIn('csrf-user', user.password);
    const missing = await h().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('auth.csrf_invalid');
    const wrong = await session.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged-token' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('auth.csrf_invalid');
    // Reading needs no token, and the refused logouts did not end the session.
    expect((await h().app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it('ends a session left idle for more than 30 minutes', async () => {
    const user = await h().makeUser({ account: 'idle-user', orgCode: 'GB130102' });
    const session = await signIn('idle-user', user.password);
    h().advance(29 * MINUTE);
    expect(await isAlive(session)).toBe(true);
    h().advance(31 * MINUTE);
    const res = await session.request('GET', '/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });

  it('keeps a session alive while it is used within the idle window', async () => {
    const user = await h().makeUser({ account: 'busy-user', orgCode: 'GB130102' });
    const session = await signIn('busy-user', user.password);
    for (let i = 0; i < 4; i++) {
      h().advance(20 * MINUTE);
      expect(await isAlive(session)).toBe(true);
    }
  });

  it('ends a session 12 hours after sign-in however active it has been', async () => {
    const user = await h().makeUser({ account: 'marathon', orgCode: 'GB130102' });
    const session = await signIn('marathon', user.password);
    for (let minutes = 25; minutes <= 700; minutes += 25) {
      h().advance(25 * MINUTE);
      expect(await isAlive(session), `after ${minutes} minutes`).toBe(true);
    }
    h().advance(25 * MINUTE);
    expect(await isAlive(session)).toBe(false);
  });

  it('keeps an org admin away from every permission route until a TOTP authenticator is enrolled', async () => {
    await h().makeUser({ account: 'new-admin', orgCode: 'GB130104', roles: ['org_admin'] });
    const res = await login('new-admin', 'Correct-Horse-42');
    expect(res.json()).toMatchObject({ mfa: 'enrol_required', permissions: [] });
    const session = sessionOf(res);
    for (const url of ['/api/users', '/api/orgs', '/api/audit/events']) {
      const blocked = await session.request('GET', url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().code).toBe('auth.mfa_enrolment_required');
    }
    const { secret } = (await session.request('POST', '/api/me/totp/setup')).json();
    const wrong = await session.request('POST', '/api/me/totp/confirm', { code: currentCode(secret, 5) });
    expect(wrong.json().code).toBe('auth.totp_invalid');
    expect((await session.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await session.request('POST', '/api/me/totp/confirm', { code: currentCode(secret) })).statusCode).toBe(204);
    expect((await session.request('GET', '/api/users')).statusCode).toBe(200);
  });

  it('asks an enrolled admin for a fresh code at every sign-in and refuses a replayed one', async () => {
    await h().makeUser({ account: 'mfa-admin', orgCode: 'GB130104', roles: ['org_admin'] });
    const first = sessionOf(await login('mfa-admin', 'Correct-Horse-42'));
    const { secret } = (await first.request('POST', '/api/me/totp/setup')).json();
    const enrolmentCode = currentCode(secret);
    expect((await first.request('POST', '/api/me/totp/confirm', { code: enrolmentCode })).statusCode).toBe(204);

    const res = await login('mfa-admin', 'Correct-Horse-42');
    expect(res.json()).toMatchObject({ mfa: 'pending', permissions: [] });
    const second = sessionOf(res);
    const blocked = await second.request('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.mfa_required');
    // A session that still owes its code may not swap in an authenticator of its own.
    expect((await second.request('POST', '/api/me/totp/setup')).statusCode).toBe(403);

    const replayed = await second.request('POST', '/api/auth/totp', { code: enrolmentCode });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('auth.totp_invalid');
    h().advance(30_000);
    const fresh = currentCode(secret);
    const passed = await second.request('POST', '/api/auth/totp', { code: fresh });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().mfa).toBe('passed');
    expect(passed.json().permissions).toContain('users.user.read');
    expect((await second.request('GET', '/api/users')).statusCode).toBe(200);

    const third = sessionOf(await login('mfa-admin', 'Correct-Horse-42'));
    expect((await third.request('POST', '/api/auth/totp', { code: fresh })).statusCode).toBe(401);
    expect((await third.request('GET', '/api/users')).statusCode).toBe(403);
  });

  it('accepts one code once even when two sessions submit it at the same moment', async () => {
    await h().makeUser({ account: 'race-admin', orgCode: 'GB130104', roles: ['org_admin'] });
    const enrolling = sessionOf(await login('race-admin', 'Correct-Horse-42'));
    const { secret } = (await enrolling.request('POST', '/api/me/totp/setup')).json();
    expect((await enrolling.request('POST', '/api/me/totp/confirm', { code: currentCode(secret) })).statusCode).toBe(204);
    const a = sessionOf(await login('race-admin', 'Correct-Horse-42'));
    const b = sessionOf(await login('race-admin', 'Correct-Horse-42'));
    h().advance(30_000);
    const code = currentCode(secret);
    const answers = await Promise.all([a, b].map((s) => s.request('POST', '/api/auth/totp', { code })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('logs out this session only, clearing the cookie', async () => {
    const user = await h().makeUser({ account: 'leaver', orgCode: 'GB130102' });
    const here = await signIn('leaver', user.password);
    const elsewhere = await signIn('leaver', user.password);
    const res = await here.request('POST', '/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(sessionCookie(res)).toMatch(/^educloud_sid=;/);
    expect(await isAlive(here)).toBe(false);
    expect(await isAlive(elsewhere)).toBe(true);
    const row = await authDb(h().platform.database.db)
      .selectFrom('core_sessions')
      .select('id')
      .where('id', '=', hashToken(here.token))
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('logs out every session of the user with logout-all, and no one else’s', async () => {
    const user = await h().makeUser({ account: 'leaver-all', orgCode: 'GB130102' });
    const bystander = await h().makeUser({ account: 'bystander', orgCode: 'GB130102' });
    const sessions = [
      await signIn('leaver-all', user.password),
      await signIn('leaver-all', user.password),
      await signIn('leaver-all', user.password),
    ];
    const other = await signIn('bystander', bystander.password);
    expect((await sessions[0].request('POST', '/api/auth/logout-all')).statusCode).toBe(204);
    for (const s of sessions) expect(await isAlive(s)).toBe(false);
    expect(await isAlive(other)).toBe(true);
  });

  it('lists the user’s sessions and marks the current one', async () => {
    const user = await h().makeUser({ account: 'two-devices', orgCode: 'GB130102' });
    const laptop = await signIn('two-devices', user.password);
    const phone = sessionOf(await login('two-devices', user.password, { 'user-agent': 'PhoneBrowser/1.0' }));
    const list = (await laptop.request('GET', '/api/me/sessions')).json() as Array<{
      id: string;
      current: boolean;
      userAgent: string | null;
      ip: string;
    }>;
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([hashToken(laptop.token).slice(0, 8)]);
    expect(list.find((s) => !s.current)).toMatchObject({
      id: hashToken(phone.token).slice(0, 8),
      userAgent: 'PhoneBrowser/1.0',
      ip: '127.0.0.1',
    });
  });

  it('changes the password only past the policy, then ends the other sessions but keeps this one', async () => {
    const user = await h().makeUser({ account: 'changer', orgCode: 'GB130102', realName: '周改密' });
    const here = await signIn('changer', user.password);
    const other = await signIn('changer', user.password);
    const change = (currentPassword: string, newPassword: string) =>
      here.request('POST', '/api/me/password', { currentPassword, newPassword });

    const wrongCurrent = await change(WRONG, 'Quiet-River-2048');
    expect(wrongCurrent.json().code).toBe('auth.password_incorrect');
    const weak = await change(user.password, 'changer123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'auth.password_policy', params: { rules: ['too_few_classes', 'contains_account'] } });
    expect((await change(user.password, user.password)).json().code).toBe('auth.password_unchanged');
    expect(await isAlive(other)).toBe(true);

    expect((await change(user.password, 'Quiet-River-2048')).statusCode).toBe(204);
    expect(await isAlive(here)).toBe(true);
    expect(await isAlive(other)).toBe(false);
    expect((await login('changer', user.password)).statusCode).toBe(401);
    expect((await login('changer', 'Quiet-River-2048')).statusCode).toBe(200);
  });
});
