import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';

/**
 * The staff page (/participate/) on a phone, for what a sender changes their mind about: a photo
 * taken back before sending, a contribution changed while it is still 已收到, a rating asked once
 * more before it is given; and what they are told: a success banner that goes by itself, and when
 * an answer is due. Headless Chromium at 360 px on its own CMS (scripts/browser/cms.js).
 */
jest.setTimeout(180_000);

let cms: Cms;
let browser: Browser;

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 2,
    name: 'staff-page-edits-test',
  });
  browser = await cmsKit.launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

const DAY = 24 * 60 * 60 * 1000;

/** A phone: 360 px wide, Chinese, Shanghai time. */
const phone = async (): Promise<Page> =>
  browser.newPage({
    viewport: { width: 360, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 2,
  });

const photo = async (color: string, name: string, width: number, height: number) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer(),
});

/** The staff page, signed in as the demo staff member with `employeeNumber` (whose name then shows). */
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

/** A time as the page writes it in China's time (UTC+8 all year): 2026年12月14日 19:30. */
const inShanghai = (iso: string) => {
  const at = new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
};

type InboxItem = {
  documentId: string;
  title: string;
  body: string;
  consentToBeNamed: boolean;
  images: Array<{ width: number; height: number }>;
};
type HandledOpinion = { documentId: string; title: string; rating: string | null; dueAt: string };

browserTest(
  'a photo taken back before sending stays behind, the banner goes by itself, and the contribution is changed while still 已收到',
  async () => {
    const page = await signedInPhone('JW1002', '吴晓岚');
    const form = page.locator('#contribution-form');
    await form.getByLabel('标题').fill('机务段的一次义务劳动');
    await form.getByLabel('正文').fill('周六上午，党员们清扫了检修库。');
    // Two photos of different sizes, so the one that arrives says which was taken back.
    await form
      .getByLabel('照片（最多 9 张）')
      .setInputFiles([
        await photo('#c8102e', 'wide.jpg', 3000, 2250),
        await photo('#1565c0', 'small.jpg', 1200, 900),
      ]);
    const previews = page.locator('#previews .preview');
    await previews.nth(1).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await previews.first().getByRole('button', { name: '移除第 1 张照片' }).click();
    expect(await previews.count()).toBe(1);
    expect(await previews.locator('img').getAttribute('alt')).toBe('small.jpg');
    // The input's own selection holds only what is left.
    expect(
      await form
        .getByLabel('照片（最多 9 张）')
        .evaluate((input) =>
          [...(input as unknown as { files: Array<{ name: string }> }).files].map(
            (file) => file.name,
          ),
        ),
    ).toEqual(['small.jpg']);
    await page.getByRole('button', { name: '提交投稿' }).click();
    await page.getByText('投稿已提交').waitFor();

    // The success banner goes by itself after some seconds.
    await page.locator('#notice').waitFor({ state: 'hidden', timeout: 15_000 });

    const admin = cmsKit.adminApi(cms.base);
    const editor = await admin.login(cms.accounts.editor);
    const inbox = async () =>
      (
        (await admin.call(
          editor,
          'GET',
          '/participation/contributions?state=received',
        )) as unknown as { data: InboxItem[] }
      ).data;
    const sent = (await inbox()).find((item) => item.title === '机务段的一次义务劳动')!;
    expect(sent.images.map((image) => [image.width, image.height])).toEqual([[1200, 900]]);

    // 已收到: the sender opens it and changes it.
    await page.getByRole('tab', { name: '我的投稿' }).click();
    const mine = page.locator('li.contribution', { hasText: '机务段的一次义务劳动' });
    await mine.getByRole('button', { name: '修改' }).click();
    const edit = mine.locator('form.edit-form');
    expect(await edit.getByLabel('标题').inputValue()).toBe('机务段的一次义务劳动');
    expect(await edit.getByLabel('正文').inputValue()).toBe('周六上午，党员们清扫了检修库。');
    expect(await fitsTheScreen(page)).toBe(true);
    await edit.getByLabel('标题').fill('机务党支部的一次义务劳动');
    await edit
      .getByLabel('正文')
      .fill('周六上午，十二名党员清扫了检修库。\n\n下午又整理了工具间。');
    await edit.getByLabel('采用后署我的姓名').check();
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('投稿已修改').waitFor();
    const changed = page.locator('li.contribution', { hasText: '机务党支部的一次义务劳动' });
    await changed.waitFor();
    expect(await changed.locator('.state').textContent()).toBe('已收到');
    expect(await changed.textContent()).toContain('1 张照片');
    expect((await inbox()).find((item) => item.documentId === sent.documentId)).toMatchObject({
      title: '机务党支部的一次义务劳动',
      body: '周六上午，十二名党员清扫了检修库。\n\n下午又整理了工具间。',
      consentToBeNamed: true,
    });

    // The banner can be closed at once.
    await page.getByRole('button', { name: '关闭提示' }).click();
    await page.locator('#notice').waitFor({ state: 'hidden', timeout: 1_000 });

    // Handled, it is the editors': no more 修改.
    await admin.call(editor, 'POST', `/participation/contributions/${sent.documentId}/decline`, {
      reason: '内容与上周的投稿重复。',
    });
    await page.getByRole('tab', { name: '我要投稿' }).click();
    await page.getByRole('tab', { name: '我的投稿' }).click();
    await page
      .locator('li.contribution[data-state="declined"]', { hasText: '机务党支部的一次义务劳动' })
      .waitFor();
    expect(await changed.getByRole('button', { name: '修改' }).count()).toBe(0);
    await page.close();
  },
);

browserTest(
  'a sender sees when the answer is due, and a rating is asked once more: 取消 leaves it unrated, 确认 gives it',
  async () => {
    const page = await signedInPhone('JW1002', '吴晓岚');
    await page.getByRole('tab', { name: '意见建议' }).click();
    const form = page.locator('#opinion-form');
    await form.getByLabel('标题').fill('建议延长浴室开放时间');
    await form.getByLabel('内容').fill('夜班下班后浴室已关门。');
    await form.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，答复后会显示在下方').waitFor();

    const admin = cmsKit.adminApi(cms.base);
    const handler = await admin.login(cms.accounts.superAdmin);
    const handled = async (state: string) =>
      (
        (await admin.call(handler, 'GET', `/participation/opinions?state=${state}`)) as unknown as {
          data: HandledOpinion[];
        }
      ).data.find((item) => item.title === '建议延长浴室开放时间')!;
    const open = await handled('open');
    // Due OPINION_OVERDUE_DAYS (7) after sending, shown in China's time.
    expect(Math.abs(new Date(open.dueAt).getTime() - Date.now() - 7 * DAY)).toBeLessThan(60_000);
    const sent = page.locator('#opinions li.opinion', { hasText: '建议延长浴室开放时间' });
    expect(await sent.locator('.due').textContent()).toBe(`答复期限：${inShanghai(open.dueAt)}前`);
    expect(await fitsTheScreen(page)).toBe(true);

    await admin.call(handler, 'POST', `/participation/opinions/${open.documentId}/answer`, {
      answer: '浴室将延长到夜里十二点。',
    });
    await page.getByRole('tab', { name: '我的投稿' }).click();
    await page.getByRole('tab', { name: '意见建议' }).click();
    await sent.locator('.answer').getByText('浴室将延长到夜里十二点').waitFor();
    // Answered, there is no due time to show.
    expect(await sent.locator('.due').count()).toBe(0);

    await sent.getByRole('button', { name: '满意', exact: true }).click();
    await sent.getByText('确定评价为“满意”吗').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await sent.getByRole('button', { name: '取消' }).click();
    await sent.getByRole('button', { name: '不满意', exact: true }).waitFor();
    expect(await sent.getByText('您的评价').count()).toBe(0);
    expect((await handled('answered')).rating).toBeNull();

    await sent.getByRole('button', { name: '不满意', exact: true }).click();
    await sent.getByRole('button', { name: '确认不满意' }).click();
    await sent.getByText('您的评价：不满意').waitFor();
    expect((await handled('answered')).rating).toBe('unsatisfied');
    await page.close();
  },
);
