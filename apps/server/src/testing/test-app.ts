import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Ctx, ModuleDefinition } from '#kernel';
import { base32Decode, totpCode } from '#core/auth/server/totp.ts';
import { findOrgByCode } from '#core/orgs/server/org.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { grantByCode } from '#core/access/server/access.service.ts';
import { dispatchEvents, type DispatchReport } from '#core/events/server/dispatcher.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { openPlatform, preparePlatform, type Platform } from '../platform.ts';
import { modules as enabledModules } from '../modules.ts';

export type EngineName = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when EDUCLOUD_TEST_DATABASE_URL points at a server. */
export const testEngines = (): EngineName[] => (process.env.EDUCLOUD_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']);

export const TEST_PASSWORD = 'Correct-Horse-42';

export interface Session {
  account: string;
  userId: string;
  cookie: string;
  csrf: string;
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  engine: EngineName;
  app: FastifyInstance;
  platform: Platform;
  /** Moves the platform clock forward (session expiry, TOTP steps, lockouts). */
  advance(ms: number): void;
  now(): Date;
  system(): Ctx;
  orgId(code: string): Promise<string>;
  /** A user in the org with `code`, holding the given built-in roles there. */
  makeUser(options: {
    account: string;
    orgCode: string;
    roles?: string[];
    realName?: string;
    password?: string;
  }): Promise<{ id: string; account: string; password: string }>;
  /** Signs in (enrolling and answering TOTP for administrative roles) and returns a session. */
  signIn(account: string, password?: string): Promise<Session>;
  /** makeUser then signIn: a new account holding `roles` on the org with `orgCode`, signed in. */
  signInAs(account: string, orgCode: string, roles: string[]): Promise<Session>;
  anonymous(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** One pass of the event dispatcher (what the events.dispatch job runs): subscribers react to committed events. */
  dispatchEvents(): Promise<DispatchReport>;
  close(): Promise<void>;
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.EDUCLOUD_TEST_DATABASE_URL!;
  const name = `educloud_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestAppOptions {
  /** Test-only modules (fixtures) enabled after the real ones. */
  extraModules?: ModuleDefinition[];
  /** Configuration variables for this app (small quotas, limits), over the test defaults. */
  env?: Record<string, string>;
}

/** A fresh database (migrated and seeded) and the HTTP app on it, for one test file. */
export async function startTestApp(engine: EngineName, options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'educloud-test-'));
  const pgDb = engine === 'postgres' ? await createPostgresDatabase() : null;
  const config = loadConfig({
    DATABASE_URL: pgDb?.url ?? `sqlite:${join(dir, 'test.db')}`,
    EDUCLOUD_DATA_DIR: dir,
    EDUCLOUD_FIELD_KEY: randomBytes(32).toString('hex'),
    EDUCLOUD_LOG_LEVEL: 'silent',
    EDUCLOUD_LOGIN_RATE_LIMIT: '10000',
    ...options.env,
  });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const platform = openPlatform(config, {
    clock: now,
    ...(options.extraModules ? { modules: [...enabledModules, ...options.extraModules] } : {}),
  });
  await preparePlatform(platform);
  const app = await buildApp(platform, { logger: false });
  const system = () => platform.systemCtx();
  const passwords = new Map<string, string>();
  const secrets = new Map<string, string>();

  const send = (method: InjectOptions['method'], url: string, body: unknown, headers: Record<string, string>) =>
    app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });

  const harness: TestApp = {
    engine,
    app,
    platform,
    now,
    system,
    advance: (ms) => {
      offset += ms;
    },
    async orgId(code) {
      const org = await findOrgByCode(platform.database.db, code);
      if (!org) throw new Error(`no org ${code}`);
      return org.id;
    },
    async makeUser({ account, orgCode, roles = [], realName = '测试用户', password = TEST_PASSWORD }) {
      const orgId = await harness.orgId(orgCode);
      const { user } = await createUser(system(), { account, realName, orgId, password });
      for (const role of roles) await grantByCode(system(), user.id, role, orgId);
      passwords.set(account, password);
      return { id: user.id, account, password };
    },
    async signIn(account, password) {
      const res = await send('POST', '/api/auth/login', { account, password: password ?? passwords.get(account) ?? TEST_PASSWORD }, {});
      if (res.statusCode !== 200) throw new Error(`sign-in of ${account} failed: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      let info = res.json() as { csrfToken: string; mfa: string; user: { id: string } };
      const headers = () => ({ cookie, 'x-csrf-token': info.csrfToken });
      const code = (secret: string) => {
        offset += 30_000;
        return totpCode(base32Decode(secret), Math.floor(now().getTime() / 30_000));
      };
      if (info.mfa === 'enrol_required') {
        const setup = (await send('POST', '/api/me/totp/setup', undefined, headers())).json() as { secret: string };
        secrets.set(account, setup.secret);
        const confirm = await send('POST', '/api/me/totp/confirm', { code: code(setup.secret) }, headers());
        if (confirm.statusCode !== 204) throw new Error(`TOTP enrolment failed: ${confirm.body}`);
      } else if (info.mfa === 'pending') {
        const res2 = await send('POST', '/api/auth/totp', { code: code(secrets.get(account)!) }, headers());
        if (res2.statusCode !== 200) throw new Error(`TOTP failed: ${res2.body}`);
      }
      info = (await send('GET', '/api/auth/session', undefined, headers())).json();
      return {
        account,
        userId: info.user.id,
        cookie,
        csrf: info.csrfToken,
        request: (method, url, body, extra = {}) => send(method, url, body, { ...headers(), ...extra }),
      };
    },
    async signInAs(account, orgCode, roles) {
      await harness.makeUser({ account, orgCode, roles });
      return harness.signIn(account);
    },
    anonymous: (method, url, body) => send(method, url, body, {}),
    dispatchEvents: () => dispatchEvents(system(), platform.host),
    async close() {
      await app.close();
      await platform.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Runs a describe block once per available engine, each with its own fresh app. */
export function describeOnEngines(name: string, body: (harness: () => TestApp) => void, options?: TestAppOptions): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let harness: TestApp;
      beforeAll(async () => {
        harness = await startTestApp(engine, options);
      });
      afterAll(async () => {
        await harness?.close();
      });
      body(() => harness);
    });
  }
}
