import type { Browser, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Account, type Cms } from './browser-kit';
import { ADMIN_PAGES, maySeePage, type PagePermission } from '../../src/access/admin-pages';
import { WECHAT_LIMITS } from '../../src/channels/wechat/limits';
import { periodOf, recentPeriods, periodLabel } from '../../src/participation/periods';

/**
 * What each role sees in the admin panel: only the menu links it can use, no edit-view action it
 * cannot, the 字数 counters as an editor types, and the rankings' period picker. The built CMS
 * in production mode on a fresh SQLite database, as the demo accounts (scripts/browser/cms.js).
 */
const ARTICLE = 'api::article.article';
jest.setTimeout(180_000);

// The demo branch secretary (src/demo/demo-participation.ts); cms.js has no handler, so its password is set here.
const HANDLER: Account = ['secretary@example.com', `Demo-${Date.now().toString(36)}a1A`];

let cms: Cms;
let browser: Browser;
let api: ReturnType<typeof cmsKit.adminApi>;

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 4,
    name: 'roles-see',
    extraEnv: { DEMO_HANDLER_PASSWORD: HANDLER[1] },
  });
  api = cmsKit.adminApi(cms.base);
  browser = await cmsKit.launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** Reads `read` until `done` holds of what it gave (the page's CSP allows no script of ours in it). */
const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** The `data` of an admin API answer to `account` (typed here, where it crosses from JSON). */
const dataOf = async <T>(account: Account, url: string): Promise<T> => {
  const response = await fetch(`${cms.base}${url}`, {
    headers: { Authorization: `Bearer ${await api.login(account)}` },
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return ((await response.json()) as { data: T }).data;
};

/** The admin permissions of `account`, as the panel itself loads them. */
const permissionsOf = async (account: Account): Promise<PagePermission[]> =>
  (
    await dataOf<Array<{ action: string; subject: string | null }>>(
      account,
      '/admin/users/me/permissions',
    )
  ).map(({ action, subject }) => ({ action, subject: subject ?? undefined }));

/** The pages the main menu links to, once it has weighed the user's permissions (意见建议 is everyone's). */
const menuPages = async (page: Page): Promise<string[]> => {
  await page.locator('nav a[href$="/opinions"]').first().waitFor();
  const hrefs = await page
    .locator('nav a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map(
    (href) =>
      href
        .replace(/^\/admin\//, '')
        .replace(/^\//, '')
        .split(/[/?]/)[0],
  );
};

browserTest(
  'the handler’s menu holds only the opinions among the custom pages, and no Content Manager; the Home shows no widget it cannot fill',
  async () => {
    const held = await permissionsOf(HANDLER);
    const page = await cmsKit.signIn(browser, cms.base, HANDLER);
    const shown = await until(
      () => menuPages(page),
      (pages) => pages.includes('opinions'),
    );
    for (const adminPage of ADMIN_PAGES)
      expect([adminPage, shown.includes(adminPage)]).toEqual([
        adminPage,
        maySeePage(adminPage, held),
      ]);
    // What the rule gives a role with no content grants, said plainly.
    expect(ADMIN_PAGES.filter((adminPage) => shown.includes(adminPage))).toEqual(['opinions']);
    expect(shown).not.toContain('content-manager');
    // The Home is drawn (the profile widget is everyone's) and has no widget of content.
    await page.getByText('个人资料').first().waitFor();
    await expect(page.getByText('等我处理').count()).resolves.toBe(0);
    await page.close();
  },
);

browserTest(
  'the editor sees every page the editor’s API serves; a reviewer not the inbox or the rankings',
  async () => {
    for (const account of [cms.accounts.editor, cms.accounts.reviewer]) {
      const held = await permissionsOf(account);
      const page = await cmsKit.signIn(browser, cms.base, account);
      const shown = await until(
        () => menuPages(page),
        (pages) => pages.includes('content-manager'),
      );
      for (const adminPage of ADMIN_PAGES)
        expect([account[0], adminPage, shown.includes(adminPage)]).toEqual([
          account[0],
          adminPage,
          maySeePage(adminPage, held),
        ]);
      // The Home widget the handler is spared is theirs.
      await page.getByText('等我处理').first().waitFor();
      await page.close();
    }
  },
);

const headerMenuItems = async (page: Page): Promise<string[]> => {
  const items: string[] = [];
  const triggers = page.getByRole('button', {
    name: /^(更多操作|More actions|More document actions)$/,
  });
  for (let index = 0; index < (await triggers.count()); index++) {
    // A menu whose every action is disabled is itself disabled: it offers nothing.
    if (await triggers.nth(index).isDisabled()) continue;
    await triggers.nth(index).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    items.push(...(await menu.getByRole('menuitem').allInnerTexts()));
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  }
  return items.map((text) => text.trim());
};

const EDIT_THE_MODEL = /Edit the model|编辑模型/;
const DELETE_ALL_LOCALES = /Delete entry \(all locales\)|删除（所有语言）/;
const CONFIGURE_THE_VIEW = /Configure the view|配置视图/;

browserTest(
  'the editor counts words as the editor types: the title and digest against WeChat’s limits, red when over; no Delete or Edit the model is offered',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 900,
    });
    await page.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-CN`,
    );
    const titleCount = page.getByTestId('title-length');
    const digestCount = page.getByTestId('digest-length');
    const words = page.getByTestId('body-word-count');
    await titleCount.waitFor();
    // Shown beside the form without scrolling, at 1440 × 900.
    const box = await page.getByTestId('body-word-count').boundingBox();
    expect(box && box.y + box.height).toBeLessThan(900);
    await expect(titleCount.innerText()).resolves.toBe(`标题 0/${WECHAT_LIMITS.title}`);

    const title = '党建引领铁路高质量发展';
    await page.locator('input[name="title"]').pressSequentially(title.slice(0, 4));
    await until(
      () => titleCount.innerText(),
      (text) => text === `标题 4/${WECHAT_LIMITS.title}`,
    );
    await page.locator('input[name="title"]').pressSequentially(title.slice(4));
    await until(
      () => titleCount.innerText(),
      (text) => text === `标题 ${title.length}/${WECHAT_LIMITS.title}`,
    );
    const normalColour = await titleCount.evaluate(
      (element) => element.ownerDocument.defaultView?.getComputedStyle(element).color ?? '',
    );
    await expect(titleCount.getAttribute('data-over')).resolves.toBe('false');

    const digest = '职工'.repeat(WECHAT_LIMITS.digest / 2);
    await page.locator('textarea[name="digest"]').fill(digest);
    await until(
      () => digestCount.innerText(),
      (text) => text === `摘要 ${WECHAT_LIMITS.digest}/${WECHAT_LIMITS.digest}`,
    );
    await expect(digestCount.getAttribute('data-over')).resolves.toBe('false');
    await page.locator('textarea[name="digest"]').press('End');
    await page.locator('textarea[name="digest"]').pressSequentially('多');
    await until(
      () => digestCount.getAttribute('data-over'),
      (over) => over === 'true',
    );
    await expect(digestCount.innerText()).resolves.toContain(
      `摘要 ${WECHAT_LIMITS.digest + 1}/${WECHAT_LIMITS.digest}`,
    );
    const overColour = await digestCount.evaluate(
      (element) => element.ownerDocument.defaultView?.getComputedStyle(element).color ?? '',
    );
    expect(overColour).not.toBe(normalColour);
    // Red: the red channel well above the others.
    const [red, green, blue] = (overColour.match(/\d+/g) ?? []).map(Number);
    expect(red).toBeGreaterThan(green + 60);
    expect(red).toBeGreaterThan(blue + 60);
    await page.locator('textarea[name="digest"]').press('Backspace');
    await until(
      () => digestCount.getAttribute('data-over'),
      (over) => over === 'false',
    );

    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('党建引领 Party building');
    await until(
      () => words.innerText(),
      (text) => text === '正文 6 字',
    );

    await page
      .getByRole('button', { name: /^(保存|Save)$/ })
      .first()
      .click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30_000 });
    const documentId = page.url().split('?')[0].split('/').pop()!;
    await page.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    await titleCount.waitFor();
    await expect(titleCount.innerText()).resolves.toBe(
      `标题 ${title.length}/${WECHAT_LIMITS.title}`,
    );
    const editorItems = await headerMenuItems(page);
    // The header menu stays open to the editor (document ID, 信息) through the one action added for that.
    expect(editorItems).toContain('复制本页链接');
    expect(
      editorItems.filter(
        (item) =>
          EDIT_THE_MODEL.test(item) ||
          DELETE_ALL_LOCALES.test(item) ||
          CONFIGURE_THE_VIEW.test(item),
      ),
    ).toEqual([]);
    await page.close();

    // The same menus as the super admin, who may use them all: they are there, so their absence above is the editor's.
    const admin = await cmsKit.signIn(browser, cms.base, cms.accounts.superAdmin, {
      width: 1440,
      height: 900,
    });
    await admin.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    await admin.getByTestId('title-length').waitFor();
    const adminItems = await headerMenuItems(admin);
    expect(adminItems.some((item) => EDIT_THE_MODEL.test(item))).toBe(true);
    expect(adminItems.some((item) => DELETE_ALL_LOCALES.test(item))).toBe(true);
    await admin.close();
  },
);

browserTest(
  'the rankings’ period is picked from a list, the current one first; picking a quarter updates the table',
  async () => {
    const rowsOf = async (value: string) =>
      (
        await dataOf<{ rows: unknown[] }>(
          cms.accounts.editor,
          `/participation/rankings?period=quarter&value=${value}`,
        )
      ).rows.length;
    const [thisQuarter, lastQuarter] = recentPeriods('quarter', new Date(), 2);
    const [thisCount, lastCount] = [await rowsOf(thisQuarter), await rowsOf(lastQuarter)];
    // The demo's points were earned as it was seeded: this quarter has rows, the last one none.
    expect(thisCount).toBeGreaterThan(0);
    expect(lastCount).toBe(0);

    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor);
    await page.goto(`${cms.base}/admin/rankings`);
    const which = page.getByRole('combobox', { name: /哪一期/ });
    await until(
      () => which.innerText(),
      (text) => text.includes(periodLabel('month', periodOf(new Date()).month)),
    );
    await page.getByRole('combobox', { name: /周期/ }).click();
    await page.getByRole('option', { name: '季度 Quarter' }).click();
    await until(
      () => which.innerText(),
      (text) => text.includes(periodLabel('quarter', thisQuarter)),
    );
    await until(
      () => page.getByTestId('ranking-row').count(),
      (count) => count === thisCount,
    );

    await which.click();
    await page.getByRole('option', { name: periodLabel('quarter', lastQuarter) }).click();
    await until(
      () => page.getByTestId('ranking-row').count(),
      (count) => count === lastCount,
    );
    await page.getByText(/这一期还没有积分/).waitFor();
    await page.getByText(new RegExp(`^${lastQuarter} ·`)).waitFor();

    await which.click();
    await page.getByRole('option', { name: periodLabel('quarter', thisQuarter) }).click();
    await until(
      () => page.getByTestId('ranking-row').count(),
      (count) => count === thisCount,
    );
    await page.close();
  },
);
