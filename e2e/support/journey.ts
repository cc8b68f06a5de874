// Vitest glue: one server and one browser per test file, a fresh context per test, a
// screenshot kept for every failing step, and no unexpected console errors.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assignScreenshotDir, collectConsoleErrors, launchBrowser, newContext, shot } from './browser.ts';
import { startServer, type E2eServer, type StartOptions } from './server.ts';

/**
 * Console errors every page may show: while signed out, the console asks the server who is
 * signed in and the browser logs the expected 401 of that probe.
 */
const EXPECTED_CONSOLE_ERRORS: RegExp[] = [/status of 401 .*\[[^\]]*\/api\/auth\/session\]$/];

export interface Journey {
  page: Page;
  context: BrowserContext;
  server: E2eServer;
  /** Saves the next numbered screenshot of this test. */
  shot(name: string): Promise<string>;
  /** Runs one step; on success keeps a screenshot named after it, on failure `<name>-failed`. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Console errors so far (unexpected and expected). */
  consoleErrors: string[];
  /** Declares a console error this test provokes on purpose (a 401 from a wrong password...). */
  allowConsoleError(pattern: RegExp): void;
}

export interface E2eSuite {
  server(): E2eServer;
  browser(): Browser;
  /** A test with its own browser context and page. */
  journey(name: string, fn: (j: Journey) => Promise<void>, timeoutMs?: number): void;
}

/** Starts a server (and the browser) before the file's tests and stops them after. */
export function e2eSuite(options: StartOptions = {}): E2eSuite {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }, 30_000);

  const need = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} did not start (see beforeAll)`);
    return value;
  };

  return {
    server: () => need(server, 'the server'),
    browser: () => need(browser, 'the browser'),
    journey(name, fn, timeoutMs = 90_000) {
      it(
        name,
        async () => {
          const srv = need(server, 'the server');
          const context = await newContext(need(browser, 'the browser'), srv.url);
          const page = await context.newPage();
          page.setDefaultTimeout(15_000);
          assignScreenshotDir(page, name);
          const consoleErrors = collectConsoleErrors(page);
          const failedAssets: string[] = [];
          page.on('response', (r) => {
            if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/assets/'))
              failedAssets.push(`${r.status()} ${new URL(r.url()).pathname}`);
          });
          const allowed = [...EXPECTED_CONSOLE_ERRORS];
          let failedShotTaken = false;
          const j: Journey = {
            page,
            context,
            server: srv,
            consoleErrors,
            shot: (n) => shot(page, n),
            async step(stepName, body) {
              try {
                const result = await body();
                await shot(page, stepName);
                return result;
              } catch (e) {
                failedShotTaken = true;
                await shot(page, `${stepName}-failed`).catch(() => undefined);
                throw e;
              }
            },
            allowConsoleError: (pattern) => {
              allowed.push(pattern);
            },
          };
          try {
            await fn(j);
            const unexpected = consoleErrors.filter((line) => !allowed.some((re) => re.test(line)));
            expect(unexpected, 'unexpected console errors').toEqual([]);
          } catch (e) {
            if (!failedShotTaken) await shot(page, 'failed').catch(() => undefined);
            throw explain(e, consoleErrors, failedAssets);
          } finally {
            await context.close().catch(() => undefined);
          }
        },
        timeoutMs,
      );
    },
  };
}

/** Adds what the page said (console errors, missing console assets) to a failing test's error. */
function explain(error: unknown, consoleErrors: string[], failedAssets: string[]): unknown {
  if (!(error instanceof Error) || (consoleErrors.length === 0 && failedAssets.length === 0)) return error;
  const lines = [''];
  if (consoleErrors.length > 0) lines.push('console errors on the page:', ...consoleErrors.map((l) => `  ${l}`));
  if (failedAssets.length > 0) {
    lines.push('console assets the server did not have:', ...failedAssets.map((l) => `  ${l}`));
    lines.push(
      '  (the server read apps/web/dist/index.html at start; another process rebuilding the console since then deletes the chunks it names)',
    );
  }
  error.message += lines.join('\n');
  return error;
}
