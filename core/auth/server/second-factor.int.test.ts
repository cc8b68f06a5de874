import { expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { base32Decode, totpCode } from './totp.ts';
import { authDb } from './auth.tables.ts';

const MINUTE = 60_000;
const PASSWORD = 'Correct-Horse-42';

describeOnEngines('the second-factor step: wrong codes per account, a short wait', (h) => {
  const login = (account: string, password = PASSWORD) =>
    h().app.inject({ method: 'POST', url: '/api/auth/login', payload: { account, password } });
  const sessionOf = (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('educloud_sid='))).split(';')[0];
    const csrf = res.json().csrfToken as string;
    return (method: InjectOptions['method'], url: string, body?: unknown) =>
      h().app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
  };
  const code = (secret: string, stepsAhead = 0) => totpCode(base32Decode(secret), Math.floor(h().now().getTime() / 30_000) + stepsAhead);

  /** An org admin with an enrolled authenticator; returns its secret. */
  async function enrolledAdmin(account: string): Promise<string> {
    await h().makeUser({ account, orgCode: 'GB130104', roles: ['org_admin'] });
    const enrolling = sessionOf(await login(account));
    const { secret } = (await enrolling('POST', '/api/me/totp/setup')).json();
    expect((await enrolling('POST', '/api/me/totp/confirm', { code: code(secret) })).statusCode).toBe(204);
    h().advance(30_000);
    return secret;
  }

  it('ends the session at the fifth wrong code of the account, across its sessions, and counts a failed sign-in', async () => {
    const secret = await enrolledAdmin('guessed-admin');
    const first = sessionOf(await login('guessed-admin'));
    const second = sessionOf(await login('guessed-admin'));
    for (let i = 0; i < 3; i++)
      expect((await first('POST', '/api/auth/totp', { code: code(secret, 5) })).json().code).toBe('auth.totp_invalid');
    expect((await second('POST', '/api/auth/totp', { code: code(secret, 5) })).json().code).toBe('auth.totp_invalid');
    const fifth = await second('POST', '/api/auth/totp', { code: code(secret, 5) });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().code).toBe('auth.totp_attempts_exhausted');
    // The session that took the fifth guess is gone: a right code cannot rescue it.
    expect((await second('POST', '/api/auth/totp', { code: code(secret) })).statusCode).toBe(401);
    expect((await second('GET', '/api/auth/session')).statusCode).toBe(401);
    // The exhausted codes counted as one failed sign-in from this address.
    expect((await login('guessed-admin', 'Wrong-Guess-000')).json().params).toEqual({ remainingAttempts: 3 });
    // The count started again: the other waiting session may still finish with a right code.
    expect((await first('POST', '/api/auth/totp', { code: code(secret) })).statusCode).toBe(200);
  });

  it('ends a session waiting for its code after ten minutes', async () => {
    const secret = await enrolledAdmin('slow-admin');
    const pending = sessionOf(await login('slow-admin'));
    h().advance(10 * MINUTE + 1000);
    expect((await pending('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await pending('POST', '/api/auth/totp', { code: code(secret) })).statusCode).toBe(401);

    await h().makeUser({ account: 'slow-enrolment', orgCode: 'GB130104', roles: ['org_admin'] });
    const enrolling = sessionOf(await login('slow-enrolment'));
    expect((await enrolling('GET', '/api/auth/session')).json().mfa).toBe('enrol_required');
    h().advance(10 * MINUTE + 1000);
    expect((await enrolling('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('gives a session the normal twelve-hour expiry from sign-in once its code is passed', async () => {
    const secret = await enrolledAdmin('prompt-admin');
    const res = await login('prompt-admin');
    const { createdAt } = await authDb(h().platform.database.db)
      .selectFrom('core_sessions')
      .select('createdAt')
      .where('userId', '=', res.json().user.id)
      .where('mfaState', '=', 'pending')
      .executeTakeFirstOrThrow();
    const signedInAt = new Date(createdAt).getTime();
    expect(new Date(res.json().expiresAt).getTime()).toBe(signedInAt + 10 * MINUTE);
    const session = sessionOf(res);
    h().advance(9 * MINUTE);
    const passed = await session('POST', '/api/auth/totp', { code: code(secret) });
    expect(passed.statusCode).toBe(200);
    expect(new Date(passed.json().expiresAt).getTime()).toBe(signedInAt + 12 * 60 * MINUTE);
    expect((await session('GET', '/api/auth/session')).json().expiresAt).toBe(passed.json().expiresAt);
    for (let i = 0; i < 3; i++) {
      h().advance(20 * MINUTE);
      expect((await session('GET', '/api/auth/session')).statusCode).toBe(200);
    }
  });
});
