// The console journey: the platform administrator builds a province and a county in the org
// tree, creates the county's administrator (after the ID number check refuses a typo) and
// grants them 机构管理员; that administrator signs in with TOTP and sees only the county; the
// platform administrator then exports the users (masked ID numbers only) and finds every
// change in the audit log. One server without sample data, Debian's Chromium.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signInAsAdmin } from './support/browser.ts';
import { buttonNamed, formItem, openExtraPage, pickInSelect, signInWithTotp } from './support/console.ts';
import { e2eSuite } from './support/journey.ts';

const suite = e2eSuite();
const { journey } = suite;

/** Waiting for the page to show something: up to 10 s, not expect.poll's 1 s default. */
const POLL = { timeout: 10_000 };

const ROOT_ORG = '中华人民共和国教育部';
const PROVINCE = { code: 'E2E-P1', name: '测试省教育厅', type: '省级教育行政部门' };
const COUNTY = { code: 'E2E-C1', name: '测试县教育局', type: '区县教育局' };
const COUNTY_ADMIN = {
  account: 'e2e-county-admin',
  realName: '测试县管理员',
  password: 'County-Admin-2026!',
  /** The administrator typed `password`, so the first sign-in replaces it with this one. */
  ownPassword: 'Own-County-Pass-2026!',
  idNumber: '11010519491231002X',
  /** The same number with a wrong check digit (the last one). */
  badIdNumber: '110105194912310021',
  idNumberMasked: '110***********002X',
};

/** The org page's tree (the left column's navigation landmark). */
const orgTree = (page: Page) => page.getByRole('navigation', { name: '机构树' }).getByRole('tree');
const orgDetail = (page: Page) => page.getByRole('region', { name: '机构详情' });
/** A drawer by its title (antd labels the dialog with it). */
const drawer = (page: Page, title: string | RegExp) => page.getByRole('dialog', { name: title, exact: true });
const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text, { exact: true });

/** Opens a console page by its path and waits for its title. */
async function openPage(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/** The tree's rows as drawn: name (without the type icon's label) and depth in the tree. */
async function treeRows(tree: Locator): Promise<Array<{ text: string; level: number; selected: boolean }>> {
  return tree.getByRole('treeitem').evaluateAll((items) =>
    items.map((item) => ({
      text: (item.querySelector('.ant-tree-title') as HTMLElement | null)?.innerText.trim() ?? '',
      level: item.querySelectorAll('.ant-tree-indent-unit').length,
      selected: item.getAttribute('aria-selected') === 'true',
    })),
  );
}

/** Opens 新建下级机构 on the org selected on the org page and fills its drawer; returns the drawer. */
async function fillChildOrg(page: Page, parentName: string, org: { code: string; name: string; type: string }): Promise<Locator> {
  await expect.poll(() => orgDetail(page).getByRole('heading', { level: 2 }).innerText(), POLL).toBe(parentName);
  await orgDetail(page).getByRole('button', { name: '新建下级机构' }).click();
  const form = drawer(page, `在「${parentName}」下新建机构`);
  await form.waitFor();
  await formItem(form, '机构代码').getByRole('textbox').fill(org.code);
  await formItem(form, '机构名称').getByRole('textbox').fill(org.name);
  await pickInSelect(page, form, '机构类型', org.type);
  await expect.poll(() => formItem(form, '机构类型').locator('.ant-select').innerText(), POLL).toBe(org.type);
  return form;
}

/** Saves the drawer; the new org is then revealed and selected in the tree, its detail on the right. */
async function submitChildOrg(page: Page, form: Locator, org: { name: string }): Promise<void> {
  await buttonNamed(form, '新建').click();
  await toast(page, `已新建「${org.name}」`).waitFor();
  await form.waitFor({ state: 'hidden' });
  await expect.poll(() => orgDetail(page).getByRole('heading', { level: 2 }).innerText(), POLL).toBe(org.name);
}

/** The visible rows of the list page's table (header excluded). */
const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

journey(
  'builds a county, creates and grants its administrator, who sees only the county; export and audit show it',
  async ({ page, step, shot, server, allowConsoleError }) => {
    // Saving the user with a wrong ID number: the server answers 400 and the browser logs it.
    allowConsoleError(/status of 400 .*\[[^\]]*\/api\/users\]$/);

    // 1. The platform administrator, through TOTP enrolment.
    await step('admin-workbench', () => signInAsAdmin(page, server));

    // 2. 机构管理: a province under the ministry, a county under the province.
    await step('orgs-page', async () => {
      await openPage(page, '/orgs', '机构管理');
      const tree = orgTree(page);
      await tree.getByRole('treeitem', { name: new RegExp(ROOT_ORG) }).waitFor();
      // The current org is selected once the tree has loaded it (a moment after it is drawn).
      await expect.poll(async () => (await treeRows(tree))[0], POLL).toMatchObject({ text: ROOT_ORG, level: 0, selected: true });
    });
    const provinceForm = await step('province-form', async () => {
      const form = await fillChildOrg(page, ROOT_ORG, PROVINCE);
      expect(await form.locator('.ant-form-item-explain-error').count()).toBe(0);
      return form;
    });
    await step('province-created', async () => {
      await submitChildOrg(page, provinceForm, PROVINCE);
      const province = orgTree(page).getByRole('treeitem', { name: new RegExp(PROVINCE.name) });
      expect(await province.getAttribute('aria-selected')).toBe('true');
      expect(await orgDetail(page).getByText(PROVINCE.code, { exact: true }).count()).toBe(1);
    });
    const countyForm = await step('county-form', async () => {
      // Selecting in the tree drives the detail: away to the ministry and back to the province.
      const tree = orgTree(page);
      await tree
        .getByRole('treeitem', { name: new RegExp(ROOT_ORG) })
        .locator('.ant-tree-title')
        .click();
      await expect.poll(() => orgDetail(page).getByRole('heading', { level: 2 }).innerText(), POLL).toBe(ROOT_ORG);
      await tree
        .getByRole('treeitem', { name: new RegExp(PROVINCE.name) })
        .locator('.ant-tree-title')
        .click();
      const form = await fillChildOrg(page, PROVINCE.name, COUNTY);
      expect(await form.locator('.ant-form-item-explain-error').count()).toBe(0);
      return form;
    });
    await step('county-created', async () => {
      await submitChildOrg(page, countyForm, COUNTY);
      const rows = await treeRows(orgTree(page));
      const province = rows.find((r) => r.text === PROVINCE.name);
      const county = rows.find((r) => r.text === COUNTY.name);
      expect(province, 'the province is in the tree').toBeDefined();
      expect(county).toMatchObject({ level: province!.level + 1, selected: true });
      // The county row comes right after its parent (its only child).
      expect(rows.indexOf(county!)).toBe(rows.indexOf(province!) + 1);
      const detail = orgDetail(page);
      expect(await detail.getByText(COUNTY.code, { exact: true }).count()).toBe(1);
      expect(await detail.innerText()).toContain(COUNTY.type);
      // Where it sits: ministry › province › county.
      expect((await detail.locator('.ant-breadcrumb').innerText()).replace(/\s+/g, '')).toBe(`${ROOT_ORG}/${PROVINCE.name}/${COUNTY.name}`);
    });

    // 3. 用户管理: the county's administrator; the check digit is refused first.
    await step('users-page', async () => {
      await openPage(page, '/users', '用户管理');
      await tableRows(page).filter({ hasText: 'admin' }).first().waitFor();
    });
    const userForm = drawer(page, '新建用户');
    await step('user-form-bad-id-number', async () => {
      await page.getByRole('button', { name: '新建用户' }).click();
      await userForm.waitFor();
      await formItem(userForm, '账号').getByRole('textbox').fill(COUNTY_ADMIN.account);
      await formItem(userForm, '姓名').getByRole('textbox').fill(COUNTY_ADMIN.realName);
      await pickInSelect(page, userForm, '所属机构', COUNTY.name, '测试县');
      await formItem(userForm, '身份证号').getByRole('textbox').fill(COUNTY_ADMIN.badIdNumber);
      await formItem(userForm, '初始密码').locator('input').fill(COUNTY_ADMIN.password);
      await buttonNamed(userForm, '创建').click();
      const idField = formItem(userForm, '身份证号');
      await expect
        .poll(() => idField.locator('.ant-form-item-explain-error').allInnerTexts(), POLL)
        .toEqual(['身份证号校验码错误，请核对最后一位']);
      expect(await userForm.getByRole('alert').innerText()).toContain('身份证号校验码错误');
      // Nothing else is wrong, and the drawer stays open with what was typed.
      expect(await userForm.locator('.ant-form-item-explain-error').count()).toBe(1);
      expect(await formItem(userForm, '所属机构').innerText()).toContain(COUNTY.name);
    });
    await step('user-created', async () => {
      await formItem(userForm, '身份证号').getByRole('textbox').fill(COUNTY_ADMIN.idNumber);
      // Corrected, the number is no longer marked wrong (nor the form, above it) before saving.
      await expect.poll(() => formItem(userForm, '身份证号').locator('.ant-form-item-explain-error').count(), POLL).toBe(0);
      expect(await userForm.getByRole('alert').count()).toBe(0);
      await buttonNamed(userForm, '创建').click();
      await toast(page, `已创建用户 ${COUNTY_ADMIN.account}`).waitFor();
      await userForm.waitFor({ state: 'hidden' });
      // A password was given, so no one-time password is shown.
      expect(await page.getByText('用户已创建：初始密码').count()).toBe(0);
      const row = tableRows(page).filter({ hasText: COUNTY_ADMIN.account });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain(COUNTY_ADMIN.realName);
      expect(text).toContain(COUNTY.name);
      expect(text).toContain(COUNTY_ADMIN.idNumberMasked);
      expect(text).not.toContain(COUNTY_ADMIN.idNumber);
    });

    // 4. 机构管理员 on the county, from the row's 角色 action.
    const rolesDrawer = drawer(page, `${COUNTY_ADMIN.realName}（${COUNTY_ADMIN.account}）的角色`);
    await step('roles-drawer', async () => {
      await page.getByRole('button', { name: `${COUNTY_ADMIN.realName} 的角色` }).click();
      await rolesDrawer.waitFor();
      await rolesDrawer.getByText('该用户还没有角色').waitFor();
    });
    await step('role-granted', async () => {
      await pickInSelect(page, rolesDrawer, '角色', '机构管理员', '机构管理员');
      // An admin role: the drawer says its holder must use TOTP.
      await rolesDrawer.getByText('这是管理员角色：该用户登录时须使用动态口令').waitFor();
      await pickInSelect(page, rolesDrawer, '机构', COUNTY.name, '测试县');
      await buttonNamed(rolesDrawer, '授予').click();
      await toast(page, '已授予').waitFor();
      const granted = rolesDrawer.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => granted.allInnerTexts(), POLL).toHaveLength(1);
      const row = await granted.first().innerText();
      expect(row).toContain('机构管理员');
      expect(row).toContain('org_admin');
      expect(row).toContain(COUNTY.name);
    });
    await page.locator('.ant-drawer-close').click();
    await rolesDrawer.waitFor({ state: 'hidden' });

    // 5. Sign out; the county's administrator signs in (TOTP enrolment) and sees only the county.
    await step('signed-out', async () => {
      await page.getByRole('button', { name: '我的账号' }).click();
      await page.getByRole('menuitem', { name: '退出登录', exact: true }).click();
      await page.locator('#account').waitFor();
      // Signing out keeps the address (/users): whoever signs in next would land on 用户管理.
      // The next person starts from the console's root, the workbench.
      expect(new URL(page.url()).pathname).toBe('/users');
      await page.goto('/');
      await page.locator('#account').waitFor();
    });
    await step('county-admin-workbench', async () => {
      await signInWithTotp(page, server, COUNTY_ADMIN.account, COUNTY_ADMIN.password, {
        replacePasswordWith: COUNTY_ADMIN.ownPassword,
        onEnrolPage: async () => {
          expect(await page.locator('main h1').innerText()).toBe('绑定动态口令');
          await shot('county-admin-totp-enrolment');
        },
      });
      expect(server.totp.has(COUNTY_ADMIN.account)).toBe(true);
      expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(`${COUNTY_ADMIN.realName}，您好`);
      const roles = page.locator('.ant-card').filter({ has: page.getByText('我的角色', { exact: true }) });
      expect(await roles.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()).toEqual([`机构管理员\t${COUNTY.name}`]);
      // One grant: no switcher, the county is the current org.
      const header = page.getByRole('banner');
      expect(await page.getByLabel('切换机构').count()).toBe(0);
      expect((await header.innerText()).replace(/\s+/g, ' ')).toContain(`当前机构 ${COUNTY.name}`);
    });
    await step('county-admin-menu', async () => {
      const menu = page.getByRole('navigation', { name: '工作台' });
      await menu.getByRole('menuitem', { name: '系统管理' }).click();
      await menu.getByRole('link', { name: '审计日志' }).waitFor();
      // The same entries as an org administrator's permissions allow: 角色权限 is there to read
      // roles (access.role.read), not to manage them (access.role.manage is the platform's).
      expect(await menu.getByRole('link').allInnerTexts()).toEqual([
        '工作台',
        '我的待办',
        '工作要点',
        '我的任务',
        '评选活动',
        '我的申报',
        '机构管理',
        '用户管理',
        '角色权限',
        '审计日志',
      ]);
      const session = (await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()))) as {
        permissions: string[];
        grants: Array<{ roleCode: string; orgName: string }>;
      };
      expect(session.grants).toEqual([expect.objectContaining({ roleCode: 'org_admin', orgName: COUNTY.name })]);
      expect(session.permissions).toContain('access.role.read');
      expect(session.permissions).not.toContain('access.role.manage');
    });
    await step('county-admin-roles-read-only', async () => {
      await page.getByRole('navigation', { name: '工作台' }).getByRole('link', { name: '角色权限' }).click();
      await page.getByRole('heading', { level: 1, name: '角色权限', exact: true }).waitFor();
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'platform_admin' }).waitFor();
      // Managing roles is the platform's: no 新建角色, no edit or delete on any role.
      expect(await page.getByRole('button', { name: '新建角色' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^编辑 / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^删除 / }).count()).toBe(0);
    });
    await step('county-admin-org-tree', async () => {
      await page.getByRole('navigation', { name: '工作台' }).getByRole('link', { name: '机构管理' }).click();
      await page.getByRole('heading', { level: 1, name: '机构管理', exact: true }).waitFor();
      const tree = orgTree(page);
      await tree.getByRole('treeitem', { name: new RegExp(COUNTY.name) }).waitFor();
      await expect.poll(() => orgDetail(page).getByRole('heading', { level: 2 }).innerText(), POLL).toBe(COUNTY.name);
      const rows = await treeRows(tree);
      expect(rows).toEqual([{ text: COUNTY.name, level: 0, selected: true }]);
      const treeText = await page.getByRole('navigation', { name: '机构树' }).innerText();
      expect(treeText).not.toContain(ROOT_ORG);
      expect(treeText).not.toContain(PROVINCE.name);
      // Above the county lie orgs outside this administrator's scope: folded into "…", not named.
      const path = orgDetail(page).locator('.ant-breadcrumb');
      expect(await path.getByLabel('您管理范围以外的上级机构').count()).toBe(1);
      expect(await path.innerText()).not.toContain(ROOT_ORG);
      expect(await path.innerText()).not.toContain(PROVINCE.name);
    });

    // 6. The platform administrator again, at another desk: the users export.
    const admin = await openExtraPage(suite.browser(), server, page);
    try {
      await admin.step('admin-again-workbench', () => signInAsAdmin(admin.page, server));
      const exported = await admin.step('users-exported', async () => {
        await openPage(admin.page, '/users', '用户管理');
        await tableRows(admin.page).filter({ hasText: COUNTY_ADMIN.account }).waitFor();
        const [download] = await Promise.all([
          admin.page.waitForEvent('download'),
          admin.page.getByRole('button', { name: '导出 Excel' }).click(),
        ]);
        await toast(admin.page, '已导出').waitFor();
        const file = await download.path();
        return { name: download.suggestedFilename(), file };
      });
      expect(exported.name).toMatch(/^用户-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(exported.file);
      const sheet = workbook.getWorksheet('用户');
      expect(sheet, 'the export has a sheet named 用户').toBeDefined();
      const cells: string[][] = [];
      sheet!.eachRow((row) => {
        cells.push(Array.from({ length: sheet!.columnCount }, (_, i) => row.getCell(i + 1).text));
      });
      const header = cells[0];
      const accountCol = header.indexOf('账号');
      const idCol = header.indexOf('身份证号(脱敏)');
      expect(accountCol).toBeGreaterThanOrEqual(0);
      expect(idCol).toBeGreaterThanOrEqual(0);
      const userRow = cells.find((r) => r[accountCol] === COUNTY_ADMIN.account);
      expect(userRow, `the export holds ${COUNTY_ADMIN.account}`).toBeDefined();
      expect(userRow![idCol]).toBe(COUNTY_ADMIN.idNumberMasked);
      expect(userRow![header.indexOf('所属机构')]).toBe(COUNTY.name);
      const everything = cells.flat().join('\n');
      expect(everything).not.toContain(COUNTY_ADMIN.idNumber);
      expect(everything).not.toContain(COUNTY_ADMIN.badIdNumber);
      console.log(`e2e: users export ${exported.name}: ${cells.length - 1} rows, columns ${header.join(', ')}`);

      // 7. 审计日志: the two orgs, the user and the grant, by the administrator.
      await admin.step('audit-log', async () => {
        await openPage(admin.page, '/audit', '审计日志');
        await tableRows(admin.page).first().waitFor();
        const actor = admin.page.getByRole('searchbox', { name: '操作人账号' }).or(admin.page.getByLabel('操作人账号')).first();
        await actor.fill('admin');
        await actor.press('Enter');
        await expect
          .poll(async () => (await tableRows(admin.page).allInnerTexts()).every((r) => r.split('\t')[1]?.trim() === 'admin'), POLL)
          .toBe(true);
        const rows = await tableRows(admin.page).allInnerTexts();
        const withAction = (label: string, code: string) => rows.filter((r) => r.includes(label) && r.includes(code));
        expect(withAction('新建机构', 'orgs.org.created')).toHaveLength(2);
        expect(withAction('新建用户', 'users.user.created')).toHaveLength(1);
        expect(withAction('授予角色', 'access.grant.created')).toHaveLength(1);
        // The export just made is audited too (the page has no words for this action: it shows the code).
        expect(rows.filter((r) => r.includes('users.user.exported'))).toHaveLength(1);
        // Newest first: the grant comes before the user, the user before the orgs.
        const first = (code: string) => rows.findIndex((r) => r.includes(code));
        expect(first('access.grant.created')).toBeLessThan(first('users.user.created'));
        expect(first('users.user.created')).toBeLessThan(first('orgs.org.created'));
      });
      await admin.step('audit-user-created-detail', async () => {
        await tableRows(admin.page).filter({ hasText: 'users.user.created' }).getByRole('button', { name: '查看' }).click();
        const detail = drawer(admin.page, /^审计记录 #\d+$/);
        await detail.waitFor();
        const text = await detail.innerText();
        expect(text).toContain(COUNTY_ADMIN.account);
        expect(text).toContain(COUNTY_ADMIN.idNumberMasked);
        expect(text).not.toContain(COUNTY_ADMIN.idNumber);
      });
      expect(admin.unexpectedConsoleErrors(), 'unexpected console errors in the second context').toEqual([]);
    } finally {
      await admin.close();
    }
  },
  300_000,
);
