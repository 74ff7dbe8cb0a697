import type { Browser, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';
import { slugOfTitle } from '../../src/i18n/pinyin-slugs';

/**
 * The editor's and reviewers' day in the real admin panel, in headless Chromium, as the demo
 * accounts: the built CMS in production mode on a fresh SQLite database (scripts/browser/cms.js).
 * Run by `npm run test:browser` (in .ci/run, after the admin build). Where no browser can be
 * had, every test here is skipped with a message saying why; CI installs one.
 */
const ARTICLE = 'api::article.article';
jest.setTimeout(180_000);

let cms: Cms;
let browser: Browser;
let api: ReturnType<typeof cmsKit.adminApi>;
const tokens: Record<string, string> = {};
const pages: Record<string, Page> = {};

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341),
    name: 'browser-test',
  });
  api = cmsKit.adminApi(cms.base);
  browser = await cmsKit.launchBrowser();
  for (const role of ['editor', 'reviewer', 'secondReviewer', 'chiefReviewer'] as const)
    tokens[role] = await api.login(cms.accounts[role]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** The page of `role`, signed in once. */
const pageOf = async (
  role: 'editor' | 'reviewer' | 'secondReviewer' | 'chiefReviewer',
): Promise<Page> => {
  pages[role] ??= await cmsKit.signIn(browser, cms.base, cms.accounts[role], {
    width: 1600,
    height: 1100,
  });
  return pages[role];
};

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
const openEditView = async (page: Page, documentId: string) => {
  await page.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
  await page
    .getByText(/审核与发布 Review/i)
    .first()
    .waitFor();
};
const stateBadge = (page: Page, label: string) => page.getByText(label, { exact: true }).first();
const saveButton = (page: Page) => page.getByRole('button', { name: /^(保存|Save)$/ }).first();
const workflowUrl = (documentId: string, action: string) =>
  `/workflow/documents/${ARTICLE}/${documentId}/${action}?locale=zh-CN`;

let articleId: string;
const TITLE = '青年突击队完成旅客列车线路大修';

browserTest(
  'the editor writes an article: the slug is the title in pinyin (ü as v), no internal field shows, and submit waits for unsaved edits to be saved',
  async () => {
    const page = await pageOf('editor');
    await page.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-CN`,
    );
    const title = page.locator('input[name="title"]');
    await title.fill(TITLE);
    await page.locator('textarea[name="digest"]').fill('青年突击队利用天窗时间完成线路大修。');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('突击队员连续奋战六小时，提前完成任务。');
    await saveButton(page).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30_000 });
    articleId = page.url().split('?')[0].split('/').pop()!;
    await stateBadge(page, '草稿 Draft').waitFor();
    // Saved with the form's placeholder slug: the item's slug is its title in pinyin.
    await until(
      () => page.locator('input[name="slug"]').inputValue(),
      (slug) => slug === slugOfTitle(TITLE),
    );
    // ü written v (旅客 → lv-ke), as URLs write it.
    await expect(page.locator('input[name="slug"]').inputValue()).resolves.toBe(
      'qing-nian-tu-ji-dui-wan-cheng-lv-ke-lie-che-xian-lu-da-xiu',
    );
    // The channel columns are the server's: no field of the form shows them, under any label.
    await expect(page.locator('[name^="targets"]').count()).resolves.toBe(0);
    await expect(page.getByText(/targets(Website|Wechat|Screen)/).count()).resolves.toBe(0);

    // An edit not saved yet: submit would send the saved version, so it waits, and says why.
    await title.fill(`${TITLE}（续）`);
    await page.getByTestId('unsaved-hint').waitFor();
    await expect(
      page.getByRole('button', { name: '提交审核 Submit for review' }).isDisabled(),
    ).resolves.toBe(true);
    await saveButton(page).click();
    await page.getByTestId('unsaved-hint').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '提交审核 Submit for review' }).click();
    await stateBadge(page, '审核中 In review').waitFor();
    // The header says it too, with the stage, next to Strapi's own Draft badge.
    await until(
      () =>
        page
          .getByTestId('review-state-header')
          .innerText()
          .catch(() => ''),
      (text) => text === '审核中 · 初审',
    );
    const saved = await api.call(
      tokens.editor,
      'GET',
      `/content-manager/collection-types/${ARTICLE}/${articleId}?locale=zh-CN`,
    );
    expect(saved.data.title).toBe(`${TITLE}（续）`);
  },
);

browserTest(
  'a translation starts from the Chinese version’s text: prefilled and saying so, on the website only, with its own slug',
  async () => {
    const created = await api.call(
      tokens.editor,
      'POST',
      `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
      {
        title: '党员志愿者服务春运',
        digest: '志愿者在车站为旅客引路。',
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: '春运期间，党员志愿者在候车室为旅客服务。' }],
          },
        ],
        channels: { website: true, wechat: true, screen: false },
      },
    );
    const documentId = created.data.documentId as string;
    const page = await pageOf('editor');
    await page.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId, 'en')}`);
    await page.getByTestId('prefilled-from').waitFor();
    await expect(page.locator('[name="digest"]').first().inputValue()).resolves.toBe(
      '志愿者在车站为旅客引路。',
    );
    // Not saved in English yet: no Chinese review, WeChat panel or Publish of another locale's status.
    await expect(page.getByText('微信公众号 WeChat').count()).resolves.toBe(0);
    await expect(
      page
        .getByRole('button', { name: /^(发布|Publish)$/ })
        .first()
        .isDisabled(),
    ).resolves.toBe(true);
    await page.locator('input[name="title"]').fill('Party volunteers guide travellers home');
    await saveButton(page).click();
    await stateBadge(page, '草稿 Draft').waitFor();
    const english = await api.call(
      tokens.editor,
      'GET',
      `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`,
    );
    // Text copied; its address made from its own title, and the website only, whatever the Chinese version targets.
    expect(english.data).toMatchObject({
      title: 'Party volunteers guide travellers home',
      slug: 'party-volunteers-guide-travellers-home',
      digest: '志愿者在车站为旅客引路。',
      channels: { website: true, wechat: false, screen: false },
    });

    // The English version in review; a new cover on the Chinese one (covers are shared by every
    // locale) restarts the English review, and its panel says why.
    await api.call(
      tokens.editor,
      'POST',
      `/workflow/documents/${ARTICLE}/${documentId}/submit?locale=en`,
      {},
    );
    const files = (await api.call(
      tokens.editor,
      'GET',
      '/upload/files?page=1&pageSize=1',
    )) as unknown as { results?: Array<{ id: number }> } & Array<{ id: number }>;
    const cover = (files.results ?? files)[0];
    await api.call(
      tokens.editor,
      'PUT',
      `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=zh-CN`,
      { cover: cover.id },
    );
    await page.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId, 'en')}`);
    await expect(page.getByTestId('shared-edit-restart').innerText()).resolves.toMatch(
      /审核已重新开始：zh-CN 版本修改了各语言共用的字段/,
    );
    await stateBadge(page, '草稿 Draft').waitFor();
  },
);

browserTest(
  'a reviewer sends it back: the reason tops the panel and 我的稿件; after the editor resubmits, the reviewer sees the changes against the version sent back',
  async () => {
    const reviewer = await pageOf('reviewer');
    await openEditView(reviewer, articleId);
    await reviewer.getByLabel('审核意见 Comment').fill('请写明参加人数。');
    await reviewer.getByRole('button', { name: '退回修改 Request changes' }).click();
    await stateBadge(reviewer, '退回修改 Changes requested').waitFor();

    const editor = await pageOf('editor');
    // The Home page: waiting for me, with the reason.
    await editor.goto(`${cms.base}/admin`);
    await expect(editor.getByTestId('waiting-for-me').innerText()).resolves.toMatch(
      /退回给我（初审）：“请写明参加人数。”/,
    );
    // 我的稿件's 退回给我 row says why, and who sent it back at which stage.
    await editor.goto(`${cms.base}/admin/my-items`);
    const sentBackRow = editor.getByTestId('sent-back-row').filter({ hasText: '请写明参加人数。' });
    await expect(sentBackRow.innerText()).resolves.toMatch(
      /“请写明参加人数。”[\s\S]*（初审） · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await openEditView(editor, articleId);
    // The reason first thing in the panel, above the chain and the buttons.
    const reason = editor.getByTestId('sent-back-reason');
    await expect(reason.innerText()).resolves.toMatch(
      /^退回原因 Sent back（初审）\s+“请写明参加人数。”/,
    );
    const [reasonBox, chainBox] = [
      await reason.boundingBox(),
      await editor.getByRole('button', { name: '提交审核 Submit for review' }).boundingBox(),
    ];
    expect((reasonBox?.y ?? Infinity) < (chainBox?.y ?? 0)).toBe(true);
    await editor.locator('input[name="title"]').fill(`${TITLE}，32名队员参加`);
    await saveButton(editor).click();
    await editor.getByTestId('unsaved-hint').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: '提交审核 Submit for review' }).click();
    await stateBadge(editor, '审核中 In review').waitFor();

    await openEditView(reviewer, articleId);
    const diff = reviewer.getByTestId('version-diff');
    await diff.waitFor();
    await expect(diff.getByRole('button', { name: '对比上次送审版本' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(diff.locator('ins').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('32名队员参加')]),
    );
    await expect(diff.locator('del').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('（续）')]),
    );
  },
);

browserTest(
  'a blocked wording is quoted in its sentence with the rule’s note, and submit is refused until it is changed',
  async () => {
    const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
    const created = await api.call(
      tokens.editor,
      'POST',
      `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
      {
        title: '宪法知识竞赛决赛举行',
        body: [
          paragraph('比赛围绕中国人民共和国宪法展开。'),
          paragraph('各支部共产党人员踊跃参加。'),
        ],
        channels: { website: true, wechat: false, screen: false },
      },
    );
    const editor = await pageOf('editor');
    await openEditView(editor, created.data.documentId as string);
    const hits = editor.getByTestId('terminology-hits');
    await hits.waitFor();
    await expect(hits.innerText()).resolves.toMatch(
      /须修改后才能送审[\s\S]*比赛围绕中国人民共和国宪法展开[\s\S]*中华人民共和国[\s\S]*国名错误/,
    );
    // A warned wording is listed after the blocking one, with its suggestion and note; it does not stop the submit.
    await expect(hits.innerText()).resolves.toMatch(
      /国名错误[\s\S]*各支部共产党人员踊跃参加[\s\S]*共产党员[\s\S]*规范称谓/,
    );
    await expect(hits.locator('mark').first().innerText()).resolves.toBe('中国人民共和国');
    // Marked in the rich-text editor itself, as a highlight over the editor's text (its DOM untouched).
    // (Runs in the page: its globals are named through globalThis, the tests compile without the DOM's types.)
    const highlighted = (name: string) =>
      editor.evaluate(
        (highlight) =>
          [
            ...((
              globalThis as unknown as {
                CSS: { highlights: Map<string, Set<{ toString: () => string }>> };
              }
            ).CSS.highlights.get(highlight) ?? []),
          ].map((range) => range.toString()),
        name,
      );
    await expect(
      until(
        () => highlighted('brand-cms-terminology-block'),
        (words) => words.length > 0,
      ),
    ).resolves.toEqual(['中国人民共和国']);
    await expect(highlighted('brand-cms-terminology-warn')).resolves.toEqual(['共产党人员']);
    await expect(editor.locator('[data-slate-editor="true"] mark').count()).resolves.toBe(0);
    await expect(
      editor.getByRole('button', { name: '提交审核 Submit for review' }).isDisabled(),
    ).resolves.toBe(true);
  },
);

browserTest(
  '三审: each stage approves in turn, and the list column and the release calendar show where the item stands',
  async () => {
    const publishAt = new Date(Date.now() + 2 * 86_400_000);
    publishAt.setUTCHours(2, 0, 0, 0);
    // The editor schedules it (a schedule change restarts the review: submitted again).
    await api.call(tokens.editor, 'PUT', workflowUrl(articleId, 'schedule'), {
      publishAt: publishAt.toISOString(),
    });
    await api
      .call(tokens.editor, 'POST', workflowUrl(articleId, 'submit'), {})
      .catch(() => undefined);

    const editor = await pageOf('editor');
    const listCell = async () => {
      await editor.goto(
        `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN`,
      );
      const row = editor.getByRole('row').filter({ hasText: `${TITLE}，32名队员参加` });
      const cell = row.getByTestId('review-state-cell');
      await cell.waitFor();
      return cell.innerText();
    };
    // The calendar opens on this week (Monday to Sunday, Shanghai time): the release may fall in the next.
    const calendarEntry = async () => {
      await editor.goto(`${cms.base}/admin/release-calendar`);
      await editor.getByText(/项定时发布或下线/).waitFor();
      const entry = editor.getByText(`${TITLE}，32名队员参加`).first();
      for (let week = 0; week < 2 && !(await entry.isVisible()); week++) {
        await editor.getByRole('button', { name: '下一周 →' }).click();
        await entry.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await entry.waitFor({ timeout: 5_000 });
      return editor.locator('body').innerText();
    };

    await expect(listCell()).resolves.toMatch(/审核中 · 初审/);
    await expect(calendarEntry()).resolves.toMatch(/审核中，可能误时/);

    const stages: Array<['reviewer' | 'secondReviewer' | 'chiefReviewer', string, RegExp]> = [
      ['reviewer', '初审', /审核中 · 复审/],
      ['secondReviewer', '复审', /审核中 · 终审/],
      ['chiefReviewer', '终审', /已通过[\s\S]*定时发布/],
    ];
    for (const [role, stage, shown] of stages) {
      const reviewer = await pageOf(role);
      // Each stage previews the version it is asked to pass, marked with that stage.
      const preview = await cmsKit.openPreview(reviewer, cms.base, ARTICLE, articleId);
      await expect(preview.getByTestId('preview-version').innerText()).resolves.toBe(
        `待审版本 · ${stage}中 In review at ${stage}`,
      );
      await expect(preview.locator('h1').innerText()).resolves.toBe(`${TITLE}，32名队员参加`);
      await openEditView(reviewer, articleId);
      await reviewer.getByRole('button', { name: /审核通过 Approve/ }).click();
      await reviewer.getByText('审核通过 Approve ✓').first().waitFor();
      await expect(listCell()).resolves.toMatch(shown);
    }
    await expect(calendarEntry()).resolves.toMatch(/已通过，待发布/);
  },
);

browserTest(
  'Open preview shows the version at its stage as the website, WeChat and the display screen, at desktop and mobile widths',
  async () => {
    const title = '车间开展安全生产月活动';
    const created = await api.call(
      tokens.editor,
      'POST',
      `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
      {
        title,
        digest: '各班组围绕安全生产开展隐患排查。',
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: '党员带头排查隐患四十处，全部整改到位。' }],
          },
        ],
        channels: { website: true, wechat: true, screen: true },
      },
    );
    const documentId = created.data.documentId as string;
    await api.call(tokens.editor, 'POST', workflowUrl(documentId, 'submit'), {});

    // In review: the first reviewer sees the draft as sent, at 初审.
    const reviewer = await pageOf('reviewer');
    const preview = await cmsKit.openPreview(reviewer, cms.base, ARTICLE, documentId);
    await expect(preview.getByTestId('preview-version').innerText()).resolves.toMatch(
      /待审版本 · 初审中/,
    );
    await expect(preview.locator('h1').innerText()).resolves.toBe(title);
    await expect(preview.locator('.body').innerText()).resolves.toContain('党员带头排查隐患四十处');

    await preview.getByRole('link', { name: '微信 WeChat' }).click();
    await expect(
      preview.frameLocator('iframe[title="微信预览 WeChat preview"]').locator('h1').innerText(),
    ).resolves.toBe(title);

    await preview.getByRole('link', { name: '大屏 Screen' }).click();
    const screen = preview.frameLocator('iframe[title="大屏预览 Screen preview"]');
    await screen.locator('#featured-title').filter({ hasText: title }).waitFor();
    await expect(screen.locator('.preview-mark').innerText()).resolves.toBe('预览 PREVIEW');

    // Mobile width: Strapi's device choice narrows the frame; the page reflows to it.
    await preview.getByRole('link', { name: '网站 Website' }).click();
    await cmsKit.previewDevice(reviewer, /Mobile/);
    await until(
      async () => (await reviewer.getByTestId('preview-iframe').boundingBox())?.width ?? 0,
      (width) => Math.round(width) === 375,
    );
    await expect(preview.locator('h1').innerText()).resolves.toBe(title);
    await cmsKit.previewDevice(reviewer, /Desktop/);

    // Approved through 三审 and waiting for its time: the editor's preview says so.
    const editor = await pageOf('editor');
    const approved = await cmsKit.openPreview(editor, cms.base, ARTICLE, articleId);
    await expect(approved.getByTestId('preview-version').innerText()).resolves.toMatch(
      /已通过，定时发布/,
    );
  },
);

browserTest(
  'saving an approved item asks first, and its keyboard shortcut does not save it unasked',
  async () => {
    const editor = await pageOf('editor');
    await openEditView(editor, articleId);
    await stateBadge(editor, '已通过 Approved').waitFor();
    await expect(editor.getByTestId('review-state-header').innerText()).resolves.toMatch(
      /^定时发布 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await editor.locator('input[name="title"]').fill(`${TITLE}（改）`);
    await editor.keyboard.press('Control+s');
    await editor.getByText('请点击“保存”按钮确认').first().waitFor();
    await saveButton(editor).click();
    await editor.getByText('保存将重新开始审核 Saving restarts the review').waitFor();
    await editor
      .getByRole('button', { name: /取消|Cancel/ })
      .first()
      .click();
    const status = await api.call(
      tokens.editor,
      'GET',
      workflowUrl(articleId, '').replace(/\/\?/, '?'),
    );
    expect(status.data.reviewState).toBe('approved');
    const saved = await api.call(
      tokens.editor,
      'GET',
      `/content-manager/collection-types/${ARTICLE}/${articleId}?locale=zh-CN`,
    );
    expect(saved.data.title).toBe(`${TITLE}，32名队员参加`);
  },
);

browserTest(
  'times read in ADMIN_TIME_ZONE (Shanghai) in a browser set to New York: header, panel and list',
  async () => {
    // Approved for 02:00 UTC (the 三审 test): 10:00 in Shanghai, 21:00 or 22:00 the day before in New York.
    const status = await api.call(
      tokens.editor,
      'GET',
      workflowUrl(articleId, '').replace(/\/\?/, '?'),
    );
    const publishAt = new Date(status.data.publishAt as string);
    const shanghai = new Date(publishAt.getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    const away = await cmsKit.signIn(
      browser,
      cms.base,
      cms.accounts.editor,
      { width: 1600, height: 1100 },
      'America/New_York',
    );
    await openEditView(away, articleId);
    await expect(away.getByTestId('review-state-header').innerText()).resolves.toBe(
      `定时发布 ${shanghai}`,
    );
    await expect(
      away
        .getByText(`发布 Publish: ${shanghai}`)
        .or(away.locator(`input[type="datetime-local"][value="${shanghai.replace(' ', 'T')}"]`))
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await away.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN`,
    );
    await expect(
      away
        .getByRole('row')
        .filter({ hasText: `${TITLE}，32名队员参加` })
        .getByTestId('review-state-cell')
        .innerText(),
    ).resolves.toContain(`定时发布 ${shanghai}`);
    // Nowhere on these screens an ISO instant.
    await expect(away.locator('body').innerText()).resolves.not.toMatch(
      /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
    );
    await away.close();
  },
);

browserTest(
  'the article list: newest change first, title, 栏目, author, 审核状态, 修改时间 and 发布时间, the review state in view at 1440 px',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 900,
    });
    // No sort in the address: the list's own default.
    await page.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=zh-CN`,
    );
    const headers = page.locator('thead th');
    await until(
      () => headers.allInnerTexts(),
      (texts) => texts.some((text) => text.includes('审核状态')),
    );
    const texts = (await headers.allInnerTexts())
      .map((text) => text.trim())
      .filter((text) => text !== '');
    // Upper-cased by the table's style.
    expect(texts.slice(0, 5).map((text) => text.toUpperCase())).toEqual([
      '标题',
      '审核状态 REVIEW',
      '栏目',
      '作者',
      '修改时间',
    ]);
    expect(texts.map((text) => text.toUpperCase())).toContain('发布时间 RELEASED');
    const reviewHeader = await page
      .locator('thead th')
      .filter({ hasText: '审核状态' })
      .boundingBox();
    expect((reviewHeader?.x ?? Infinity) + (reviewHeader?.width ?? 0)).toBeLessThanOrEqual(1440);
    // Newest change first: the article the editor changed last leads the list.
    const latest = await api.call(
      tokens.editor,
      'GET',
      `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=1&sort=updatedAt:DESC&locale=zh-CN`,
    );
    await expect(page.locator('tbody tr').first().innerText()).resolves.toContain(
      String(latest.results?.[0]?.title),
    );
    await page.close();
  },
);

/**
 * Latin words a person reads on a screen, outside lines that also say it in Chinese (our labels
 * are bilingual: 审核队列 Review queue) and outside the allowed names, units and codes.
 */
const ALLOWED_LATIN =
  /^(Strapi|ID|API|URL|JSON|SEO|PNG|JPG|JPEG|GIF|SVG|WebP|PDF|MP4|KB|MB|GB|px|zh|CN|en|Hans|WeChat|Ctrl|Cmd|Shift|Enter|Tab|Esc|noopener|nofollow|noreferrer|blank|self|parent|top|documentId|slug|Webhook)$/i;
const englishOn = async (page: Page): Promise<string[]> => {
  const lines = (await page.locator('body').innerText()).split('\n');
  const placeholders = await page
    .locator('[placeholder]:visible')
    .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('placeholder') ?? ''));
  return (
    [...lines, ...placeholders]
      .map((line) => line.trim())
      // Lines with Chinese say it in Chinese; e-mail addresses and the English translation's title are data, not words of the panel.
      .filter(
        (line) =>
          line !== '' &&
          !/\p{Script=Han}/u.test(line) &&
          !/^\S+@\S+$/.test(line) &&
          line !== 'Party volunteers guide travellers home',
      )
      .filter((line) =>
        (line.match(/[A-Za-z]{2,}/g) ?? []).some((word: string) => !ALLOWED_LATIN.test(word)),
      )
  );
};

browserTest(
  'no English-only text on the editor’s Home, list and edit view, its block types and relation fields',
  async () => {
    const page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, {
      width: 1440,
      height: 1000,
    });
    await page.goto(`${cms.base}/admin`);
    await page
      .getByTestId('waiting-for-me')
      .or(page.getByText('没有等您处理的稿件。'))
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    const found: Record<string, string[]> = { home: await englishOn(page) };
    await page.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=zh-CN`,
    );
    await page.locator('thead th').filter({ hasText: '审核状态' }).waitFor();
    await page.waitForLoadState('networkidle');
    found.list = await englishOn(page);
    await openEditView(page, articleId);
    await page.waitForLoadState('networkidle');
    found.edit = await englishOn(page);
    // The block types: the rich-text editor's type menu, opened.
    await page.locator('[data-slate-editor="true"]').click();
    await page
      .locator('[role="combobox"]')
      .filter({ hasText: /正文段落|^Text$/ })
      .first()
      .click();
    found.blocks = await englishOn(page);
    await page.keyboard.press('Escape');
    expect(found).toEqual({ home: [], list: [], edit: [], blocks: [] });
    await page.close();
  },
);

browserTest(
  'bulk publish says per item what the workflow would refuse, before anything is published',
  async () => {
    // Editors cannot publish; reviewers can (src/access/admin-roles.ts).
    const editor = await pageOf('reviewer');
    await editor.goto(
      `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN`,
    );
    // The list settles first (its rows and their review states): a list drawn again after the checks would forget them.
    await editor.waitForLoadState('networkidle');
    const check = editor.getByTestId('bulk-publish-check');
    // A list drawn again (its permissions or rows read anew) drops the selection and the open
    // dialog with it: select and ask again, as a person would.
    for (let attempt = 1; ; attempt += 1) {
      for (const title of [`${TITLE}，32名队员参加`, '宪法知识竞赛决赛举行']) {
        await editor.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
      }
      // Both selected before the bulk action reads the selection.
      await editor
        .getByText(/^(2 (entries selected|条)|选择了 2\s*条)/)
        .first()
        .waitFor();
      await editor
        .getByRole('button', { name: /^(发布|Publish)$/ })
        .first()
        .click();
      const shown = await check.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (attempt === 3)
        throw new Error(
          `No publish check after ${attempt} tries; the page says: ${(await editor.locator('body').innerText()).slice(0, 2000)}`,
        );
      await editor.keyboard.press('Escape');
    }
    const rows = check.getByTestId('bulk-publish-row');
    await until(
      () => rows.count(),
      (count) => count === 2,
    );
    await expect(rows.filter({ hasText: '不能发布 Refused' }).count()).resolves.toBe(2);
    await expect(
      editor.getByRole('button', { name: /发布可发布的 0 项/ }).isDisabled(),
    ).resolves.toBe(true);
    await editor.getByRole('button', { name: '取消 Cancel' }).click();
  },
);

browserTest(
  'the display page brings a newly published item up at once, labelled with its 栏目',
  async () => {
    const screen = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await screen.goto(`${cms.base}/screen/index.html?token=${cms.screenToken}`);
    await screen.locator('#featured-title').filter({ hasText: /.+/ }).waitFor();
    const title = '检修车间党支部开展“党员先锋岗”评比';
    const categories = await api.call(
      tokens.editor,
      'GET',
      `/content-manager/collection-types/api::category.category?page=1&pageSize=1&status=published`,
    );
    const category = categories.results?.[0] as { id: number; documentId: string; name: string };
    const created = await api.call(
      tokens.editor,
      'POST',
      `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
      {
        title,
        category: { connect: [{ documentId: category.documentId }] },
        digest: '评比结果在车间大屏公布。',
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: '车间党支部评出十名党员先锋岗。' }],
          },
        ],
        channels: { website: true, wechat: false, screen: true },
      },
    );
    const documentId = created.data.documentId as string;
    await api.call(tokens.editor, 'POST', workflowUrl(documentId, 'submit'), {});
    for (const role of ['reviewer', 'secondReviewer', 'chiefReviewer'])
      await api.call(tokens[role], 'POST', workflowUrl(documentId, 'approve'), {});
    // Released by the last approval: the screen hears of it and shows it first, without waiting for its turn.
    await screen.locator('#featured-title').filter({ hasText: title }).waitFor({ timeout: 15_000 });
    // Labelled with its 栏目, not a fixed word.
    await expect(screen.locator('#featured-kind').innerText()).resolves.toBe(category.name);
    await screen.close();
  },
);
