import { defineConfig } from 'vitest/config';

// Server-side tests: unit (*.test.ts) and integration (*.int.test.ts) run together.
// Integration tests open their own database (SQLite file, or PostgreSQL when
// EDUCLOUD_TEST_DATABASE_URL is set), so files may run in parallel.
export default defineConfig({
  test: {
    include: ['{apps,core,modules,packages}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
