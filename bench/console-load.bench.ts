/*
 * The console's first downloads and the users page's time to interactive, measured in Debian's
 * Chromium against a real server with the demo data. Run: node --import tsx bench/console-load.bench.ts
 * Prints JSON; figures go to docs/benchmarks.md by hand with the machine noted.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '../e2e/support/server.ts';
import { launchBrowser, newContext, signInAsAdmin } from '../e2e/support/browser.ts';

const RUNS = 5;

/** Sums the gzip size of every script the page loads while `action` runs. */
async function scriptBytes(page: Page, action: () => Promise<void>): Promise<{ files: number; raw: number; gzip: number }> {
  const seen = new Map<string, Buffer>();
  const onResponse = async (res: import('playwright-core').Response) => {
    if (res.request().resourceType() !== 'script') return;
    try {
      seen.set(res.url(), await res.body());
    } catch {
      /* redirected or aborted */
    }
  };
  page.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  let raw = 0;
  let gzip = 0;
  for (const body of seen.values()) {
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: seen.size, raw, gzip };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const signInPage = await scriptBytes(page, async () => {
    await page.goto('/');
    await page.locator('#account').waitFor();
  });
  const afterSignIn = await scriptBytes(page, () => signInAsAdmin(page, server));

  // Time to interactive of the users page: navigation start to the first data row, warm HTTP cache
  // as a user has it after signing in, each run a full page load.
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    await page.goto('/users');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    times.push(Date.now() - started);
  }
  console.log(
    JSON.stringify(
      {
        signInPage,
        firstPageAfterSignIn: afterSignIn,
        usersPageInteractiveMs: { median: median(times), runs: times },
      },
      null,
      2,
    ),
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
