import type { Browser, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';
import sharp from 'sharp';

/**
 * The staff page (/participate/) on a phone-sized screen in headless Chromium, as the demo staff:
 * sign in, send a contribution with photos, follow it and the points; accept an invitation. And
 * the display screen with the rankings on it (PARTICIPATION_RANKINGS_ON_SCREENS).
 * The built CMS in production mode on a fresh SQLite database (scripts/browser/cms.js). Skipped
 * with a message where no browser can be had; CI installs one.
 */
jest.setTimeout(180_000);

let cms: Cms;
let browser: Browser;

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 1,
    name: 'staff-page-test',
    extraEnv: {
      PARTICIPATION_RANKINGS_ON_SCREENS: 'true',
      WEBSITE_URL: 'https://dangjian.example.com',
    },
  });
  browser = await cmsKit.launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** A phone: 360 px wide, Chinese, Shanghai time. */
const phone = async (): Promise<Page> =>
  browser.newPage({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 2,
  });

const photo = async (color: string, name: string) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 3000, height: 2250, channels: 3, background: color } })
    .jpeg()
    .toBuffer(),
});

/** The staff page on a phone, signed in as the demo staff member with `employeeNumber` (whose name then shows). */
const signedInPhone = async (employeeNumber: string, name: string): Promise<Page> => {
  const page = await phone();
  await page.goto(`${cms.base}/participate/`);
  await page.getByLabel('工号', { exact: true }).fill(employeeNumber);
  await page.getByLabel('密码', { exact: true }).fill(cms.accounts.staff[1]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#me-name').getByText(name).waitFor();
  return page;
};

/** Nothing wider than the screen: no sideways scrolling at 360 px. */
const fitsTheScreen = (page: Page) =>
  page.evaluate(() => {
    // Runs in the page: its globals, typed here by hand (the tests compile without the DOM library).
    const { document, innerWidth } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return document.documentElement.scrollWidth <= innerWidth;
  });

browserTest(
  'a correspondent signs in with the employee number, sends a contribution with two photos and follows it',
  async () => {
    const page = await signedInPhone('JW1001', '周立新');
    expect(await page.locator('#me-badge').isVisible()).toBe(true);
    const pointsBefore = Number(await page.locator('#points-month').textContent());
    expect(await fitsTheScreen(page)).toBe(true);

    const form = page.locator('#contribution-form');
    await form.getByLabel('标题').fill('检修库里的一堂安全课');
    await form
      .getByLabel('正文')
      .fill('班前会上，党员师傅用一块旧闸瓦讲起了安全。\n\n大家听得很认真。');
    await form.getByLabel('栏目（可不选）').selectOption({ label: '投稿创作' });
    await form
      .getByLabel('照片（最多 9 张）')
      .setInputFiles([
        await photo('#c8102e', 'class-1.jpg'),
        await photo('#1565c0', 'class-2.jpg'),
      ]);
    await page.locator('#previews img').nth(1).waitFor();
    await form.getByLabel('采用后署我的姓名').check();
    await page.getByRole('button', { name: '提交投稿' }).click();
    await page.getByText('投稿已提交').waitFor();
    expect(Number(await page.locator('#points-month').textContent())).toBe(pointsBefore + 2);

    await page.getByRole('tab', { name: '我的投稿' }).click();
    const sent = page.locator('li.contribution', { hasText: '检修库里的一堂安全课' });
    await sent.waitFor();
    expect(await sent.locator('.state').textContent()).toBe('已收到');
    expect(await sent.textContent()).toContain('2 张照片');
    const released = page.locator('li.contribution[data-state="published"]');
    // A link to the site WEBSITE_URL names (none where it is unset: tests/participation-demo.test.ts).
    expect(
      await released.getByRole('link', { name: '查看已发布的文章' }).getAttribute('href'),
    ).toMatch(/^https:\/\/dangjian\.example\.com\/zh-CN\/articles\//);
    expect(await fitsTheScreen(page)).toBe(true);

    // The photos arrived scaled for a slow line: at most 2,000 px, as JPEG.
    const admin = cmsKit.adminApi(cms.base);
    const token = await admin.login(cms.accounts.editor);
    const inbox = (await admin.call(
      token,
      'GET',
      '/participation/contributions?state=received',
    )) as unknown as {
      data: Array<{ title: string; images: Array<{ width: number; height: number }> }>;
    };
    const mine = inbox.data.find((item) => item.title === '检修库里的一堂安全课')!;
    expect(mine.images.map((image) => Math.max(image.width, image.height))).toEqual([2000, 2000]);
    await page.close();
  },
);

browserTest('a refused contribution says why, in the page', async () => {
  const page = await signedInPhone('CW2001', '郑宏斌');
  await page.getByRole('tab', { name: '我的投稿' }).click();
  const declined = page.locator('li.contribution[data-state="declined"]');
  await declined.waitFor();
  expect(await declined.locator('.reason').textContent()).toMatch(/^理由：/);
  await page.close();
});

browserTest(
  'an invitation link lets a new person choose a password and signs them in',
  async () => {
    const admin = cmsKit.adminApi(cms.base);
    const token = await admin.login(cms.accounts.superAdmin);
    const staff = (await admin.call(
      token,
      'GET',
      '/content-manager/collection-types/api::participation.staff-member?filters[employeeNumber][$eq]=CW2002',
    )) as unknown as { results: Array<{ documentId: string }> };
    const invitation = (
      await admin.call(
        token,
        'POST',
        `/participation/staff/${staff.results[0].documentId}/invitation`,
      )
    ).data as { link: string };
    const page = await phone();
    await page.goto(`${cms.base}${invitation.link}`);
    const form = page.locator('#set-password-form');
    await form.getByLabel('新密码').fill('Chosen-Pass-2026');
    await form.getByLabel('再输入一次').fill('Chosen-Pass-2026');
    await page.getByRole('button', { name: '设置并登录' }).click();
    await page.locator('#me-name').getByText('冯雨桐').waitFor();
    // The spent link is gone from the address bar.
    expect(page.url()).not.toContain('invite=');
    await page.close();
  },
);

browserTest(
  'an editor adopts a contribution from the 投稿箱 and lands in the draft article it made',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 1000,
    });
    await page.goto(`${cms.base}/admin/contributions`);
    const row = page.getByTestId('contribution-row').filter({ hasText: '调车组里的“四争先”擂台' });
    await row.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('冯雨桐').waitFor();
    await dialog.getByRole('button', { name: /采用 Adopt/ }).click();
    await page.waitForURL(/content-manager\/collection-types\/api::article.article\/[a-z0-9]+/, {
      timeout: 60_000,
    });
    await page
      .getByRole('textbox', { name: /title|标题/i })
      .first()
      .waitFor();
    expect(
      await page
        .getByRole('textbox', { name: /title|标题/i })
        .first()
        .inputValue(),
    ).toBe('调车组里的“四争先”擂台');
    await page.close();
  },
);

browserTest(
  'a staff member sends an anonymous opinion, keeps its receipt code, and follows it by the code alone, on this phone and another',
  async () => {
    const page = await signedInPhone('JW1002', '吴晓岚');
    await page.getByRole('tab', { name: '意见建议' }).click();
    const form = page.locator('#opinion-form');
    await form.getByLabel('类型').selectOption('suggestion');
    await form.getByLabel('标题').fill('建议增设职工书屋');
    await form.getByLabel('内容').fill('希望在机务段增设一处职工书屋。');
    await form.getByLabel('匿名提交').check();
    await form.getByRole('button', { name: '提交' }).click();
    await page.getByText('已匿名提交，请保存查询码').waitFor();
    const receipt = ((await page.locator('#receipt-shown code').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{8}-[0-9A-Z]{20}$/);
    const sent = page.locator('#anonymous-opinions li.opinion', { hasText: '建议增设职工书屋' });
    await sent.waitFor();
    expect(await sent.textContent()).toContain(`匿名 · 查询码 ${receipt}`);
    // The account's own list does not hold it.
    expect(await page.locator('#opinions').textContent()).not.toContain('建议增设职工书屋');
    expect(await fitsTheScreen(page)).toBe(true);

    // The organization's handler (here the super admin, who answers for every organization) answers it, not knowing who sent it.
    const admin = cmsKit.adminApi(cms.base);
    const token = await admin.login(cms.accounts.superAdmin);
    const open = (await admin.call(
      token,
      'GET',
      '/participation/opinions?state=open',
    )) as unknown as { data: Array<{ documentId: string; title: string; sender: unknown }> };
    const opinion = open.data.find((item) => item.title === '建议增设职工书屋')!;
    expect(opinion.sender).toBeNull();
    await admin.call(token, 'POST', `/participation/opinions/${opinion.documentId}/answer`, {
      answer: '已列入下季度职工之家建设计划。',
    });

    // Another phone knows nothing of it until the code is typed in; then it reads the answer and rates it.
    const other = await signedInPhone('JW1002', '吴晓岚');
    await other.getByRole('tab', { name: '意见建议' }).click();
    expect(await other.locator('#anonymous-opinions').textContent()).not.toContain(
      '建议增设职工书屋',
    );
    await other.getByLabel(/输入查询码/).fill(receipt.toLowerCase());
    await other.getByRole('button', { name: '查询' }).click();
    const found = other.locator('#anonymous-opinions li.opinion', { hasText: '建议增设职工书屋' });
    await found.locator('.answer').getByText('已列入下季度职工之家建设计划').waitFor();
    await found.getByRole('button', { name: '满意', exact: true }).click();
    await found.getByRole('button', { name: '确认满意' }).click();
    await found.getByText('您的评价：满意').waitFor();
    expect(await fitsTheScreen(other)).toBe(true);
    await other.close();

    // The first phone reads the same, from its own stored code.
    await page.getByRole('tab', { name: '我的投稿' }).click();
    await page.getByRole('tab', { name: '意见建议' }).click();
    await sent.getByText('您的评价：满意').waitFor();
    await page.close();
  },
);

browserTest(
  'the rankings page shows the month’s points per person and per organization, and exports them',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 1000,
    });
    await page.goto(`${cms.base}/admin/rankings`);
    const first = page.getByTestId('ranking-row').first();
    await first.waitFor();
    // The demo correspondent leads the month.
    expect(await first.textContent()).toContain('周立新');
    await page.getByRole('tab', { name: /党组织 Organizations/ }).click();
    await page.getByTestId('ranking-row').filter({ hasText: '机务党支部' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rankings-organization-\d{4}-\d{2}\.xlsx$/);
    await page.close();
  },
);

browserTest(
  'the display screen shows the rankings beside the achievements, naming only who consented',
  async () => {
    const screen = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await screen.goto(`${cms.base}/screen/index.html?token=${cms.screenToken}`);
    const card = screen.locator('#rankings');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.locator('.level').textContent()).toMatch(/^积分榜 · \d{4}年第[1-4]季度$/);
    expect(await card.locator('.ranking').first().locator('li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^1机务党支部\d+分$/)]),
    );
    const people = (
      await card.locator('.ranking').nth(1).locator('li span').allTextContents()
    ).join();
    expect(people).toContain('周立新');
    // 吴晓岚 sent a contribution without her name: the screen does not show it.
    expect(people).not.toContain('吴晓岚');
    // Two achievements and the rankings share the row; nothing spills out of the card.
    expect(await screen.locator('#achievements > article').count()).toBe(3);
    // Runs in the page: the element's box, typed here by hand (the tests compile without the DOM library).
    expect(
      await card.evaluate(
        (node) =>
          (node as unknown as { scrollHeight: number }).scrollHeight -
          (node as unknown as { clientHeight: number }).clientHeight,
      ),
    ).toBeLessThanOrEqual(0);
    await screen.close();
  },
);

browserTest(
  'a password an administrator set is shown as such, and replaced by the person before anything else',
  async () => {
    const admin = cmsKit.adminApi(cms.base);
    const token = await admin.login(cms.accounts.superAdmin);
    const staff = (await admin.call(
      token,
      'GET',
      '/content-manager/collection-types/api::participation.staff-member?filters[employeeNumber][$eq]=CW2001',
    )) as unknown as { results: Array<{ documentId: string }> };
    const generated = (
      (await admin.call(
        token,
        'POST',
        `/participation/staff/${staff.results[0].documentId}/password`,
      )) as unknown as { data: { password: string } }
    ).data.password;
    const page = await phone();
    await page.goto(`${cms.base}/participate/`);
    await page.getByLabel('工号', { exact: true }).fill('CW2001');
    await page.getByLabel('密码', { exact: true }).fill(generated);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '请设置您自己的密码' }).waitFor();
    expect(await page.locator('#own-password-why').textContent()).toMatch(
      /^管理员.+于 .+ 为您设置了密码/,
    );
    expect(await page.locator('#signed-in').isVisible()).toBe(false);
    await page.locator('#own-password-form').getByLabel('新密码').fill('Only-Mine-2026');
    await page.locator('#own-password-form').getByLabel('再输入一次').fill('Only-Mine-2026');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('密码已更新，只有您本人知道').waitFor();
    await page.locator('#me-name').getByText('郑宏斌').waitFor();
    await page.getByText('密码记录').click();
    const history = await page.locator('#password-history').textContent();
    expect(history).toMatch(/本人修改.*管理员设置/);
    expect(await fitsTheScreen(page)).toBe(true);
    await page.close();
  },
);
