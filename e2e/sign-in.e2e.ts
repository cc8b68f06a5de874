// The first journey: from the sign-in page to the workbench and back, on a real server with
// the sample data, in Debian's Chromium.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openSignIn, recordFigures, recordScripts, signIn, signInAsAdmin, submitSignIn, waitForHome } from './support/browser.ts';
import { e2eSuite } from './support/journey.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const suite = e2eSuite({ demo: true });
const { journey } = suite;

/** The teacher at one sample school who is also a parent at another. */
const TEACHER_PARENT = 'demo-t-1';

/** Waiting for the page to show something: up to 10 s, not expect.poll's 1 s default. */
const POLL = { timeout: 10_000 };

const heading = (page: Page) => page.locator('main h1').first();
const rolesCard = (page: Page) => page.locator('.ant-card').filter({ has: page.getByText(/^(我的角色|My roles)$/) });

journey('loads the production sign-in page without the console code behind it', async ({ page, step }) => {
  const scripts = recordScripts(page);
  await step('sign-in-page', async () => {
    await openSignIn(page);
    await page.waitForLoadState('networkidle');
  });
  const loaded = await scripts();
  const bytes = loaded.reduce((n, s) => n + s.bytes, 0);
  const gzipBytes = loaded.reduce((n, s) => n + s.gzipBytes, 0);
  console.log(`e2e: sign-in page JavaScript: ${loaded.length} files, ${bytes} bytes, ${gzipBytes} bytes gzip`);
  for (const s of loaded) console.log(`e2e:   ${s.url}  ${s.bytes} B, ${s.gzipBytes} B gzip`);
  recordFigures({
    signInJavaScript: {
      measuredAt: new Date().toISOString(),
      note: 'JavaScript files loaded to show the sign-in page (fresh context); gzip = Node zlib default level of each file',
      files: loaded.length,
      bytes,
      gzipBytes,
      scripts: loaded,
    },
  });
  expect(loaded.length).toBeGreaterThan(0);
  // A production build: antd marks its class names "css-dev-only-do-not-override" in development.
  expect(await page.locator('[class*="css-dev-only"]').count()).toBe(0);
  // The signed-in console (router, layout, module pages) is its own chunk, loaded only after sign-in.
  expect(loaded.map((s) => s.url).filter((u) => /\/app-router-/.test(u))).toEqual([]);
  expect(gzipBytes).toBeLessThan(300 * 1024);
});

journey('draws Chinese with a CJK font (中 at 40px is wider than 30px)', async ({ page, step }) => {
  await step('sign-in-page', () => openSignIn(page));
  const width = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.textContent = '中';
    probe.style.cssText = `position:absolute;white-space:nowrap;font-size:40px;font-family:${getComputedStyle(document.querySelector('main h1')!).fontFamily}`;
    document.body.appendChild(probe);
    const w = probe.getBoundingClientRect().width;
    probe.remove();
    return w;
  });
  console.log(`e2e: width of 中 at 40px: ${width}px`);
  expect(width, 'Chinese renders as boxes: install fonts-wqy-microhei').toBeGreaterThan(30);
});

journey('shows the sign-in page in Chinese by default and keeps English after a reload', async ({ page, step }) => {
  await step('chinese-by-default', async () => {
    await openSignIn(page);
    await expect.poll(() => heading(page).innerText(), POLL).toBe('登录');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('label[for=account]').innerText()).toBe('账号');
  });
  await step('switched-to-english', async () => {
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => heading(page).innerText(), POLL).toBe('Sign in');
    expect(await page.locator('label[for=account]').innerText()).toBe('Account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
  await step('english-after-reload', async () => {
    await page.reload();
    await page.locator('#account').waitFor();
    await expect.poll(() => heading(page).innerText(), POLL).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});

journey('tells a wrong password in Chinese with the attempts left', async ({ page, step, allowConsoleError }) => {
  allowConsoleError(/status of 401 .*\/api\/auth\/login\]$/);
  await openSignIn(page);
  await step('wrong-password', async () => {
    await submitSignIn(page, 'demo-t-2', 'Not-The-Password-9');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.innerText(), POLL)
      .toBe('账号或密码错误；还可尝试 4 次，从同一网络地址连续失败 5 次将在该地址锁定 15 分钟');
  });
  // Still on the sign-in form, ready for another try.
  expect(await page.locator('#account').isVisible()).toBe(true);
  expect(await page.locator('#password').inputValue()).toBe('Not-The-Password-9');
  expect(await page.locator('form button[type=submit]').isEnabled()).toBe(true);
});

journey('signs the platform administrator in through TOTP enrolment to the workbench', async ({ page, step, shot, server }) => {
  await step('sign-in-page', () => openSignIn(page));
  await step('workbench', () =>
    signInAsAdmin(page, server, {
      onEnrolPage: async () => {
        expect(await heading(page).innerText()).toBe('绑定动态口令');
        expect(await page.locator('main img[src^="data:image/png"]').isVisible()).toBe(true);
        await shot('totp-enrolment');
      },
    }),
  );
  expect(server.totp.has('admin')).toBe(true);
  const roles = rolesCard(page);
  expect(await roles.getByRole('cell', { name: '平台管理员', exact: true }).count()).toBe(1);
  expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('平台管理员，您好');
  expect(await page.locator('#code').count()).toBe(0);
});

journey('signs a teacher who is also a parent in without TOTP, with both roles and the org switcher', async ({ page, step }) => {
  await openSignIn(page);
  await step('workbench', async () => {
    await submitSignIn(page, TEACHER_PARENT, DEMO_PASSWORD);
    await waitForHome(page);
  });
  expect(await page.locator('#code').count()).toBe(0);
  const roles = rolesCard(page);
  expect(await roles.getByRole('cell', { name: '教师', exact: true }).count()).toBe(1);
  expect(await roles.getByRole('cell', { name: '家长', exact: true }).count()).toBe(1);
  const switcher = page.getByLabel('切换机构');
  expect(await switcher.count()).toBe(1);
  await step('org-switcher-open', async () => {
    await page.locator('.ant-layout-header .ant-select').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().waitFor();
    expect(await page.locator('.ant-select-dropdown .ant-select-item-option').count()).toBe(2);
  });
});

journey('signs out back to the sign-in page, and stays signed out after a reload', async ({ page, step }) => {
  await step('workbench', () => signIn(page, TEACHER_PARENT, DEMO_PASSWORD));
  await step('user-menu', async () => {
    await page.getByRole('button', { name: '我的账号' }).click();
    await page.getByRole('menuitem', { name: '退出登录', exact: true }).waitFor();
  });
  await step('signed-out', async () => {
    await page.getByRole('menuitem', { name: '退出登录', exact: true }).click();
    await page.locator('#account').waitFor();
    expect(await heading(page).innerText()).toBe('登录');
  });
  await step('after-reload', async () => {
    await page.reload();
    await page.locator('#account').waitFor();
    expect(await page.getByText(/^(我的角色|My roles)$/).count()).toBe(0);
  });
});

journey('shows the 404 page for an unknown console path after sign-in', async ({ page, step }) => {
  await signIn(page, TEACHER_PARENT, DEMO_PASSWORD);
  await step('not-found', async () => {
    await page.goto('/no-such-page/at-all');
    await expect.poll(() => page.locator('.ant-result-title').innerText(), POLL).toBe('页面不存在');
    expect(await page.getByText('您访问的页面不存在或已移除。').isVisible()).toBe(true);
    // The breadcrumb names the page too.
    expect(await page.locator('.ant-breadcrumb').innerText()).toContain('页面不存在');
  });
  await step('back-to-workbench', async () => {
    await page
      .getByRole('link', { name: /返回工作台/ })
      .or(page.getByRole('button', { name: /返回工作台/ }))
      .first()
      .click();
    await waitForHome(page);
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
