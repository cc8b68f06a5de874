import { expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import { authDb } from './auth.tables.ts';

const PASSWORDS = ['Amber-Field-101', 'Birch-Lane-202', 'Cedar-Hill-303', 'Dune-Road-404', 'Elm-Court-505', 'Fern-Vale-606'];

describeOnEngines('password changes: not back to a recent one', (h) => {
  const change = (session: Session, currentPassword: string, newPassword: string) =>
    session.request('POST', '/api/me/password', { currentPassword, newPassword });

  it('refuses the current password and the four before it, in any width, and accepts the one before those', async () => {
    await h().makeUser({ account: 'rotating', orgCode: 'GB130102', password: PASSWORDS[0] });
    const session = await h().signIn('rotating', PASSWORDS[0]);
    for (let i = 1; i <= 4; i++) expect((await change(session, PASSWORDS[i - 1], PASSWORDS[i])).statusCode).toBe(204);

    const current = PASSWORDS[4];
    const toCurrent = await change(session, current, current.normalize('NFKC').replace('E', 'Ｅ'));
    expect(toCurrent.json().code).toBe('auth.password_unchanged');
    for (const old of PASSWORDS.slice(0, 4)) {
      const res = await change(session, current, old);
      expect(res.statusCode, old).toBe(400);
      expect(res.json()).toMatchObject({ code: 'auth.password_reused', params: { field: 'newPassword', count: 5 } });
    }
    // Ｃｅｄａｒ… is stored as Cedar…: the full-width spelling is the same password.
    const fullWidth = await change(session, current, 'Ｃｅｄａｒ－Ｈｉｌｌ－３０３');
    expect(fullWidth.json().code).toBe('auth.password_reused');

    expect((await change(session, current, PASSWORDS[5])).statusCode).toBe(204);
    // Six passwords on, the first has dropped out of the last five.
    expect((await change(session, PASSWORDS[5], PASSWORDS[0])).statusCode).toBe(204);

    // Only salted hashes are kept, and only as many as the rule needs.
    const kept = await authDb(h().platform.database.db)
      .selectFrom('core_password_history')
      .select('passwordHash')
      .where('userId', '=', session.userId)
      .execute();
    expect(kept).toHaveLength(4);
    for (const row of kept) {
      expect(row.passwordHash).toMatch(/^scrypt\$/);
      for (const p of PASSWORDS) expect(row.passwordHash).not.toContain(p);
    }
  });

  it('remembers the password an administrator’s reset replaced', async () => {
    const admin = await h().signInAs('history-admin', 'MOE', ['platform_admin']);
    const user = await h().makeUser({ account: 'reset-rotating', orgCode: 'GB130102', password: PASSWORDS[2] });
    const { temporaryPassword } = (await admin.request('POST', `/api/users/${user.id}/reset-password`)).json();
    const session = await h().signIn('reset-rotating', temporaryPassword);
    expect((await change(session, temporaryPassword, PASSWORDS[2])).json().code).toBe('auth.password_reused');
    expect((await change(session, temporaryPassword, PASSWORDS[3])).statusCode).toBe(204);
  });
});
