#!/usr/bin/env node
// Screenshots of the review workflow in the real admin panel, for docs/. Not part of CI.
// Starts the built CMS on a throwaway SQLite database with the demo content, signs in as the
// editor and as a reviewer in headless Chromium, and captures what each of them sees.
// Needs `npm run build` first (npm run screenshots does it) and Debian's chromium.
const fs = require('fs');
const path = require('path');
const {
  adminApi,
  editViewPath,
  launchBrowser,
  missingAdminBuild,
  missingBrowser,
  openPreview,
  previewDevice,
  root,
  signIn: signInAt,
  startCms,
} = require('./browser/cms');

const port = Number(process.env.SCREENSHOT_PORT || 1339);
let base;
let api;
let login;
const signIn = (browser, account) =>
  signInAt(browser, base, account, { width: 1440, height: 1500 });

/** `url` null: the page as it is. `waitForText`: a text, or alternatives separated by `|`. */
const capture = async (page, url, file, waitForText) => {
  if (url !== null) await page.goto(`${base}${url}`);
  await page
    .getByText(waitForText.includes('|') ? new RegExp(waitForText) : waitForText)
    .first()
    .waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape'); // dismiss any onboarding pop-over
  // Strapi's own "what's new" banner is not part of what we document.
  const banner = page.getByRole('button', { name: /close/i }).first();
  if (await banner.isVisible().catch(() => false)) await banner.click().catch(() => undefined);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(root, 'docs', file), fullPage: false });
  console.log(`docs/${file}`);
};

const editView = (documentId) => editViewPath('api::article.article', documentId);

const main = async () => {
  const missing = missingBrowser() ?? missingAdminBuild();
  if (missing) throw new Error(`No screenshots: ${missing}`);
  fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
  // The screen shows the staff rankings (opt-in), so its screenshot shows where they go.
  const cms = await startCms({
    port,
    name: 'screenshots',
    extraEnv: { PARTICIPATION_RANKINGS_ON_SCREENS: 'true' },
  });
  ({ base } = cms);
  const { accounts, screenToken, server } = cms;
  ({ call: api, login } = adminApi(base));
  const browser = await launchBrowser();
  try {
    // The editor's fresh draft, with a wording the terminology rules warn about.
    const editorToken = await login(accounts.editor);
    const created = await api(
      editorToken,
      'POST',
      '/content-manager/collection-types/api::article.article?locale=zh-CN',
      {
        title: '动车组党员服务队走进候车室',
        slug: 'service-team-in-waiting-hall',
        digest: '春运期间，党员服务队在候车室设立服务台，为旅客提供咨询和帮扶。',
        body: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'text',
                text: '党员服务队把“党建+”服务延伸到候车室，帮助老人和带小孩的旅客进站乘车。',
              },
            ],
          },
        ],
        channels: { website: true, wechat: true, screen: true },
      },
    );
    const draftId = created.data.documentId;
    await api(
      editorToken,
      'PUT',
      `/workflow/documents/api::article.article/${draftId}/schedule?locale=zh-CN`,
      {
        publishAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
      },
    );

    const editorPage = await signIn(browser, accounts.editor);
    await capture(
      editorPage,
      editView(draftId),
      'workflow-editor.png',
      '提交审核 Submit for review',
    );

    // Submitted: the reviewer sees it in the queue, with the terminology warning.
    await api(
      editorToken,
      'POST',
      `/workflow/documents/api::article.article/${draftId}/submit?locale=zh-CN`,
      { comment: '请审核，已核对服务时间。' },
    );
    const reviewerPage = await signIn(browser, accounts.reviewer);
    await capture(
      reviewerPage,
      '/admin/review-queue',
      'workflow-review-queue.png',
      created.data.title,
    );
    await capture(reviewerPage, editView(draftId), 'workflow-reviewer.png', '审核通过 Approve');

    // Sent back, edited and resubmitted: the reviewer's diff against the version sent back.
    const reviewerToken = await login(accounts.reviewer);
    const paragraph = (text) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
    const sentBack = await api(
      editorToken,
      'POST',
      '/content-manager/collection-types/api::article.article?locale=zh-CN',
      {
        title: '车间党支部开展主题党日活动',
        body: [paragraph('支部党员学习党的二十大精神，交流岗位建功体会。')],
        channels: { website: true, wechat: false, screen: true },
      },
    );
    const sentBackId = sentBack.data.documentId;
    await api(
      editorToken,
      'POST',
      `/workflow/documents/api::article.article/${sentBackId}/submit?locale=zh-CN`,
      {},
    );
    await api(
      reviewerToken,
      'POST',
      `/workflow/documents/api::article.article/${sentBackId}/request-changes?locale=zh-CN`,
      { comment: '请补充学习形式和参加人数。' },
    );
    await api(
      editorToken,
      'PUT',
      `/content-manager/collection-types/api::article.article/${sentBackId}?locale=zh-CN`,
      {
        title: '车间党支部开展主题党日暨微党课活动',
        body: [
          paragraph('支部32名党员集中学习党的二十大精神，交流岗位建功体会。'),
          paragraph('青年党员讲授微党课《安全就是生命线》。'),
        ],
        channels: { website: true, wechat: true, screen: true },
      },
    );
    await api(
      editorToken,
      'PUT',
      `/workflow/documents/api::article.article/${sentBackId}/schedule?locale=zh-CN`,
      { publishAt: new Date(Date.now() + 3 * 3600_000).toISOString() },
    );
    await api(
      editorToken,
      'POST',
      `/workflow/documents/api::article.article/${sentBackId}/submit?locale=zh-CN`,
      { comment: '已补充。' },
    );
    await capture(reviewerPage, editView(sentBackId), 'workflow-diff.png', '对比上次送审版本');

    // A blocked wording: the editor's panel quotes it in its sentence with the rule's note.
    const blocked = await api(
      editorToken,
      'POST',
      '/content-manager/collection-types/api::article.article?locale=zh-CN',
      {
        title: '学习宪法知识竞赛圆满结束',
        body: [paragraph('竞赛围绕中国人民共和国宪法展开，共有十二支代表队参加。')],
        channels: { website: true, wechat: false, screen: false },
      },
    );
    await capture(
      editorPage,
      editView(blocked.data.documentId),
      'workflow-terminology.png',
      '国名错误',
    );

    // The list with its review-state column, and the release calendar of this week.
    const wide = await signIn(browser, accounts.editor);
    await wide.setViewportSize({ width: 1920, height: 1000 });
    await capture(
      wide,
      '/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN',
      'workflow-list.png',
      '审核状态 Review',
    );
    await capture(
      wide,
      '/admin/release-calendar',
      'release-calendar.png',
      '发布日历 Release calendar',
    );

    // The English version opened for the first time: prefilled from the Chinese one.
    await capture(
      editorPage,
      editViewPath('api::article.article', sentBackId, 'en'),
      'translation-prefilled.png',
      '已按 zh-CN 版本预填',
    );

    // The sent-back article through 三审 (scheduled: it waits), then 我的稿件 and the queue's waiting tab.
    for (const account of [accounts.reviewer, accounts.secondReviewer, accounts.chiefReviewer]) {
      await api(
        await login(account),
        'POST',
        `/workflow/documents/api::article.article/${sentBackId}/approve?locale=zh-CN`,
        {},
      );
    }
    await capture(wide, '/admin/my-items', 'my-items.png', '我的稿件 My items');
    await reviewerPage.setViewportSize({ width: 1440, height: 900 });
    await reviewerPage.goto(`${base}/admin/review-queue`);
    await reviewerPage.getByRole('tab', { name: /已通过待发布/ }).click();
    await capture(reviewerPage, null, 'review-queue-waiting.png', '待手动发布|定时|通过时间');

    // Bulk publish as a reviewer: each selected item with what the workflow would do.
    await reviewerPage.goto(
      `${base}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN`,
    );
    for (const title of ['车间党支部开展主题党日暨微党课活动', '学习宪法知识竞赛圆满结束'])
      await reviewerPage.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
    await reviewerPage
      .getByText(/^(2 (entries selected|条)|选择了 2\s*条)/)
      .first()
      .waitFor();
    await reviewerPage
      .getByRole('button', { name: /^(发布|Publish)$/ })
      .first()
      .click();
    await reviewerPage.getByTestId('bulk-publish-row').first().waitFor({ timeout: 60_000 });
    await reviewerPage.waitForTimeout(500);
    await reviewerPage
      .getByRole('dialog')
      .screenshot({ path: path.join(root, 'docs', 'bulk-publish-check.png') });
    console.log('docs/bulk-publish-check.png');
    await reviewerPage.keyboard.press('Escape');
    await reviewerPage.setViewportSize({ width: 1440, height: 1500 });

    // The WeChat preview of a published demo article targeted at WeChat.
    const [wechatArticle] = (
      await api(
        reviewerToken,
        'GET',
        '/content-manager/collection-types/api::article.article?filters[slug][$eq]=my-view-of-four-firsts&locale=zh-CN',
      )
    ).results;
    await reviewerPage.goto(`${base}${editView(wechatArticle.documentId)}`);
    await reviewerPage.getByRole('button', { name: /微信预览 Preview/ }).click();
    await reviewerPage
      .frameLocator('iframe[title="WeChat preview"]')
      .locator('h1')
      .waitFor({ timeout: 60_000 });
    await reviewerPage.waitForTimeout(800);
    await reviewerPage
      .getByRole('dialog')
      .screenshot({ path: path.join(root, 'docs', 'wechat-preview.png') });
    console.log('docs/wechat-preview.png');

    // Open preview of the article in review (初审), as the website at desktop and mobile widths,
    // as the WeChat article and on the display screen.
    await reviewerPage.setViewportSize({ width: 1440, height: 1000 });
    const preview = await openPreview(reviewerPage, base, 'api::article.article', draftId);
    const previewShot = async (file) => {
      await reviewerPage.waitForTimeout(1200);
      await reviewerPage.screenshot({ path: path.join(root, 'docs', file) });
      console.log(`docs/${file}`);
    };
    await preview.locator('h1').waitFor();
    await previewShot('preview-website.png');
    await previewDevice(reviewerPage, /Mobile/);
    await previewShot('preview-mobile.png');
    await previewDevice(reviewerPage, /Desktop/);
    await preview.getByRole('link', { name: '微信 WeChat' }).click();
    await preview.frameLocator('iframe[title="微信预览 WeChat preview"]').locator('h1').waitFor();
    await previewShot('preview-wechat.png');
    await preview.getByRole('link', { name: '大屏 Screen' }).click();
    await preview
      .frameLocator('iframe[title="大屏预览 Screen preview"]')
      .locator('#featured-title')
      .filter({ hasText: /.+/ })
      .waitFor({ timeout: 60_000 });
    await previewShot('preview-screen.png');
    await reviewerPage.setViewportSize({ width: 1440, height: 1500 });

    // Opening an article's edit view, with the workflow's panels and buttons and without them
    // (a browser-local switch in src/admin/app.tsx): full page loads, the median of seven each.
    const openingMs = async (withoutWorkflow) => {
      const page = await signIn(browser, accounts.editor);
      if (withoutWorkflow)
        await page.evaluate(() =>
          window.localStorage.setItem('brand-cms-measure-without-workflow', 'true'),
        );
      const times = [];
      for (let round = 0; round < 8; round++) {
        await page.goto(`${base}/admin`);
        await page
          .getByText(/内容管理|Content Manager/)
          .first()
          .waitFor({ timeout: 60_000 });
        const started = Date.now();
        await page.goto(`${base}${editView(wechatArticle.documentId)}`);
        // Open: the form filled and the side panel shown (Strapi's own Save button, and with the
        // workflow the review state in its panel, which Strapi mounts in the same pass).
        await page.waitForFunction(
          () => document.querySelector('input[name="title"]')?.value.length > 0,
          undefined,
          { timeout: 60_000 },
        );
        await page
          .getByRole('button', { name: /^(保存|Save)$/ })
          .first()
          .waitFor({ timeout: 60_000 });
        if (!withoutWorkflow)
          await page
            .getByText('已发布 Published', { exact: true })
            .first()
            .waitFor({ timeout: 60_000 });
        if (round > 0) times.push(Date.now() - started); // the first load fills the browser's cache
      }
      await page.close();
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    };
    const without = await openingMs(true);
    const withPanels = await openingMs(false);
    console.log(
      `Edit view opening (median of 7 full loads): ${withPanels} ms with the workflow's panels (form filled, side panel with the review state shown), ${without} ms without them (form filled, side panel shown): ${withPanels - without >= 0 ? '+' : ''}${withPanels - without} ms; the budget is +300 ms.`,
    );

    // The editors' 投稿箱 and the rankings, in the admin panel.
    await capture(
      editorPage,
      '/admin/contributions',
      'participation-inbox.png',
      '调车组里的“四争先”擂台',
    );
    await capture(editorPage, '/admin/rankings', 'participation-rankings.png', '周立新');

    // The staff page on a phone: the contribution form, then my contributions in their states.
    const staffPage = await browser.newPage({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      deviceScaleFactor: 2,
    });
    await staffPage.goto(`${base}/participate/`);
    await staffPage.getByLabel('工号', { exact: true }).fill('JW1001');
    await staffPage.getByLabel('密码', { exact: true }).fill(accounts.staff[1]);
    await staffPage.getByRole('button', { name: '登录' }).click();
    await staffPage.locator('#me-name').filter({ hasText: /.+/ }).waitFor({ timeout: 60_000 });
    await staffPage.locator('#contribution-form').getByLabel('标题').fill('检修库里的一堂安全课');
    await staffPage
      .locator('#contribution-form')
      .getByLabel('正文')
      .fill('班前会上，党员师傅用一块旧闸瓦讲起了安全。');
    await staffPage.waitForTimeout(500);
    await staffPage.screenshot({ path: path.join(root, 'docs', 'participate-submit.png') });
    console.log('docs/participate-submit.png');
    await staffPage.getByRole('tab', { name: '我的投稿' }).click();
    await staffPage.locator('li.contribution').first().waitFor();
    await staffPage.waitForTimeout(500);
    await staffPage.screenshot({ path: path.join(root, 'docs', 'participate-mine.png') });
    console.log('docs/participate-mine.png');

    // The display screen at its native 1920×1080, then the same screen after the CMS went away.
    const screen = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await screen.goto(`${base}/screen/index.html?token=${screenToken}`);
    await screen.locator('#featured-title').filter({ hasText: /.+/ }).waitFor({ timeout: 60_000 });
    await screen.waitForTimeout(1500);
    await screen.screenshot({ path: path.join(root, 'docs', 'screen-display.png') });
    console.log('docs/screen-display.png');
    server.kill('SIGTERM');
    await screen.locator('#offline').waitFor({ state: 'visible', timeout: 60_000 });
    await screen.screenshot({
      path: path.join(root, 'docs', 'screen-display-offline.png'),
      clip: { x: 1420, y: 880, width: 500, height: 200 },
    });
    console.log('docs/screen-display-offline.png');
  } finally {
    await browser.close();
    await cms.stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
