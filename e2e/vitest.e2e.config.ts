import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests (*.e2e.ts): each file starts a real EduCloud server and Debian's Chromium
// (see e2e/support). Files run one after another: two servers and browsers on two cores
// would make timings meaningless and flaky.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    retry: 0,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
