import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from './testing/test-app.ts';
import { listenLocally, rawRequest, sendRaw } from './testing/raw-http.ts';

// NUL is refused by PostgreSQL text columns (a 500 before) and silently stored by SQLite;
// invalid UTF-8 was turned into U+FFFD by the JSON parser; a lone surrogate cannot be encoded.
describeOnEngines('text the server refuses in every request', (h) => {
  let root: Session;
  let county: string;
  let port: number;

  beforeAll(async () => {
    root = await h().signInAs('text-root', 'MOE', ['platform_admin']);
    county = await h().orgId('GB130102');
    port = await listenLocally(h().app);
  });

  const expectInvalidText = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, where: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'request.invalid_text', params: { in: where } });
  };
  const orgCount = async (code: string) => (await root.request('GET', `/api/orgs?q=${code}&pageSize=100`)).json().total as number;
  const json = { 'content-type': 'application/json' };

  it('refuses a NUL character and a lone surrogate in a JSON body and stores nothing', async () => {
    for (const [code, name] of [
      ['TXT-NUL', 'a\\u0000b'],
      ['TXT-SUR', '\\ud800x'],
      ['TXT-LOW', 'x\\udc00'],
    ]) {
      const body = `{"parentId":"${county}","code":"${code}","name":"${name}中学","type":"school","stage":"junior"}`;
      const res = await root.request('POST', '/api/orgs', body, json);
      expectInvalidText(res, 'body');
      expect(JSON.parse(res.body).params.field).toBe('name');
      expect(await orgCount(code)).toBe(0);
    }
  });

  it('refuses raw bytes that are not UTF-8 in a JSON body', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"parentId":"${county}","code":"TXT-BYTES","name":"`),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('中学","type":"school","stage":"junior"}'),
    ]);
    const res = await root.request('POST', '/api/orgs', body, json);
    expectInvalidText(res, 'body');
    expect(await orgCount('TXT-BYTES')).toBe(0);
  });

  it('accepts a well-formed pair of surrogates and Chinese text', async () => {
    const body = `{"parentId":"${county}","code":"TXT-OK","name":"\\ud83c\\udf31 长安实验中学","type":"school","stage":"junior"}`;
    const res = await root.request('POST', '/api/orgs', body, json);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('🌱 长安实验中学');
  });

  it('refuses NUL, invalid UTF-8 and an encoded surrogate in a query string', async () => {
    for (const q of ['a%00b', 'a%FFb', '%E4%B8', 'a%ED%A0%80b']) {
      expectInvalidText(await root.request('GET', `/api/orgs?q=${q}`), 'querystring');
      expectInvalidText(await root.request('GET', `/api/users?q=${q}`), 'querystring');
    }
    // A name list query (array) is checked too.
    expectInvalidText(await root.request('GET', `/api/orgs?q=ok&q=a%00`), 'querystring');
    expect((await root.request('GET', `/api/orgs?q=${encodeURIComponent('长安')}`)).statusCode).toBe(200);
  });

  it('refuses a NUL character in a path parameter', async () => {
    expectInvalidText(await root.request('GET', '/api/users/a%00b'), 'params');
    expectInvalidText(await root.request('GET', '/api/orgs/a%00b'), 'params');
  });

  it('refuses raw non-UTF-8 bytes sent over the wire in a body', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"parentId":"${county}","code":"TXT-WIRE","name":"`),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('","type":"school","stage":"junior"}'),
    ]);
    const res = await sendRaw(
      port,
      rawRequest(
        'POST /api/orgs HTTP/1.1',
        [`Cookie: ${root.cookie}`, `x-csrf-token: ${root.csrf}`, 'Content-Type: application/json'],
        body,
      ),
    );
    expectInvalidText({ statusCode: res.status, headers: res.headers, body: res.body }, 'body');
    expect(await orgCount('TXT-WIRE')).toBe(0);
  });
});
