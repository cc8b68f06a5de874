// Helpers for journeys through the signed-in console: any account's TOTP sign-in, a second
// browser context whose screenshots continue the test's numbering, and antd form controls.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectConsoleErrors, newContext, shot, shotState } from './browser.ts';
export { signInWithTotp } from './browser.ts';
import type { E2eServer } from './server.ts';

/** Console errors every page may show: the signed-out session probe's 401 (as journey.ts). */
const EXPECTED_CONSOLE_ERRORS: RegExp[] = [/status of 401 .*\[[^\]]*\/api\/auth\/session\]$/];

export interface ExtraPage {
  context: BrowserContext;
  page: Page;
  /** Runs one step on this page; keeps a screenshot of it after, or `<name>-failed`. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  shot(name: string): Promise<string>;
  consoleErrors: string[];
  /** Console errors not matching the always-expected ones or `allowed`. */
  unexpectedConsoleErrors(allowed?: RegExp[]): string[];
  close(): Promise<void>;
}

/**
 * A second, fresh browser context (no cookies: another person at another desk) in the same
 * test. Its screenshots go to the test's folder and continue the numbering of `sharesShotsWith`.
 */
export async function openExtraPage(browser: Browser, server: E2eServer, sharesShotsWith: Page): Promise<ExtraPage> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const shared = shotState.get(sharesShotsWith);
  if (shared) shotState.set(page, shared);
  const consoleErrors = collectConsoleErrors(page);
  return {
    context,
    page,
    consoleErrors,
    shot: (name) => shot(page, name),
    async step(name, fn) {
      try {
        const result = await fn();
        await shot(page, name);
        return result;
      } catch (e) {
        await shot(page, `${name}-failed`).catch(() => undefined);
        throw e;
      }
    },
    unexpectedConsoleErrors: (allowed = []) =>
      consoleErrors.filter((line) => ![...EXPECTED_CONSOLE_ERRORS, ...allowed].some((re) => re.test(line))),
    close: () => context.close().catch(() => undefined),
  };
}

// ---------------------------------------------------------------------------------------
// antd controls

/** The form item whose label reads exactly `label` (inside a drawer or page). */
export function formItem(scope: Page | Locator, label: string): Locator {
  // `has` is matched inside each form item, so it must start from the page, not from `scope`.
  const page = 'mainFrame' in scope ? scope : scope.page();
  return scope.locator('.ant-form-item').filter({ has: page.locator('.ant-form-item-label label').getByText(label, { exact: true }) });
}

/** The open select dropdown (antd renders it in a popup on body), once its opening animation is over. */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-enter"]):not([class*="-leave"])');
}

/** The open select dropdown's option showing `text`. */
export function selectOption(page: Page, text: string | RegExp): Locator {
  return openDropdown(page).locator('.ant-select-item-option').filter({ hasText: text }).first();
}

/**
 * Picks an option in the select of the form item labelled `label`: opens it, types `search`
 * when given (a searchable select asking the server), and clicks the option showing `option`.
 * A click landing while the list still scrolls to the current value is lost: then it tries again.
 */
export async function pickInSelect(page: Page, scope: Page | Locator, label: string, option: string, search?: string): Promise<void> {
  const item = formItem(scope, label);
  const anyOpen = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if ((await anyOpen.count()) === 0) await item.locator('.ant-select').click();
    if (search !== undefined && (await item.getByRole('combobox').inputValue()) !== search) await item.getByRole('combobox').fill(search);
    const choice = selectOption(page, option);
    await choice.waitFor({ state: 'visible' });
    await choice.click();
    try {
      await anyOpen.first().waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** An antd button by its text: antd puts a space between two Chinese characters (新 建). */
export function buttonNamed(scope: Page | Locator, text: string): Locator {
  const chars = [...text];
  const name =
    chars.length === 2
      ? new RegExp(`^\\s*${chars[0]}\\s?${chars[1]}\\s*$`)
      : new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return scope.getByRole('button', { name });
}
