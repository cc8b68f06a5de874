import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unboundedNumbers } from '#kernel';
import { startTestApp, type TestApp } from './testing/test-app.ts';

interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

/**
 * Every number a route accepts must have a finite range (see BoundedNumber): without one,
 * 1e308 is stored and later sums to Infinity. The OpenAPI document holds every route's body,
 * query and params as the server validates them, so a new route that forgets fails here.
 */
describe('request numbers', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it("have a finite minimum and maximum in every route's body, query and params", () => {
    const document = h.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const open: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        checked += 1;
        for (const p of op.parameters ?? [])
          for (const where of unboundedNumbers(p.schema, p.name)) open.push(`${method.toUpperCase()} ${path} ${p.in} ${where}`);
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
          for (const where of unboundedNumbers(media.schema)) open.push(`${method.toUpperCase()} ${path} body(${type}) ${where}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(open).toEqual([]);
  });
});
