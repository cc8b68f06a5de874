import { beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { listRoles, revokeGrant, listGrants } from '#core/access/server/access.service.ts';
import { updateUser } from '#core/users/server/user.service.ts';
import { describeOnEngines, type Session, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { authDb } from './auth.tables.ts';

/*
 * API tokens (ADR 0008): what a token reaches, who may make one, how it stops, and that the
 * secret is kept nowhere in plain text.
 */
describeOnEngines('API tokens', (harness) => {
  let h: TestApp;
  let roles: Record<string, string>;
  let hebei: string;
  let shijiazhuang: string;
  let handan: string;
  let zhejiang: string;
  /** Holds 机构管理员 on Hebei. */
  let admin: Session;
  /** Users homed in Shijiazhuang, in Handan (beside it) and in Hebei itself (above it). */
  let inCity: string;
  let besideCity: string;
  let aboveCity: string;

  const bearer = (secret: string, method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}`, ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });

  const makeOwnToken = async (s: Session, body: { roleId: string; orgId: string; expiresInDays?: number; name?: string }) => {
    const res = await s.request('POST', '/api/me/tokens', { name: '同步脚本', expiresInDays: 30, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: { id: string; prefix: string }; secret: string };
  };

  beforeAll(async () => {
    h = harness();
    roles = Object.fromEntries((await listRoles(h.system())).map((r) => [r.code, r.id]));
    [hebei, shijiazhuang, handan, zhejiang] = await Promise.all(['GB130000', 'GB130100', 'GB130400', 'GB330000'].map((c) => h.orgId(c)));
    admin = await h.signInAs('tk-admin', 'GB130000', ['org_admin']);
    inCity = (await h.makeUser({ account: 'tk-in-city', orgCode: 'GB130100' })).id;
    besideCity = (await h.makeUser({ account: 'tk-beside', orgCode: 'GB130400' })).id;
    aboveCity = (await h.makeUser({ account: 'tk-above', orgCode: 'GB130000' })).id;
  });

  describe('what a token reaches', () => {
    let secret: string;
    beforeAll(async () => {
      // An administrator of Hebei makes a token that only reviews Shijiazhuang.
      secret = (await makeOwnToken(admin, { roleId: roles.reviewer, orgId: shijiazhuang })).secret;
    });

    it('shows the secret once, with the ecl_ prefix, and lists the token without it', async () => {
      expect(secret).toMatch(/^ecl_[A-Za-z0-9_-]{43}$/);
      const list = (await admin.request('GET', '/api/me/tokens')).json();
      expect(list[0]).toMatchObject({
        name: '同步脚本',
        roleCode: 'reviewer',
        orgId: shijiazhuang,
        prefix: secret.slice(0, 10),
        revokedAt: null,
      });
      expect(JSON.stringify(list)).not.toContain(secret);
    });

    it("reaches its role's permissions on its subtree and nothing above or beside it", async () => {
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      expect((await bearer(secret, 'GET', `/api/users/${besideCity}`)).statusCode).toBe(404);
      expect((await bearer(secret, 'GET', `/api/users/${aboveCity}`)).statusCode).toBe(404);
      const listed = (await bearer(secret, 'GET', '/api/users?pageSize=500')).json();
      expect(listed.items.map((u: { account: string }) => u.account)).toContain('tk-in-city');
      expect(listed.items.every((u: { orgId: string }) => u.orgId !== hebei && u.orgId !== handan)).toBe(true);
      // 审核员 cannot edit users, though the token's owner (机构管理员) can.
      const edit = await bearer(secret, 'PATCH', `/api/users/${inCity}`, { displayName: '改名' });
      expect(edit.statusCode).toBe(403);
      expect(edit.json().code).toBe('access.forbidden');
      const org = await bearer(secret, 'POST', '/api/orgs', {
        parentId: shijiazhuang,
        code: 'TKX001',
        name: '令牌学校',
        type: 'school',
        stage: 'primary',
      });
      expect(org.statusCode).toBe(403);
    });

    it('needs no CSRF token and no second factor: a 机构管理员 token creates a user with a bare POST', async () => {
      const { secret: adminToken } = await makeOwnToken(admin, { roleId: roles.org_admin, orgId: shijiazhuang });
      const res = await bearer(adminToken, 'POST', '/api/users', {
        account: 'tk-made-by-token',
        realName: '令牌用户',
        orgId: shijiazhuang,
      });
      expect(res.statusCode, res.body).toBe(201);
      const outside = await bearer(adminToken, 'POST', '/api/users', { account: 'tk-made-outside', realName: '令牌用户', orgId: handan });
      expect(outside.statusCode).toBe(404);
      const audited = await h.platform.database.db
        .selectFrom('core_audit_events')
        .select(['actor_name', 'actor_id'])
        .where('action', '=', 'users.user.created')
        .where('object_id', '=', res.json().user.id)
        .executeTakeFirstOrThrow();
      expect(audited).toEqual({ actor_name: 'tk-admin', actor_id: admin.userId });
    });

    it('refuses a request with both a cookie and a bearer token, and a malformed header', async () => {
      const both = await admin.request('GET', `/api/users/${inCity}`, undefined, { authorization: `Bearer ${secret}` });
      expect(both.statusCode).toBe(400);
      expect(both.json().code).toBe('auth.credentials_ambiguous');
      for (const authorization of [
        `Bearer ${secret.slice(0, -1)}`,
        `Token ${secret}`,
        'Basic dXNlcjpwYXNz',
        'Bearer',
        `Bearer  ${secret}`,
      ]) {
        const res = await h.app.inject({ method: 'GET', url: `/api/users/${inCity}`, headers: { authorization } });
        expect(res.statusCode, authorization).toBe(401);
        expect(res.json().code).toBe('auth.authorization_malformed');
      }
      const unknown = await bearer(`ecl_${'A'.repeat(43)}`, 'GET', `/api/users/${inCity}`);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().code).toBe('auth.api_token_invalid');
    });

    it('does not reach the browser-session routes: password, authenticator, session, sign-out, tokens, own queues', async () => {
      const refusing = h.app.routeCatalog.filter(
        (r) =>
          r.access && (('session' in r.access && r.access.apiToken !== true) || ('permission' in r.access && r.access.apiToken === false)),
      );
      const urls = refusing.map((r) => `${r.method} ${r.url}`);
      expect(urls).toEqual(
        expect.arrayContaining([
          'POST /api/me/password',
          'POST /api/me/totp/setup',
          'POST /api/auth/logout',
          'GET /api/auth/session',
          'POST /api/me/tokens',
          'POST /api/auth/tokens',
          'GET /api/workflow/todo',
        ]),
      );
      for (const route of refusing) {
        const res = await bearer(
          secret,
          route.method as InjectOptions['method'],
          route.url.replace(/:[a-zA-Z]+/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
        );
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json().code).toBe('auth.api_token_not_allowed');
      }
    });
  });

  describe('who may make one', () => {
    it("refuses a role with a permission the creator lacks there, and an org outside the creator's reach", async () => {
      const reviewer = await h.signInAs('tk-reviewer', 'GB130100', ['reviewer']);
      const wider = await reviewer.request('POST', '/api/me/tokens', {
        name: 'x',
        roleId: roles.org_admin,
        orgId: shijiazhuang,
        expiresInDays: 30,
      });
      expect(wider.statusCode).toBe(403);
      expect(wider.json().code).toBe('auth.token_exceeds_own');
      expect(wider.json().params.permissions).toContain('users.user.update');
      const above = await reviewer.request('POST', '/api/me/tokens', {
        name: 'x',
        roleId: roles.reviewer,
        orgId: hebei,
        expiresInDays: 30,
      });
      expect(above.statusCode).toBe(404);
      expect(above.json().code).toBe('orgs.org_not_found');
      const elsewhere = await reviewer.request('POST', '/api/me/tokens', {
        name: 'x',
        roleId: roles.reviewer,
        orgId: zhejiang,
        expiresInDays: 30,
      });
      expect(elsewhere.statusCode).toBe(404);
      const tooLong = await reviewer.request('POST', '/api/me/tokens', {
        name: 'x',
        roleId: roles.reviewer,
        orgId: shijiazhuang,
        expiresInDays: 366,
      });
      expect(tooLong.statusCode).toBe(400);
      const count = await authDb(h.platform.database.db)
        .selectFrom('core_api_tokens')
        .select('id')
        .where('userId', '=', reviewer.userId)
        .execute();
      expect(count).toEqual([]);
    });

    it('lets an administrator make a token for a service account in scope, never for a person or outside it', async () => {
      const created = await admin.request('POST', '/api/users', {
        account: 'tk-sync-bot',
        realName: '同步服务',
        orgId: shijiazhuang,
        serviceAccount: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().initialPassword).toBeUndefined();
      expect(created.json().user.isServiceAccount).toBe(true);
      const bot = created.json().user.id as string;
      // It has no password: it never signs in, and none can be set for it.
      expect((await h.anonymous('POST', '/api/auth/login', { account: 'tk-sync-bot', password: 'Correct-Horse-42' })).statusCode).toBe(401);
      expect((await admin.request('POST', `/api/users/${bot}/reset-password`)).json().code).toBe('users.service_account_password');
      expect(
        (await admin.request('POST', '/api/access/grants', { userId: bot, roleId: roles.reviewer, orgId: shijiazhuang })).statusCode,
      ).toBe(201);

      const made = await admin.request('POST', '/api/auth/tokens', {
        userId: bot,
        name: '数据同步',
        roleId: roles.reviewer,
        orgId: shijiazhuang,
        expiresInDays: 365,
      });
      expect(made.statusCode, made.body).toBe(201);
      const { secret, token } = made.json();
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      expect((await bearer(secret, 'GET', `/api/users/${besideCity}`)).statusCode).toBe(404);

      const person = await admin.request('POST', '/api/auth/tokens', {
        userId: inCity,
        name: 'x',
        roleId: roles.reviewer,
        orgId: shijiazhuang,
        expiresInDays: 30,
      });
      expect(person.json().code).toBe('auth.token_owner_not_service_account');
      const outsider = await h.signInAs('tk-zj-admin', 'GB330000', ['org_admin']);
      const foreign = await outsider.request('POST', '/api/auth/tokens', {
        userId: bot,
        name: 'x',
        roleId: roles.reviewer,
        orgId: zhejiang,
        expiresInDays: 30,
      });
      expect(foreign.statusCode).toBe(404);
      expect((await outsider.request('DELETE', `/api/auth/tokens/${token.id}`)).statusCode).toBe(404);
      expect((await outsider.request('GET', '/api/auth/tokens?pageSize=500')).json().items.map((t: { id: string }) => t.id)).not.toContain(
        token.id,
      );
      expect((await admin.request('GET', `/api/auth/tokens?userId=${bot}`)).json().items.map((t: { id: string }) => t.id)).toEqual([
        token.id,
      ]);

      expect((await admin.request('DELETE', `/api/auth/tokens/${token.id}`)).statusCode).toBe(204);
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).json().code).toBe('auth.api_token_invalid');
    });
  });

  describe('how it stops', () => {
    it('stops at once when its owner revokes it, and another account cannot revoke it', async () => {
      const { secret, token } = await makeOwnToken(admin, { roleId: roles.reviewer, orgId: shijiazhuang });
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      const other = await h.signInAs('tk-other', 'GB130100', ['reviewer']);
      expect((await other.request('DELETE', `/api/me/tokens/${token.id}`)).statusCode).toBe(404);
      expect((await admin.request('DELETE', `/api/me/tokens/${token.id}`)).statusCode).toBe(204);
      const after = await bearer(secret, 'GET', `/api/users/${inCity}`);
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('auth.api_token_invalid');
    });

    it('loses what its owner loses: a revoked grant at once, a disabled account entirely', async () => {
      const owner = await h.signInAs('tk-owner', 'GB130100', ['reviewer']);
      const { secret } = await makeOwnToken(owner, { roleId: roles.reviewer, orgId: shijiazhuang });
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      const grant = (await listGrants(h.system(), { userId: owner.userId })).items[0];
      await revokeGrant(h.system(), grant.id);
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(403);

      const second = await h.signInAs('tk-owner-2', 'GB130100', ['reviewer']);
      const { secret: secondToken } = await makeOwnToken(second, { roleId: roles.reviewer, orgId: shijiazhuang });
      await updateUser(h.system(), second.userId, { status: 'disabled' });
      const refused = await bearer(secondToken, 'GET', `/api/users/${inCity}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('auth.account_disabled');
    });
  });

  describe('use, expiry and storage', () => {
    it('audits the first use of each day and notes the last use, not every request', async () => {
      const { secret, token } = await makeOwnToken(admin, { roleId: roles.reviewer, orgId: shijiazhuang, expiresInDays: 2 });
      const db = h.platform.database.db;
      const used = () =>
        db
          .selectFrom('core_audit_events')
          .select(['actor_name', 'ip'])
          .where('action', '=', 'auth.api_token.used')
          .where('object_id', '=', token.id)
          .execute();
      for (let i = 0; i < 5; i++) {
        expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
        h.advance(3_000);
      }
      expect(await used()).toHaveLength(1);
      expect((await used())[0].actor_name).toBe('tk-admin');
      const row = await authDb(db)
        .selectFrom('core_api_tokens')
        .select(['lastUsedAt', 'lastUsedIp'])
        .where('id', '=', token.id)
        .executeTakeFirstOrThrow();
      expect(row.lastUsedAt).not.toBeNull();
      expect(row.lastUsedIp).toBe('127.0.0.1');
      h.advance(86_400_000);
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      expect(await used()).toHaveLength(2);

      h.advance(86_400_000);
      const expired = await bearer(secret, 'GET', `/api/users/${inCity}`);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('auth.api_token_expired');
    });

    it('keeps no secret in plain text anywhere in the database', async () => {
      const owner = await h.signInAs('tk-storage', 'GB130100', ['reviewer']);
      const { secret } = await makeOwnToken(owner, { roleId: roles.reviewer, orgId: shijiazhuang });
      expect((await bearer(secret, 'GET', `/api/users/${inCity}`)).statusCode).toBe(200);
      const db = h.platform.database.db;
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).toContain('core_api_tokens');
      const secretBody = secret.slice(4);
      for (const table of tables) {
        const dump = JSON.stringify(await db.selectFrom(table).selectAll().execute());
        expect(dump.includes(secretBody), table).toBe(false);
      }
    });
  });
});
