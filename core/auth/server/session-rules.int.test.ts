import { beforeAll, expect, it } from 'vitest';
import { grantByCode } from '#core/access/server/access.service.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('a session follows the account it belongs to', (h) => {
  it('puts a signed-in teacher granted an administrative role back to the second-factor step at once', async () => {
    const teacher = await h().signInAs('mid-session-teacher', 'GB130102', ['teacher']);
    expect((await teacher.request('GET', '/api/auth/session')).json().mfa).toBe('none');
    await grantByCode(h().system(), teacher.userId, 'org_admin', await h().orgId('GB130102'));

    const users = await teacher.request('GET', '/api/users');
    expect(users.statusCode).toBe(403);
    expect(users.json().code).toBe('auth.mfa_enrolment_required');
    const info = (await teacher.request('GET', '/api/auth/session')).json();
    expect(info.mfa).toBe('enrol_required');
    expect(info.permissions).toEqual([]);
    // Waiting for its code, the session lives minutes, as a fresh sign-in waiting for one would.
    expect(new Date(info.expiresAt).getTime() - h().now().getTime()).toBeLessThanOrEqual(10 * 60_000);
    const audit = await h()
      .platform.database.db.selectFrom('core_audit_events')
      .select('action')
      .where('object_id', '=', teacher.userId)
      .where('action', '=', 'auth.session.second_factor_required')
      .execute();
    expect(audit).toHaveLength(1);
  });

  let owing: Session;
  let initialPassword = '';
  beforeAll(async () => {
    // No password given: the account gets a one-time password and must change it at first sign-in.
    const created = await createUser(h().system(), { account: 'owes-change', realName: '待改密用户', orgId: await h().orgId('GB130102') });
    initialPassword = created.initialPassword!;
    await grantByCode(h().system(), created.user.id, 'reviewer', await h().orgId('GB130102'));
    owing = await h().signIn('owes-change', initialPassword);
  });

  it('lets a session that owes a password change reach only the sign-in steps, on every route', async () => {
    const allowed = new Set([
      'GET /api/auth/session',
      'POST /api/auth/totp',
      'POST /api/auth/logout',
      'POST /api/auth/logout-all',
      'POST /api/me/password',
      'POST /api/me/totp/setup',
      'POST /api/me/totp/confirm',
    ]);
    const guarded = h().app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && r.access && !('public' in r.access) && !allowed.has(`${r.method} ${r.url}`),
    );
    expect(guarded.length).toBeGreaterThan(50);
    for (const route of guarded) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
      const res = await owing.request(route.method as never, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().code, `${route.method} ${route.url}`).toBe('auth.password_change_required');
    }
  });

  it('opens what the grants allow once the password is changed', async () => {
    const changed = await owing.request('POST', '/api/me/password', {
      currentPassword: initialPassword,
      newPassword: 'Fresh-Reviewer-2026',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await owing.request('GET', '/api/workflow/todo')).statusCode).toBe(200);
  });
});
