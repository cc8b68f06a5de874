import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { idCheckDigit } from '#core/users/server/id-number.ts';
import { buildApp } from './app.ts';
import { describeOnEngines } from './testing/test-app.ts';
import { listenLocally, rawRequest, sendRaw } from './testing/raw-http.ts';

const PASSWORD = 'Quiet-Meadow-58';
const withCheckDigit = (first17: string) => first17 + idCheckDigit(first17);
const PEOPLE = [
  { account: 'pd-li', realName: '李娜', idNumber: withCheckDigit('13010219850317004'), phone: '13911112222' },
  { account: 'pd-wang', realName: '王强', idNumber: withCheckDigit('13010420010930001'), phone: '15833334444' },
  { account: 'pd-zhao', realName: '赵敏', idNumber: withCheckDigit('13010519770101002'), phone: '18655556666' },
];
// Given to the first two people by the edit, so they too must never show.
const EDITED = [
  { idNumber: withCheckDigit('13010219900808003'), phone: '17777778888' },
  { idNumber: withCheckDigit('13010419680229005'), phone: '13599990000' },
];

// The server's real logger (trace level, so every line it can write) on the harness's database.
describeOnEngines('ID numbers and phones never reach the log or the audit table in plain text', (h) => {
  const lines: string[] = [];
  let logged: FastifyInstance;
  let headers: Record<string, string>;
  const send = (method: InjectOptions['method'], url: string, body?: unknown) =>
    logged.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });

  beforeAll(async () => {
    const root = await h().signInAs('pd-root', 'MOE', ['platform_admin']);
    headers = { cookie: root.cookie, 'x-csrf-token': root.csrf };
    logged = await buildApp(h().platform, {
      logStream: {
        write: (line) => {
          lines.push(line);
        },
      },
      logLevel: 'trace',
    });
  });
  afterAll(async () => {
    await logged?.close();
  });

  it('runs a realistic sequence of creates, searches, exports and edits and finds no plaintext afterwards', async () => {
    const orgId = await h().orgId('GB130102');
    const ids: string[] = [];
    for (const p of PEOPLE) {
      const res = await send('POST', '/api/users', { ...p, orgId, password: PASSWORD });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().user.id);
    }

    // Each number searched as typed: plain, lower-case check letter, phone with spaces and +86.
    const searches = PEOPLE.flatMap((p) => [
      p.idNumber,
      p.idNumber.toLowerCase(),
      p.phone,
      `${p.phone.slice(0, 3)} ${p.phone.slice(3, 7)} ${p.phone.slice(7)}`,
      `+86${p.phone}`,
    ]);
    for (const [i, q] of searches.entries()) {
      const list = await send('GET', `/api/users?q=${encodeURIComponent(q)}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(
        list.json().items.map((u: { account: string }) => u.account),
        q,
      ).toEqual([PEOPLE[Math.floor(i / 5)].account]);
      // The same search once more with the spaces as '+', as a form would send it.
      expect((await send('GET', `/api/users?q=${q.replace(/ /g, '+').replace(/^\+/, '%2B')}&pageSize=5`)).statusCode).toBe(200);
      expect((await send('GET', `/api/users/export?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    }

    for (const [i, change] of EDITED.entries()) {
      expect((await send('PATCH', `/api/users/${ids[i]}`, change)).statusCode).toBe(200);
      expect((await send('GET', `/api/users?q=${change.idNumber}`)).json().total).toBe(1);
    }
    // People sign in with their phone or ID number as the account: failed sign-ins are audited.
    for (const typed of [PEOPLE[0].phone, PEOPLE[1].idNumber]) {
      expect(
        (await logged.inject({ method: 'POST', url: '/api/auth/login', payload: { account: typed, password: 'Not-Their-Password-1' } }))
          .statusCode,
      ).toBe(401);
    }
    // Refused requests are logged too: someone else's ID number, a malformed URL, raw bytes in a query.
    expect((await send('PATCH', `/api/users/${ids[2]}`, { idNumber: EDITED[0].idNumber })).statusCode).toBe(409);
    expect((await send('GET', `/api/users/${PEOPLE[2].phone}%FF`)).statusCode).toBe(400);
    const port = await listenLocally(logged);
    const raw = await sendRaw(
      port,
      rawRequest(Buffer.concat([Buffer.from(`GET /api/users?q=${PEOPLE[2].idNumber}`), Buffer.from('张'), Buffer.from(' HTTP/1.1')])),
    );
    expect(raw.status).toBe(400);

    const log = lines.join('');
    const auditRows = JSON.stringify(await h().platform.database.db.selectFrom('core_audit_events').selectAll().execute());
    // The test can fail: the searches and their exports are in the log and the audit, masked.
    expect(lines.filter((l) => l.includes('"url":"/api/users?q=')).length).toBeGreaterThanOrEqual(searches.length * 2);
    expect(log).toContain(`/api/users?q=${PEOPLE[0].idNumber.slice(0, 3)}***********${PEOPLE[0].idNumber.slice(-4)}`);
    expect(auditRows).toContain('users.user.exported');
    expect(auditRows).toContain(`${PEOPLE[1].phone.slice(0, 3)}****${PEOPLE[1].phone.slice(-4)}`);

    const plaintexts = [...PEOPLE, ...EDITED].flatMap((p) => [p.idNumber, p.idNumber.slice(0, 17), p.phone]);
    expect(
      plaintexts.filter((v) => log.includes(v)),
      'plaintext in the log',
    ).toEqual([]);
    expect(
      plaintexts.filter((v) => auditRows.includes(v)),
      'plaintext in core_audit_events',
    ).toEqual([]);
  });
});
