import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { Nullable } from './nullable.ts';

describe('Nullable', () => {
  it("keeps a null body field null and a number a number under the server's coercing Ajv", async () => {
    const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } } });
    app.post(
      '/',
      { schema: { body: Type.Object({ max: Nullable(Type.Number()), due: Nullable(Type.String({ format: 'date' })) }) } },
      (req) => req.body,
    );
    const post = async (body: unknown) => (await app.inject({ method: 'POST', url: '/', payload: body as object })).json();
    expect(await post({ max: null, due: null })).toEqual({ max: null, due: null });
    expect(await post({ max: 12, due: '2020-12-31' })).toEqual({ max: 12, due: '2020-12-31' });
    await app.close();
  });
});
