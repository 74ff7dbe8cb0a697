import type { Browser, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';

/**
 * Chinese everywhere (issue 24): the media library and its dialogs, the crop tool, the guided
 * tour, the user menu with the role and the name, as the demo editor and the super admin read
 * them in the built admin panel (scripts/browser/cms.js). Skipped, saying why, without a browser.
 */
jest.setTimeout(180_000);

let cms: Cms;
let browser: Browser;

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 5,
    name: 'chinese-screens',
  });
  browser = await cmsKit.launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/**
 * Latin words a person reads on a screen, outside lines that also say it in Chinese (our labels
 * are bilingual: 审核队列 Review queue) and outside the allowed names, units, file names and codes
 * (the same reading as editors-day.browser.test.ts).
 */
const ALLOWED_LATIN =
  /^(Strapi|Cloud|AI|ID|API|URL|JSON|SEO|EXIF|PNG|JPG|JPEG|GIF|SVG|WebP|PDF|MP4|png|jpg|jpeg|svg|webp|KB|MB|GB|px|zh|CN|en|Hans|WeChat|Ctrl|Cmd|Shift|Enter|Esc|Webhook)$/i;
const englishOn = async (page: Page, data: readonly string[] = []): Promise<string[]> => {
  const lines = (await page.locator('body').innerText()).split('\n');
  const placeholders = await page
    .locator('[placeholder]:visible')
    .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('placeholder') ?? ''));
  return (
    [...lines, ...placeholders]
      .map((line) => line.trim())
      // Lines with Chinese say it in Chinese; e-mail addresses, file names, document ids and the people's own names are data.
      .filter(
        (line) =>
          line !== '' &&
          !/\p{Script=Han}/u.test(line) &&
          !/^\S+@\S+$/.test(line) &&
          !/^[\w.-]+\.(png|jpe?g|svg|webp|gif|pdf)$/i.test(line) &&
          !/^[a-z0-9]{24}$/.test(line) &&
          !data.includes(line),
      )
      .filter((line) =>
        (line.match(/[A-Za-z]{2,}/g) ?? []).some((word: string) => !ALLOWED_LATIN.test(word)),
      )
  );
};

/** The user menu at the bottom of the side bar, opened: the avatar's letters on its trigger, and the menu. */
const openUserMenu = async (page: Page, name: string) => {
  const trigger = page.getByRole('button', { name }).first();
  await trigger.waitFor();
  // Read before opening: the open menu hides the rest of the page from the accessibility tree.
  const avatar = await trigger
    .locator('span')
    .evaluateAll((spans) =>
      spans.filter((span) => span.children.length === 0).map((span) => span.textContent ?? ''),
    );
  await trigger.click();
  const menu = page.getByRole('menu').first();
  await menu.waitFor();
  return { avatar, menu };
};

const openMediaLibraryHome = async (page: Page) => {
  await page.goto(`${cms.base}/admin/plugins/upload`);
  await page.getByRole('heading', { name: '媒体库' }).first().waitFor();
  // The library opens in the folder last visited: its 首页 (the last one on the page, after the main menu's) lists the demo images.
  await page.getByText('首页', { exact: true }).last().click();
  await page.getByText('demo-cover-green.png').first().waitFor();
  await page.waitForLoadState('networkidle');
};

browserTest(
  'the editor’s user menu names her 李晓雯, family name first, with 晓雯 in the avatar and her role as 宣传编辑',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor);
    const { avatar, menu } = await openUserMenu(page, '李晓雯');
    // The avatar's letters and the name (for screen readers): 晓雯 and 李晓雯, not 晓李 and 晓雯 李.
    expect(avatar).toContain('晓雯');
    expect(avatar).toContain('李晓雯');
    expect(avatar).not.toContain('晓李');
    expect(avatar).not.toContain('晓雯 李');
    const shown = await menu.innerText();
    expect(shown).toContain('李晓雯');
    expect(shown).not.toContain('晓雯 李');
    expect(shown).toContain('宣传编辑');
    expect(shown).not.toMatch(/publicity editor/i);
    expect(await englishOn(page)).toEqual([]);
    await page.close();
  },
);

browserTest(
  'no English in the editor’s media library: the library, the new-item menu and folder dialog, an image’s details and the crop tool',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 1000,
    });
    await openMediaLibraryHome(page);
    const found: Record<string, string[]> = { library: await englishOn(page) };
    await page.getByRole('button', { name: '新', exact: true }).first().click();
    await page.getByRole('menu').first().waitFor();
    found.newMenu = await englishOn(page);
    await page
      .getByRole('menuitem', { name: /文件夹/ })
      .first()
      .click();
    await page.getByRole('dialog').first().waitFor();
    found.folderDialog = await englishOn(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').first().waitFor({ state: 'hidden' });
    await page.getByText('demo-cover-green.png').first().click();
    await page.getByText('文件信息').first().waitFor();
    await page.waitForLoadState('networkidle');
    found.details = await englishOn(page);
    // The details name the uploader the Chinese way when there is one (the demo images are seeded, uploaded by nobody).
    expect(await page.locator('body').innerText()).not.toMatch(/\p{Script=Han}+ \p{Script=Han}/u);
    await page.getByRole('button', { name: '裁剪' }).first().click();
    await page.getByText('裁剪与焦点区域').first().waitFor();
    found.crop = await englishOn(page);
    await page.getByRole('button', { name: '取消', exact: true }).first().click();
    expect(found).toEqual({ library: [], newMenu: [], folderDialog: [], details: [], crop: [] });
    await page.close();
  },
);

browserTest(
  'no English in the media picker of an image field and its upload dialog (添加新素材), whose drop box says a whole sentence',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 1000,
    });
    await page.goto(
      `${cms.base}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=zh-CN`,
    );
    await page.getByText('点击添加素材，或拖放一个素材到当前区域').first().click();
    const dialog = page.getByRole('dialog').first();
    await dialog.getByText('demo-cover-green.png').first().waitFor();
    await page.waitForLoadState('networkidle');
    const found: Record<string, string[]> = { picker: await englishOn(page) };
    await expect(dialog.getByRole('heading').first().innerText()).resolves.toBe('添加新素材');
    await dialog.getByRole('button', { name: '添加更多的素材' }).click();
    await page.getByText('将文件拖到此处，或').first().waitFor();
    found.upload = await englishOn(page);
    const dropBox = await page.getByRole('dialog').first().innerText();
    expect(dropBox).toContain('将文件拖到此处，或');
    expect(dropBox).not.toContain('拖拽到此处或');
    await page.getByRole('tab', { name: '从链接' }).click();
    found.fromUrl = await englishOn(page);
    expect(found).toEqual({ picker: [], upload: [], fromUrl: [] });
    await page.close();
  },
);

browserTest(
  'the super admin’s Home shows the guided tour in Chinese, and the user menu and Settings → Users show roles in Chinese',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.superAdmin, {
      width: 1440,
      height: 1000,
    });
    await page.goto(`${cms.base}/admin`);
    await page.getByText('了解您的后台').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The super admin's own name is Latin (Site Administrator): it stays "firstname lastname", as data.
    const ownName = ['Site Administrator', 'SA'];
    const found: Record<string, string[]> = { home: await englishOn(page, ownName) };
    const tour = await page.locator('body').innerText();
    for (const task of ['建立内容模型', '编写并发布内容', '复制 API 令牌'])
      expect(tour).toContain(task);
    const { menu } = await openUserMenu(page, 'Site Administrator');
    await expect(menu.innerText()).resolves.toContain('超级管理员');
    found.userMenu = await englishOn(page, ownName);
    await page.keyboard.press('Escape');
    await page.goto(`${cms.base}/admin/settings/users?pageSize=10&page=1&sort=firstname`);
    const editorRow = page.getByRole('row').filter({ hasText: 'editor@example.com' });
    await expect(editorRow.innerText()).resolves.toContain('宣传编辑');
    await expect(
      page.getByRole('row').filter({ hasText: 'chief@example.com' }).innerText(),
    ).resolves.toContain('终审审核员');
    expect(found).toEqual({ home: [], userMenu: [] });
    await page.close();
  },
);
