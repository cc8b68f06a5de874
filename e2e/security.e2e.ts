// Security rules as a person meets them in the console (#9): a county administrator works
// under its bureau, not on it, and cannot add authorities; a teacher who is granted an
// administrative role while signed in is sent to bind an authenticator before using it.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, signInAsAdmin, signInWithTotp } from './support/browser.ts';
import { formItem, openExtraPage, selectOption } from './support/console.ts';
import { e2eSuite } from './support/journey.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const suite = e2eSuite({ demo: true });
const { journey } = suite;

const POLL = { timeout: 10_000 };
const orgDetail = (page: Page) => page.getByRole('region', { name: '机构详情' });

journey(
  'a county administrator manages what lies under its bureau, not the bureau, and cannot add authorities',
  async ({ page, server, step }) => {
    await step('signed-in', () => signInWithTotp(page, server, 'demo-admin-gb130102', DEMO_PASSWORD));
    await step('own-bureau-governed-above', async () => {
      await page.goto('/orgs');
      await expect.poll(() => orgDetail(page).getByRole('heading', { level: 2 }).innerText(), POLL).toBe('长安区教育局');
      await orgDetail(page).getByText('本机构的名称、代码、移动和启停由上级机构办理').waitFor();
      expect(
        await orgDetail(page)
          .getByRole('button', { name: /^修\s*改$/ })
          .count(),
      ).toBe(0);
      expect(
        await orgDetail(page)
          .getByRole('button', { name: /^停\s*用$/ })
          .count(),
      ).toBe(0);
    });
    await step('no-authority-types-under-a-county', async () => {
      await orgDetail(page).getByRole('button', { name: '新建下级机构' }).click();
      const form = page.getByRole('dialog', { name: '在「长安区教育局」下新建机构', exact: true });
      await form.waitFor();
      await formItem(form, '机构类型').locator('.ant-select').click();
      await selectOption(page, '学校').waitFor();
      for (const authority of ['地市教育局', '区县教育局', '省级教育行政部门']) expect(await selectOption(page, authority).count()).toBe(0);
    });
  },
);

journey(
  'a teacher granted 机构管理员 while signed in must bind an authenticator before the new permissions work',
  async ({ page, server, step }) => {
    await step('teacher-signed-in', () => signIn(page, 'demo-t-1', DEMO_PASSWORD));

    const admin = await openExtraPage(suite.browser(), server, page);
    try {
      await admin.step('admin-grants-org-admin', async () => {
        await signInAsAdmin(admin.page, server);
        // What the grant dialog sends, from the administrator's own signed-in page.
        const status = await admin.page.evaluate(async () => {
          const json = async (url: string, init?: RequestInit) => (await fetch(url, init)).json();
          const session = await json('/api/auth/session');
          const teacher = (await json('/api/users?q=demo-t-1')).items[0];
          const role = (await json('/api/access/roles')).find((r: { code: string }) => r.code === 'org_admin');
          const res = await fetch('/api/access/grants', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({ userId: teacher.id, roleId: role.id, orgId: teacher.orgId }),
          });
          return res.status;
        });
        expect(status).toBe(201);
      });
    } finally {
      await admin.close();
    }

    await step('teacher-sent-to-bind-an-authenticator', async () => {
      await page.goto('/users');
      await page.locator('#code').waitFor({ state: 'visible', timeout: 15_000 });
      expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toMatch(/动态口令/);
    });
  },
);
