// The work-plan journey: the platform administrator pastes a year's 工作要点 into the console,
// the parser structures it (areas, tasks, units, targets), the plan page shows it, a target the
// text lacks is added and a due date set, the dashboard charts it, and the 台账 downloads with
// one row per target. One server without sample data, Debian's Chromium.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signInAsAdmin } from './support/browser.ts';
import { formItem } from './support/console.ts';
import { e2eSuite } from './support/journey.ts';

const suite = e2eSuite();
const POLL = { timeout: 10_000 };

const TITLE = '2021年教育信息化测试工作要点';
const PLAN = [
  TITLE,
  '工作思路',
  '以测试为抓手，推进各项工作。',
  '重点任务',
  '(一)推进资源建设',
  '1.建设资源平台',
  '新汇聚20个以上单位的优质资源，遴选30个典型区域。(责任单位:科技司、教材局)',
  '2.开展教师培训',
  '培训中小学校长2000人。(责任单位:教师工作司)',
  '(二)加强网络安全',
  '3.开展网络安全检查',
  '组织网络安全专项检查，完成整改。(责任单位:科技司)',
].join('\n');

const drawer = (page: Page, title: string) => page.getByRole('dialog', { name: title, exact: true });
const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message').getByText(text);

suite.journey(
  'imports a plan in the console, edits it, charts it and exports its ledger',
  async ({ page, step, server }) => {
    await step('admin-workbench', () => signInAsAdmin(page, server));

    await step('plan-imported', async () => {
      await page.goto('/plans');
      await page.getByRole('heading', { level: 1, name: '工作要点', exact: true }).waitFor();
      await page.getByRole('button', { name: '导入工作要点' }).click();
      const form = drawer(page, '导入工作要点');
      await form.locator('#plan-text').fill(PLAN);
      await form.getByRole('button', { name: '导 入' }).click();
      await toast(page, `已导入《${TITLE}》：3 项任务`).waitFor();
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: TITLE });
      await row.waitFor();
      // 3 tasks; targets: 20个以上, 30个, 2000人.
      expect(await row.locator('td').nth(4).innerText()).toBe('3');
      expect(await row.locator('td').nth(5).innerText()).toBe('3');
    });

    await step('plan-page', async () => {
      await page.locator('.ant-table-tbody tr').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('2 个方面，3 项任务，3 个量化指标').waitFor();
      const task1 = page.locator('.ant-card-small').filter({ hasText: '建设资源平台' });
      await expect
        .poll(() => task1.locator('.ant-tag').allInnerTexts(), POLL)
        .toEqual(expect.arrayContaining(['20个以上 单位的优质资源', '30个 典型区域']));
    });

    await step('target-added', async () => {
      // The second area starts folded.
      await page.locator('.ant-collapse-header').filter({ hasText: '加强网络安全' }).click();
      const task3 = page.locator('.ant-card-small').filter({ hasText: '开展网络安全检查' });
      await task3.getByText('无量化指标').waitFor();
      await task3.getByRole('button', { name: '添加指标' }).click();
      const form = drawer(page, '为任务 3 添加量化指标');
      await form.waitFor();
      await formItem(form, '对象').getByRole('textbox').fill('专项检查覆盖的省份');
      await form.locator('#target-count').fill('31');
      await form.getByRole('button', { name: '保 存' }).click();
      await form.waitFor({ state: 'hidden' });
      await expect.poll(() => task3.locator('.ant-tag').allInnerTexts(), POLL).toContain('31个 专项检查覆盖的省份');
    });

    await step('due-date-set', async () => {
      const task2 = page.locator('.ant-card-small').filter({ hasText: '开展教师培训' });
      await task2.locator('.ant-card-head').getByRole('button', { name: '编辑' }).click();
      const form = drawer(page, '编辑任务 2');
      await form.waitFor();
      await form.locator('#task-due').fill('2021-01-31');
      await form.locator('#task-due').press('Enter');
      await form.getByRole('button', { name: '保 存' }).click();
      await form.waitFor({ state: 'hidden' });
      await task2.getByText('时限 2021-01-31').waitFor();
    });

    await step('dashboard', async () => {
      await page.getByRole('link', { name: '完成情况' }).click();
      await page.getByRole('heading', { level: 1, name: `完成情况：${TITLE}` }).waitFor();
      // Two charts drawn by ECharts on canvas; task 2 is past its due date, so 滞后.
      await expect.poll(() => page.locator('canvas').count(), POLL).toBeGreaterThanOrEqual(2);
      const late = page.locator('.ant-table-tbody tr').filter({ hasText: '开展教师培训' });
      await late.getByText('滞后').waitFor();
    });

    const ledger = await step('ledger-downloaded', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()]);
      return { name: download.suggestedFilename(), file: await download.path() };
    });
    expect(ledger.name).toMatch(/^工作要点台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(ledger.file);
    const sheet = workbook.getWorksheet('台账')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text));
    });
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1).map((r) => ({
      number: r[col('任务编号')],
      target: r[col('量化指标')],
      goal: r[col('目标')],
      status: r[col('状态')],
      due: r[col('完成时限')],
    }));
    expect(body).toEqual([
      { number: '1', target: '单位的优质资源', goal: '20个以上', status: '未启动', due: '' },
      { number: '1', target: '典型区域', goal: '30个', status: '未启动', due: '' },
      { number: '2', target: '中小学校长', goal: '2000人', status: '滞后', due: '2021-01-31' },
      { number: '3', target: '专项检查覆盖的省份', goal: '31个', status: '未启动', due: '' },
    ]);
  },
  150_000,
);
