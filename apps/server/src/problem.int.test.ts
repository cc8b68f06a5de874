import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { defineModule } from '#kernel';
import { describeOnEngines, type Session } from './testing/test-app.ts';
import { listenLocally, rawRequest, sendRaw, type RawResponse } from './testing/raw-http.ts';

// A unique violation the services do not foresee (a race past their own check) must still answer 409.
const duplicateFixture = defineModule({
  id: 'duplicate-fixture',
  tablePrefix: 'duplicate_fixture',
  routes(app, host) {
    app.post('/api/duplicate-fixture/:kind', { config: { access: { public: true } } }, async (req, reply) => {
      await sql`create table if not exists duplicate_fixture_rows (id varchar(40) primary key, code varchar(40) not null unique)`.execute(
        host.db,
      );
      const kind = (req.params as { kind: string }).kind;
      const row = kind === 'primary-key' ? { id: 'same-id', code: `c-${Math.random()}` } : { id: `i-${Math.random()}`, code: 'same-code' };
      await host.db.insertInto('duplicate_fixture_rows').values(row).execute();
      return reply.code(201).send({ ok: true });
    });
  },
});

const isProblem = (contentType: unknown) => /^application\/problem\+json/.test(String(contentType));

describeOnEngines(
  'errors leave as problem+json with a code',
  (h) => {
    let root: Session;
    let county: string;
    let port: number;
    const raw = (requestLine: Buffer | string, headers: string[] = [], body: Buffer | string = '') =>
      sendRaw(port, rawRequest(requestLine, headers, body));
    const expectProblem = (res: RawResponse, status: number, code: string) => {
      expect(res.status, res.body).toBe(status);
      expect(isProblem(res.headers['content-type']), res.headers['content-type']).toBe(true);
      expect(JSON.parse(res.body)).toMatchObject({ status, code });
      expect(res.headers['cache-control']).toBe('no-store');
    };

    beforeAll(async () => {
      root = await h().signInAs('problem-root', 'MOE', ['platform_admin']);
      county = await h().orgId('GB130102');
      port = await listenLocally(h().app);
    });

    describe('framework errors', () => {
      it('answers raw UTF-8 in a query string with a problem', async () => {
        expectProblem(
          await raw(Buffer.concat([Buffer.from('GET /api/users?q='), Buffer.from('张三'), Buffer.from(' HTTP/1.1')])),
          400,
          'request.malformed_url',
        );
      });

      it('answers raw bytes in a path, a malformed percent-encoding and a broken request line with a problem', async () => {
        expectProblem(
          await raw(Buffer.concat([Buffer.from('GET /api/users/'), Buffer.from([0xff]), Buffer.from(' HTTP/1.1')])),
          400,
          'request.malformed_url',
        );
        expectProblem(await raw('GET /api/users/%E0%A4%A HTTP/1.1', [`Cookie: ${root.cookie}`]), 400, 'request.malformed_url');
        expectProblem(await raw('GET /api/orgs/%FF HTTP/1.1'), 400, 'request.malformed_url');
        expectProblem(await raw('HELLO'), 400, 'request.malformed_request');
      });

      it('answers oversized headers with a problem', async () => {
        expectProblem(await raw('GET /api/health HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`]), 431, 'request.headers_too_large');
      });

      it('answers bad JSON, an unsupported media type, an oversized body, an unknown route and an unknown method with a problem', async () => {
        const auth = [`Cookie: ${root.cookie}`, `x-csrf-token: ${root.csrf}`];
        expectProblem(
          await raw('POST /api/orgs HTTP/1.1', [...auth, 'Content-Type: application/json'], '{"name":'),
          400,
          'request.malformed_body',
        );
        expectProblem(
          await raw('POST /api/orgs HTTP/1.1', [...auth, 'Content-Type: application/xml'], '<org/>'),
          415,
          'request.unsupported_media_type',
        );
        expectProblem(
          await raw(
            'POST /api/orgs HTTP/1.1',
            [...auth, 'Content-Type: application/json'],
            `{"name":"${'a'.repeat(h().platform.config.bodyLimitBytes)}"}`,
          ),
          413,
          'request.body_too_large',
        );
        expectProblem(await raw('GET /api/no-such-thing HTTP/1.1'), 404, 'request.route_not_found');
        expectProblem(await raw('PROPFIND /api/users HTTP/1.1'), 404, 'request.route_not_found');
        expectProblem(await raw('DELETE /api/health HTTP/1.1'), 404, 'request.route_not_found');
      });
    });

    describe('Cache-Control', () => {
      it('marks every API answer no-store: lists, exports, downloads, public routes and errors', async () => {
        const answers = [
          await root.request('GET', '/api/users'),
          await root.request('GET', '/api/users/export'),
          await root.request('GET', '/api/auth/session'),
          await h().anonymous('GET', '/api/health'),
          await h().anonymous('GET', '/api/users'),
          await root.request('GET', '/api/users/no-such-id'),
          await root.request('GET', '/api/users?pageSize=abc'),
          await root.request('GET', '/api/no-such-route'),
        ];
        expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 401, 404, 400, 404]);
        for (const a of answers) expect(a.headers['cache-control'], `${a.statusCode} ${a.body.slice(0, 80)}`).toBe('no-store');
      });
    });

    describe('multipart', () => {
      const upload = (body: string, contentType: string) =>
        root.request('POST', `/api/files?orgId=${county}`, Buffer.from(body), { 'content-type': contentType });
      const header = 'Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n';
      const shapes: Array<[string, string, string]> = [
        ['no boundary', `--x\r\n${header}hello\r\n--x--\r\n`, 'multipart/form-data'],
        ['a boundary never closed', `--x\r\n${header}hello, and then nothing`, 'multipart/form-data; boundary=x'],
        ['a part header cut short', '--x\r\nContent-Disposition: form-da', 'multipart/form-data; boundary=x'],
        ['no delimiter at all', 'garbage without any delimiter', 'multipart/form-data; boundary=x'],
      ];
      for (const [shape, body, contentType] of shapes) {
        it(`answers a multipart body with ${shape} with 400`, async () => {
          const res = await upload(body, contentType);
          expect(res.statusCode, res.body).toBe(400);
          expect(isProblem(res.headers['content-type'])).toBe(true);
          expect(res.json().code).toBe('request.malformed_multipart');
        });
      }
    });

    describe('unique violations', () => {
      it('answers two simultaneous creates of the same org code with one 201 and 409s, never a 500', async () => {
        for (let round = 0; round < 3; round++) {
          const body = { parentId: county, code: `DUP-${round}`, name: `并发重复${round}中学`, type: 'school', stage: 'junior' };
          const answers = await Promise.all(Array.from({ length: 4 }, () => root.request('POST', '/api/orgs', body)));
          const statuses = answers.map((a) => a.statusCode).sort();
          expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([201, 409, 409, 409]);
          for (const a of answers.filter((x) => x.statusCode === 409)) {
            expect(isProblem(a.headers['content-type'])).toBe(true);
            expect(['orgs.code_taken', 'request.duplicate']).toContain(a.json().code);
          }
        }
      });

      it('maps a unique and a primary-key violation from the database to 409 request.duplicate', async () => {
        for (const kind of ['unique', 'primary-key']) {
          expect((await h().anonymous('POST', `/api/duplicate-fixture/${kind}`)).statusCode).toBe(201);
          const again = await h().anonymous('POST', `/api/duplicate-fixture/${kind}`);
          expect(again.statusCode, again.body).toBe(409);
          expect(isProblem(again.headers['content-type'])).toBe(true);
          expect(again.json()).toMatchObject({ code: 'request.duplicate', status: 409 });
          expect(again.body).not.toMatch(/same-|duplicate_fixture|constraint/i);
        }
      });
    });
  },
  { extraModules: [duplicateFixture] },
);
