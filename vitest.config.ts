import { defineConfig } from 'vitest/config';

// Two projects: server tests (unit *.test.ts and integration *.int.test.ts, on a real
// database each) in Node, and console component tests (*.test.tsx) in jsdom.
// Browser journeys (e2e/) run in a separate stage, see scripts/run-tests.mjs.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['{apps,core,modules,packages}/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'apps/web/**'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['{apps/web,packages/ui,core,modules}/**/*.test.tsx'],
          exclude: ['**/node_modules/**'],
          environment: 'jsdom',
          setupFiles: ['packages/ui/src/testing/setup.ts'],
        },
      },
    ],
  },
});
