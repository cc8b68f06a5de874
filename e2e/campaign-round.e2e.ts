// One 一师一优课 round in the console, each person at their own desk (browser context): the
// province starts the round from the preset and edits its rules (one expert per lesson); two teachers in different counties of 石家庄 submit
// 晒课; each county recommends its one; the city may forward only one of the two (its 50%
// share), is refused the second and turns it down; the province closes applications, adds an
// expert from 保定 (outside both counties) and draws; the expert marks the lesson; the province
// selects within its cap, puts the list on 公示, where a member of the public files an objection
// that the province rules on; the display ends and the list is published with a certificate
// anyone can verify. Sample data from `educloud demo`, Debian's Chromium.
import { SQLite as Database } from '#kernel/db/sqlite-driver.ts';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { planDemo } from '../apps/server/src/demo/demo-plan.ts';
import { signIn, signInAsAdmin, signInReplacingPassword } from './support/browser.ts';
import { openExtraPage, pickInSelect, signInWithTotp, type ExtraPage } from './support/console.ts';
import { e2eSuite } from './support/journey.ts';
import { DEMO_PASSWORD } from './support/server.ts';

const suite = e2eSuite({ demo: true });
const POLL = { timeout: 10_000 };

const PROVINCE_ADMIN = 'demo-admin-gb130000';
const CITY_REVIEWER = 'demo-reviewer-gb130100';
// The administrator types `password`; the expert's first sign-in must replace it with `ownPassword`.
const EXPERT = {
  account: 'e2e-expert-bd',
  realName: '赵评审',
  password: 'Expert-Review-2026!',
  ownPassword: 'Quiet-Marking-2026!',
  orgCode: 'GB130600',
};
const OBJECTOR = { name: '钱异议', phone: '13812348000', masked: '138****8000' };

/** The first teacher of the first school in each of the two counties (the sample is the same on every machine). */
function teachers() {
  const plan = planDemo();
  const teacherIn = (countyCode: string) => {
    const schools = new Map(plan.schools.filter((s) => s.countyCode === countyCode).map((s) => [s.code, s]));
    const person = plan.people.find((p) => p.account.startsWith('demo-t-') && schools.has(p.orgCode))!;
    return { account: person.account, realName: person.realName, school: schools.get(person.orgCode)!.name, county: countyCode };
  };
  return { a: teacherIn('GB130102'), b: teacherIn('GB130104') };
}
const TEACHERS = teachers();
const LESSONS = {
  a: { title: '一元一次方程的解法（示范课）', node: '3.2 解一元一次方程', grade: '七年级' },
  b: { title: '勾股定理的证明（示范课）', node: '17.1 勾股定理', grade: '八年级' },
};

const drawer = (page: Page, title: string | RegExp) => page.getByRole('dialog', { name: title, exact: typeof title === 'string' });
const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message').getByText(text);
/**
 * Clicks 确定 in the open Popconfirm (ConfirmAction) and waits until it closes, which it does
 * once the action has finished. A click during the pop-up's opening animation can be lost on
 * a busy machine, so it is tried again while the pop-up stays open.
 */
async function confirm(page: Page): Promise<void> {
  const popup = page.locator('.ant-popconfirm').filter({ visible: true });
  for (let attempt = 1; ; attempt++) {
    await popup.getByRole('button', { name: '确 定' }).click();
    try {
      await popup.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();
/** The tab showing on the campaign page (antd keeps the others in the page, hidden). */
const pane = (page: Page) => page.getByRole('tabpanel');
const rowWith = (scope: Page | Locator, text: string) => scope.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text });

/** A JSON call with the signed-in page's session (for setup the console has no page for). */
async function apiCall<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, url, body },
  ) as Promise<T>;
}

/** Opens the 审核 drawer of an application in 我的待办 and returns it. */
async function openTodo(page: Page, title: string): Promise<Locator> {
  await page.goto('/workflow/todo');
  await page.getByRole('heading', { level: 1, name: '我的待办', exact: true }).waitFor();
  await rowWith(page, title).click();
  // The drawer is titled with the record: "<campaign> · <category> · <title>".
  const review = page.getByRole('dialog').filter({ hasText: '审核步骤' });
  await review.getByText('办理记录').waitFor();
  return review;
}

/** 通过 (or 不通过 with a reason) in the open review drawer. */
async function decide(page: Page, review: Locator, action: '通过' | '不通过', comment: string): Promise<void> {
  await review.getByRole('button', { name: action === '通过' ? '通 过' : action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action, exact: true });
  await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: '确 定' }).click();
}

suite.journey(
  'runs a provincial 一师一优课 round from 晒课 to a verified certificate',
  async ({ page, step, server, shot, allowConsoleError }) => {
    // Publishing before the display ends is refused on purpose (409).
    allowConsoleError(/status of 409 .*\/api\/campaigns\/[^/]+\/publish\]$/);
    const browser = suite.browser();
    let campaignId = '';
    let campaignTitle = '';
    const desks: ExtraPage[] = [];
    const desk = async () => {
      const d = await openExtraPage(browser, server, page);
      desks.push(d);
      return d;
    };

    try {
      // The platform administrator registers the expert (an account in 保定, with the 评审专家 role).
      const admin = await desk();
      await admin.step('expert-registered', async () => {
        await signInAsAdmin(admin.page, server);
        const orgs = await apiCall<{ items: Array<{ id: string; code: string }> }>(admin.page, 'GET', `/api/orgs?q=${EXPERT.orgCode}`);
        const orgId = orgs.items.find((o) => o.code === EXPERT.orgCode)!.id;
        const user = await apiCall<{ user?: { id: string }; id?: string }>(admin.page, 'POST', '/api/users', {
          account: EXPERT.account,
          realName: EXPERT.realName,
          orgId,
          password: EXPERT.password,
        });
        const roles = await apiCall<Array<{ id: string; code: string }> | { items: Array<{ id: string; code: string }> }>(
          admin.page,
          'GET',
          '/api/access/roles',
        );
        const expertRole = (Array.isArray(roles) ? roles : roles.items).find((r) => r.code === 'expert')!;
        await apiCall(admin.page, 'POST', '/api/access/grants', { userId: user.user?.id ?? user.id, roleId: expertRole.id, orgId });
      });
      await admin.close();

      await step('organiser-creates', async () => {
        await signInWithTotp(page, server, PROVINCE_ADMIN, DEMO_PASSWORD);
        await page.getByRole('navigation', { name: '工作台' }).getByRole('link', { name: '评选活动' }).click();
        await page.getByRole('heading', { level: 1, name: '评选活动', exact: true }).waitFor();
        await page.getByRole('button', { name: '新建评选' }).first().click();
        const form = drawer(page, '新建评选');
        await form.getByText('河北省教育厅').waitFor();
        await form.getByRole('button', { name: '保 存' }).click();
        await page.waitForURL(/\/campaigns\/[^/?]+$/);
        campaignId = new URL(page.url()).pathname.split('/').at(-1)!;
        const heading = page.getByRole('heading', { level: 1, name: /^\d{4}年“一师一优课、一课一名师”活动$/ });
        await heading.waitFor();
        campaignTitle = await heading.innerText();
        await page.getByText('草稿', { exact: true }).first().waitFor();
        // The preset's rules: the province cap of 800 and the county's 20% share.
        await page.getByText('800').first().waitFor();
      });

      await step('organiser-edits-rules', async () => {
        // One expert per lesson is enough for this round (the preset asks for three).
        await page.getByRole('button', { name: '编辑规则' }).click();
        const form = drawer(page, '编辑评选规则');
        await form.locator('#rules-experts').fill('1');
        await shot('rules-drawer');
        await form.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, body.scrollHeight / 2));
        await shot('rules-drawer-rubric');
        await form.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
        await shot('rules-drawer-form');
        await form.getByRole('button', { name: '保 存' }).click();
        await toast(page, '规则已保存').waitFor();
        await page.getByText('每项申报由 1 位专家评审').waitFor();
      });

      await step('organiser-opens', async () => {
        await page.getByRole('button', { name: '开始申报' }).click();
        await confirm(page);
        await toast(page, '已开始申报').waitFor();
        await page.getByText('申报中', { exact: true }).first().waitFor();
      });

      for (const key of ['a', 'b'] as const) {
        const teacher = TEACHERS[key];
        const lesson = LESSONS[key];
        const t = await desk();
        await t.step(`teacher-${key}-submits`, async () => {
          await signIn(t.page, teacher.account, DEMO_PASSWORD);
          await t.page.goto('/campaigns');
          await rowWith(t.page, campaignTitle).getByRole('button', { name: '我要申报' }).click();
          const form = drawer(t.page, `我要申报：${campaignTitle}`);
          await form.getByText(teacher.school).waitFor();
          await form.locator('#application-title').fill(lesson.title);
          await pickInSelect(t.page, form, '学段', '初中');
          await pickInSelect(t.page, form, '年级', lesson.grade);
          await pickInSelect(t.page, form, '学科', '数学');
          await form.locator('#application-edition').fill('人教版');
          await form.locator('#application-node').fill(lesson.node);
          await form.locator('#application-lessonUrl').fill('https://example.edu.cn/lessons/1');
          await form.locator('#application-summary').fill('以问题驱动的探究课，学生分组用几何画板验证猜想。');
          await form.getByRole('button', { name: '提交申报' }).click();
          await toast(t.page, `已提交“${lesson.title}”，等待逐级推荐`).waitFor();
          await rowWith(t.page, lesson.title).getByText('推荐中').waitFor();
        });
        await t.close();
      }

      for (const key of ['a', 'b'] as const) {
        const county = await desk();
        await county.step(`county-${key}-recommends`, async () => {
          await signInWithTotp(county.page, server, `demo-admin-${TEACHERS[key].county.toLowerCase()}`, DEMO_PASSWORD);
          const review = await openTodo(county.page, LESSONS[key].title);
          await decide(county.page, review, '通过', '同意推荐到市级');
          await review.getByText('同意推荐到市级').waitFor();
        });
        await county.close();
      }

      const city = await desk();
      await city.step('city-recommends-one', async () => {
        await signIn(city.page, CITY_REVIEWER, DEMO_PASSWORD);
        // The city's share: half of the two that reached it.
        await city.page.goto(`/campaigns/${campaignId}?tab=applications`);
        await city.page.getByText('石家庄市教育局（市级）：收到 2 项，已推荐 0 项，最多可推荐 1 项').waitFor();
        await city.page.getByText(/^按比例计算的名额是已推荐到本级的申报的比例/).waitFor();
        await city.shot('city-quota');
        const review = await openTodo(city.page, LESSONS.a.title);
        await decide(city.page, review, '通过', '推荐参加省级评选');
        await review.getByText('推荐参加省级评选').waitFor();
      });
      await city.step('city-refused-second', async () => {
        const review = await openTodo(city.page, LESSONS.b.title);
        await decide(city.page, review, '通过', '也推荐');
        await toast(city.page, /名额/).waitFor();
        await city.page.keyboard.press('Escape');
        await decide(city.page, review, '不通过', '本级推荐名额已用完');
        await review.getByText('本级推荐名额已用完').waitFor();
      });
      await city.close();

      const teacherB = await desk();
      await teacherB.step('teacher-b-told', async () => {
        // core/notify: the bell counts the unread notice of the city's decision; 消息中心 lists it.
        await signIn(teacherB.page, TEACHERS.b.account, DEMO_PASSWORD);
        const bell = teacherB.page.getByRole('button', { name: /^消息，\d+ 条未读$/ });
        await bell.click();
        // Titled with the record: "审核未通过：<campaign> · <category> · <title>".
        const notice = new RegExp(`^审核未通过：.*${LESSONS.b.title}$`);
        await teacherB.page.getByRole('list', { name: '消息' }).getByText(notice).waitFor();
        await teacherB.page.getByText('查看全部消息').click();
        await teacherB.page.getByRole('heading', { level: 1, name: '消息中心', exact: true }).waitFor();
        await teacherB.page.getByRole('main').getByText(notice).first().waitFor();
      });
      await teacherB.close();

      await step('organiser-closes', async () => {
        await page.reload();
        await page.getByRole('button', { name: '截止申报' }).click();
        await confirm(page);
        await toast(page, '已截止申报，进入评审').waitFor();
        await tab(page, '申报');
        await rowWith(pane(page), LESSONS.a.title).getByText('已推荐').waitFor();
        await rowWith(pane(page), LESSONS.b.title).getByText('未获推荐').waitFor();
      });

      await step('organiser-draws', async () => {
        await tab(page, '专家与分配');
        await page.getByRole('button', { name: '添加专家' }).click();
        const form = drawer(page, '添加专家：部级优课');
        await form.locator('#expert-users').fill(EXPERT.realName);
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(new RegExp(EXPERT.account)).click();
        await form.getByRole('button', { name: '保 存' }).click();
        await rowWith(pane(page), EXPERT.realName).waitFor();
        await page.getByRole('button', { name: '随机分配' }).click();
        await confirm(page);
        await page.getByText(/^已分配 1 项评审任务（随机种子 \d+）$/).waitFor();
        await expect.poll(() => rowWith(pane(page), EXPERT.realName).locator('td').nth(2).innerText(), POLL).toBe('1');
      });

      const expert = await desk();
      await expert.step('expert-scores', async () => {
        await signInReplacingPassword(expert.page, EXPERT.account, EXPERT.password, EXPERT.ownPassword);
        await expert.page.getByRole('navigation', { name: '工作台' }).getByRole('link', { name: '专家评审' }).click();
        await rowWith(expert.page, LESSONS.a.title).getByRole('button', { name: '评 分' }).click();
        const form = drawer(expert.page, `评分：${LESSONS.a.title}`);
        for (const [id, mark] of [
          ['design', '9'],
          ['integration', '8.5'],
          ['effect', '9'],
          ['resources', '8'],
        ])
          await form.locator(`#mark-${id}`).fill(mark);
        // 9/10×30 + 8.5/10×30 + 9/10×25 + 8/10×15 = 87
        await expect.poll(() => form.getByTestId('score-total').innerText(), POLL).toBe('87.00');
        await form.locator('#review-comment').fill('设计完整，技术融合自然。');
        await form.getByRole('button', { name: '提交评分' }).click();
        await toast(expert.page, `已提交“${LESSONS.a.title}”的评分：87.00 分`).waitFor();
      });
      await expert.close();

      await step('organiser-selects', async () => {
        await tab(page, '遴选');
        await page.getByRole('button', { name: '执行遴选' }).click();
        await confirm(page);
        await toast(page, '遴选完成').waitFor();
        const row = rowWith(pane(page), LESSONS.a.title);
        await row.getByText('入选', { exact: true }).waitFor();
        expect(await row.innerText()).toContain('87.00');
      });

      await step('organiser-starts-publicity', async () => {
        await tab(page, '公示与发布');
        await page.getByRole('button', { name: '开始公示' }).click();
        await confirm(page);
        await toast(page, '已开始公示').waitFor();
        // Not yet: the display lasts seven days.
        await page.getByRole('button', { name: '发布名单' }).click();
        await confirm(page);
        await pane(page)
          .getByRole('alert')
          .filter({ hasText: /^公示期到 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 才结束$/ })
          .waitFor();
      });

      const visitor = await desk();
      await visitor.step('public-objects', async () => {
        await visitor.page.goto(`/public/campaigns/${campaignId}`);
        await visitor.page.getByRole('heading', { level: 1, name: campaignTitle }).waitFor();
        await rowWith(visitor.page, LESSONS.a.title).getByText(TEACHERS.a.realName).waitFor();
        expect(await rowWith(visitor.page, LESSONS.b.title).count()).toBe(0);
        await visitor.page.getByRole('button', { name: '提出异议' }).click();
        const form = drawer(visitor.page, '提出异议');
        await pickInSelect(visitor.page, form, '针对的申报', LESSONS.a.title);
        await form.locator('#objection-name').fill(OBJECTOR.name);
        await form.locator('#objection-phone').fill(OBJECTOR.phone);
        await form.locator('#objection-text').fill('该课例的视频与另一位老师去年的课例高度相似，请核查。');
        await form.getByRole('button', { name: '提交异议' }).click();
        await visitor.page.getByText('异议已提交，组织单位将核查处理。').waitFor();
      });

      await step('organiser-resolves-objection', async () => {
        await page.reload();
        await page.getByText('1 条待处理').waitFor();
        const row = rowWith(pane(page), OBJECTOR.name);
        // The phone is kept encrypted and shown masked.
        expect(await row.innerText()).toContain(OBJECTOR.masked);
        expect(await row.innerText()).not.toContain(OBJECTOR.phone);
        await row.getByRole('button', { name: '处 理' }).click();
        const form = drawer(page, '处理异议');
        await form.getByText('异议不成立', { exact: true }).click();
        await form.locator('#objection-resolution').fill('经核查，两节课的教学设计和视频均不相同，异议不成立。');
        await form.getByRole('button', { name: '提交处理结果' }).click();
        await toast(page, '已处理').waitFor();
        await row.getByText('异议不成立', { exact: true }).waitFor();
      });

      // Seven days pass: the display's end moves into the past (the server reads it on each request).
      const db = new Database(join(server.dataDir, 'educloud.db'));
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare('UPDATE cp_campaigns SET publicity_until = ? WHERE id = ?').run(new Date(Date.now() - 60_000).toISOString(), campaignId);
      } finally {
        db.close();
      }

      await step('organiser-publishes', async () => {
        await page.reload();
        await page.getByRole('button', { name: '发布名单' }).click();
        await confirm(page);
        await toast(page, '名单已发布，颁发证书 1 张').waitFor();
        await page.getByText('已发布', { exact: true }).first().waitFor();
      });

      const winners = await step('winners-exported', async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名单' }).click()]);
        return download.path();
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(winners);
      const sheet = workbook.worksheets[0];
      const cells: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(cell.text);
        }),
      );
      expect(cells).toEqual(expect.arrayContaining([LESSONS.a.title, TEACHERS.a.realName]));
      expect(cells).not.toContain(LESSONS.b.title);

      await visitor.step('certificate-verified', async () => {
        await visitor.page.reload();
        await visitor.page.getByText('已发布', { exact: true }).first().waitFor();
        const link = rowWith(visitor.page, LESSONS.a.title).getByRole('link', { name: /-00001$/ });
        const number = await link.innerText();
        await link.click();
        await visitor.page.getByText('证书有效').waitFor();
        await visitor.page.getByText(number).first().waitFor();
        await visitor.page.getByText(TEACHERS.a.realName).waitFor();
      });
    } finally {
      for (const d of desks) await d.close();
    }
  },
  300_000,
);
