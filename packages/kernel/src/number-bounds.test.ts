import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { BoundedNumber, REQUEST_VALIDATION_OPTIONS, unboundedNumbers } from './number-bounds.ts';
import { Nullable } from './nullable.ts';

describe('unboundedNumbers', () => {
  it('names every number without a finite minimum and maximum, however deep', () => {
    const schema = Type.Object({
      ok: Type.Integer({ minimum: 0, maximum: 10 }),
      open: Type.Number({ minimum: 0 }),
      list: Type.Array(Type.Object({ value: Nullable(Type.Number({ maximum: 5 })) })),
      marks: Type.Record(Type.String(), Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
      loose: Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()])),
      fixed: Type.Literal(3),
      choice: Type.Union([Type.Literal(1), Type.Literal(2)]),
    });
    expect(unboundedNumbers(schema)).toEqual(['open', 'list[items].value[anyOf.1]', 'loose.^.*$[anyOf.1]']);
  });

  it('finds nothing in strings, booleans and bounded numbers', () => {
    expect(unboundedNumbers(Type.Object({ a: Type.String(), b: Type.Boolean(), c: BoundedNumber({ minimum: -1, maximum: 1 }) }))).toEqual(
      [],
    );
  });
});

describe('BoundedNumber', () => {
  it('refuses Infinity however it arrives, and keeps a finite number inside its range', async () => {
    const app = Fastify({ ajv: { customOptions: REQUEST_VALIDATION_OPTIONS } });
    app.post('/', { schema: { body: Type.Object({ n: BoundedNumber({ minimum: 0, maximum: 1e12 }) }) } }, (req) => req.body);
    const post = (payload: string) => app.inject({ method: 'POST', url: '/', payload, headers: { 'content-type': 'application/json' } });
    for (const payload of ['{"n":1e309}', '{"n":"Infinity"}', '{"n":1e308}', '{"n":-1}', '{"n":"NaN"}'])
      expect((await post(payload)).statusCode, payload).toBe(400);
    expect((await post('{"n":999999999999.5}')).json()).toEqual({ n: 999999999999.5 });
    await app.close();
  });
});
