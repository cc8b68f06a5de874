// Debian's Chromium through playwright-core (never `playwright install`: it downloads a
// browser, which fails here), screenshots, TOTP codes and the sign-in flows.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { base32Decode, totpCode } from '../../core/auth/server/totp.ts';
import { ADMIN_ACCOUNT, ADMIN_PASSWORD, ROOT, type E2eServer, type TotpState } from './server.ts';

export const CHROMIUM_PATH = process.env.EDUCLOUD_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1360, height: 820 };
export const RESULTS_DIR = join(ROOT, 'test-results/e2e');
export const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install the Debian packages chromium and fonts-wqy-microhei (bash .ci/run does), or set EDUCLOUD_CHROMIUM`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (no cookies, no localStorage) in Chinese, at the console's design size. */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'test';

// Where each page's screenshots go and how many it has taken.
export const shotState = new WeakMap<Page, { dir: string; count: number }>();

/** Screenshots of `page` go to test-results/e2e/screenshots/<test>/ (emptied first). */
export function assignScreenshotDir(page: Page, testName: string): string {
  const dir = join(SCREENSHOTS_DIR, slug(testName));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  shotState.set(page, { dir, count: 0 });
  return dir;
}

/** Saves `<n>-<name>.png` for the page's test; returns the path. */
export async function shot(page: Page, name: string): Promise<string> {
  let state = shotState.get(page);
  if (!state) {
    assignScreenshotDir(page, 'unnamed');
    state = shotState.get(page)!;
  }
  state.count += 1;
  const file = join(state.dir, `${String(state.count).padStart(2, '0')}-${slug(name)}.png`);
  // A full-page capture draws what is pinned to the window (the sider, the header) where the
  // window is scrolled to: from the top they sit where a person sees them.
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  // Finished transitions: a button fading back from its loading state is not a state to judge.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Console errors and uncaught exceptions of a page, as text lines. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    errors.push(`${msg.text()}${where ? ` [${where}]` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return errors;
}

// ---------------------------------------------------------------------------------------
// TOTP

const STEP_MS = 30_000;
export const totpCounter = (atMs = Date.now()) => Math.floor(atMs / STEP_MS);

/** The current code for a base32 secret (spaces allowed), as an authenticator app shows it. */
export function totpFor(secret: string, atMs = Date.now()): string {
  return totpCode(base32Decode(secret.replace(/\s+/g, '')), totpCounter(atMs));
}

/**
 * A code the server will accept for an enrolled account: the server refuses a step it has
 * already accepted, so when this step's code was used, wait for the next step.
 */
export async function freshTotp(state: TotpState): Promise<string> {
  let counter = totpCounter();
  if (counter <= state.lastCounter) {
    const waitMs = (state.lastCounter + 1) * STEP_MS - Date.now() + 250;
    console.log(`e2e: waiting ${(waitMs / 1000).toFixed(1)}s for a fresh TOTP step (the server refuses a code twice)`);
    await new Promise((r) => setTimeout(r, waitMs));
    counter = totpCounter();
  }
  state.lastCounter = counter;
  return totpCode(base32Decode(state.secret), counter);
}

// ---------------------------------------------------------------------------------------
// Sign-in flows

/** Opens the console (a fresh context shows the sign-in page) and waits for the form. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('#account').waitFor({ state: 'visible' });
}

/** Types account and password on the sign-in page and submits. */
export async function submitSignIn(page: Page, account: string, password: string): Promise<void> {
  await page.locator('#account').fill(account);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

/** The workbench is showing (its "my roles" card, in either language). */
export async function waitForHome(page: Page): Promise<void> {
  await page.getByText(/^(我的角色|My roles)$/).waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Signs in an account that must use a second factor (one holding an admin role such as
 * 机构管理员): password, then TOTP. The first time on a server this is the enrolment page, whose
 * secret (shown as text in groups of four) is remembered on `server.totp` under the account,
 * so later sign-ins enter a fresh code (never a step the server already accepted). Ends on the
 * workbench. The same flow as `signInAsAdmin`, for any account.
 */
export async function signInWithTotp(
  page: Page,
  server: E2eServer,
  account: string,
  password: string,
  options: { onEnrolPage?: () => Promise<void>; replacePasswordWith?: string } = {},
): Promise<void> {
  if (!(await page.locator('#account').isVisible())) await openSignIn(page);
  await submitSignIn(page, account, password);
  await page.locator('#code').waitFor({ state: 'visible' });
  const known = server.totp.get(account);
  let code: string;
  if (known) {
    code = await freshTotp(known);
  } else {
    const secretText = page.locator('main .ant-typography code').first();
    await secretText.waitFor({ state: 'visible' });
    const secret = (await secretText.innerText()).replace(/\s+/g, '');
    if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`the enrolment page for ${account} shows no base32 secret (got "${secret}")`);
    const state: TotpState = { secret, lastCounter: -1 };
    code = await freshTotp(state);
    server.totp.set(account, state);
    await options.onEnrolPage?.();
  }
  await page.locator('#code').fill(code);
  await page.locator('form button[type=submit]').click();
  // A password an administrator typed must be replaced at the first sign-in, after the code.
  if (options.replacePasswordWith) await replacePassword(page, password, options.replacePasswordWith);
  await waitForHome(page);
}

async function replacePassword(page: Page, typedPassword: string, ownPassword: string): Promise<void> {
  await page.locator('#currentPassword').fill(typedPassword);
  await page.locator('#newPassword').fill(ownPassword);
  await page.locator('#repeat').fill(ownPassword);
  await page.locator('form button[type=submit]').click();
}

/** The platform administrator's sign-in (password, then TOTP enrolment or a fresh code). */
export const signInAsAdmin = (page: Page, server: E2eServer, options: { onEnrolPage?: () => Promise<void> } = {}) =>
  signInWithTotp(page, server, ADMIN_ACCOUNT, ADMIN_PASSWORD, options);

/** Signs in an account without a second factor (a teacher, a parent...) and waits for the workbench. */
export async function signIn(page: Page, account: string, password: string): Promise<void> {
  if (!(await page.locator('#account').isVisible())) await openSignIn(page);
  await submitSignIn(page, account, password);
  await waitForHome(page);
}

/**
 * Signs in an account whose password an administrator typed: the server makes the first sign-in
 * replace it (the forced password change page), then waits for the workbench.
 */
export async function signInReplacingPassword(page: Page, account: string, typedPassword: string, ownPassword: string): Promise<void> {
  if (!(await page.locator('#account').isVisible())) await openSignIn(page);
  await submitSignIn(page, account, typedPassword);
  await replacePassword(page, typedPassword, ownPassword);
  await waitForHome(page);
}

// ---------------------------------------------------------------------------------------
// Figures for the docs

export interface ScriptLoad {
  url: string;
  bytes: number;
  gzipBytes: number;
}

/** Records every JavaScript file the page loads, with its size and gzip size (zlib default level). */
export function recordScripts(page: Page): () => Promise<ScriptLoad[]> {
  const pending: Promise<ScriptLoad | null>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const contentType = response.headers()['content-type'] ?? '';
    if (type !== 'script' && !contentType.includes('javascript')) return;
    pending.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  return async () => (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
}

/** Merges `values` into test-results/e2e/figures.json (other journeys add their own keys). */
export function recordFigures(values: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, 'figures.json');
  let figures: Record<string, unknown> = {};
  try {
    figures = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    /* first figure */
  }
  writeFileSync(file, `${JSON.stringify({ ...figures, ...values }, null, 2)}\n`);
}
