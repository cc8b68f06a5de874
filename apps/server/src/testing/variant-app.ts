import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { openPlatform } from '../platform.ts';
import type { TestApp } from './test-app.ts';

/**
 * A second HTTP app on the harness's database, key and clock, with some configuration
 * changed (e.g. `trustProxy`), for behaviour the harness's own settings cannot show.
 */
export async function startVariantApp(
  harness: TestApp,
  overrides: Partial<Config>,
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const platform = openPlatform({ ...harness.platform.config, ...overrides }, { clock: harness.now });
  const app = await buildApp(platform, { logger: false });
  return {
    app,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}
