import type { Browser, Locator, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';

/**
 * Bulk review actions in the list, the greyed Publish's reason, the reviewers' queue, a first
 * read, and 通过/退回 in the preview frame: in the real admin panel, headless Chromium, as the
 * demo accounts (the built CMS on a fresh SQLite database, scripts/browser/cms.js).
 */
const ARTICLE = 'api::article.article';
jest.setTimeout(180_000);

type Role = 'editor' | 'reviewer' | 'secondReviewer' | 'chiefReviewer';
let cms: Cms;
let browser: Browser;
let api: ReturnType<typeof cmsKit.adminApi>;
const tokens: Partial<Record<Role, string>> = {};
const pages: Partial<Record<Role, Page>> = {};

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 6,
    name: 'review-day-test',
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

const pageOf = async (role: Role): Promise<Page> => {
  pages[role] ??= await cmsKit.signIn(browser, cms.base, cms.accounts[role], {
    width: 1600,
    height: 1100,
  });
  return pages[role];
};
const call = (role: Role, method: string, url: string, body?: unknown) =>
  api.call(tokens[role] ?? null, method, url, body);
const workflowUrl = (documentId: string, action = '') =>
  `/workflow/documents/${ARTICLE}/${documentId}${action ? `/${action}` : ''}?locale=zh-CN`;
const statusOf = async (documentId: string, role: Role = 'editor') =>
  (await call(role, 'GET', workflowUrl(documentId))).data;

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

const draft = async (title: string): Promise<string> => {
  const created = await call(
    'editor',
    'POST',
    `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
    {
      title,
      digest: `${title}的摘要。`,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: `${title}，党员带头完成任务。` }] },
      ],
      channels: { website: true, wechat: false, screen: false },
    },
  );
  return created.data.documentId as string;
};

const openList = async (page: Page) => {
  await page.goto(
    `${cms.base}/admin/content-manager/collection-types/${ARTICLE}?page=1&pageSize=20&sort=updatedAt:DESC&plugins[i18n][locale]=zh-CN`,
  );
  await page.locator('thead th').filter({ hasText: '审核状态' }).waitFor();
  await page.waitForLoadState('networkidle');
};

/** Selects the rows of these titles and opens the bulk action `label`'s dialog (again if the list redraws under it). */
const bulk = async (page: Page, titles: string[], label: string) => {
  for (let attempt = 1; ; attempt += 1) {
    for (const title of titles)
      await page.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
    const action = page.getByRole('button', { name: label, exact: true });
    if (
      !(await action.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      const text = await page.locator('body').innerText();
      throw new Error(
        `No ${label} among the bulk actions; the page says: ${text.slice(text.indexOf('选择了'), text.indexOf('选择了') + 600)}`,
      );
    }
    await action.click();
    const dialog = page.getByRole('dialog');
    if (
      await dialog.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    )
      return dialog;
    if (attempt === 3) throw new Error(`No ${label} dialog after ${attempt} tries`);
    await page.keyboard.press('Escape');
  }
};
/** 完成 reloads the list (it shows the new states on its next read): the next step waits for that load. */
const done = async (page: Page, dialog: Locator) => {
  await Promise.all([
    page.waitForEvent('load'),
    dialog.getByRole('button', { name: '完成' }).click(),
  ]);
};
const outcomes = async (page: Page) => {
  const rows = page.getByTestId('bulk-review-row');
  await rows.first().waitFor();
  return rows.allInnerTexts();
};

browserTest(
  'the editor sends two drafts to review, then schedules two others, from the list in one go each',
  async () => {
    const submitted = ['批量送审的第一篇稿件', '批量送审的第二篇稿件'];
    const scheduled = ['批量定时的第一篇稿件', '批量定时的第二篇稿件'];
    const ids = Object.fromEntries(
      await Promise.all(
        [...submitted, ...scheduled].map(async (title) => [title, await draft(title)] as const),
      ),
    );
    const editor = await pageOf('editor');
    await openList(editor);
    // Reviewers' bulk actions are not the editor's.
    await editor.getByRole('row').filter({ hasText: submitted[0] }).getByRole('checkbox').check();
    await expect(
      editor.getByRole('button', { name: '批量通过', exact: true }).count(),
    ).resolves.toBe(0);
    await editor.getByRole('row').filter({ hasText: submitted[0] }).getByRole('checkbox').uncheck();

    let dialog = await bulk(editor, submitted, '批量送审');
    await dialog.getByRole('button', { name: /^批量送审 2 项$/ }).click();
    await expect(outcomes(editor)).resolves.toEqual(
      submitted.map((title) => expect.stringMatching(new RegExp(`${title}\\s+已送审`))),
    );
    for (const title of submitted)
      await expect(statusOf(ids[title])).resolves.toMatchObject({
        reviewState: 'in_review',
        stageIndex: 0,
      });
    await done(editor, dialog);

    // A time typed in the configured zone (Shanghai): 3 days ahead, 09:30.
    const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await openList(editor);
    dialog = await bulk(editor, scheduled, '批量定时');
    await dialog.locator('input[type="datetime-local"]').fill(`${day}T09:30`);
    await dialog.getByRole('button', { name: /^批量定时 2 项$/ }).click();
    await expect(outcomes(editor)).resolves.toEqual(
      scheduled.map((title) => expect.stringMatching(new RegExp(`${title}\\s+已定时`))),
    );
    for (const title of scheduled)
      expect((await statusOf(ids[title])).publishAt).toBe(
        new Date(`${day}T01:30:00.000Z`).toISOString(),
      );
  },
);

browserTest(
  'a greyed 发布 says why: to the editor that publishing is the reviewers’, to a reviewer what the workflow still waits for',
  async () => {
    const documentId = await draft('发布按钮说明原因');
    const editor = await pageOf('editor');
    await editor.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    const publish = (page: Page) => page.getByRole('button', { name: /^(发布|Publish)$/ }).first();
    await until(
      () => publish(editor).getAttribute('title'),
      (title) => title !== null,
    );
    await expect(publish(editor).isDisabled()).resolves.toBe(true);
    await expect(publish(editor).getAttribute('title')).resolves.toBe(
      '发布由审核员在审核通过后进行',
    );

    await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});
    const reviewer = await pageOf('reviewer');
    await reviewer.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    const why = (await statusOf(documentId, 'reviewer')).whyNot as Record<string, string>;
    expect(why.publish).toBeTruthy();
    await until(
      () => publish(reviewer).getAttribute('title'),
      (title) => title === why.publish,
    );
    await expect(publish(reviewer).isDisabled()).resolves.toBe(true);
  },
);

browserTest(
  'the queue names the submitter, since when each item waits, its stage, and a release time at risk',
  async () => {
    const title = '明早发布的安全简报';
    const documentId = await draft(title);
    await call('editor', 'PUT', workflowUrl(documentId, 'schedule'), {
      publishAt: new Date(Date.now() + 5 * 3_600_000).toISOString(),
    });
    await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});
    const me = (await call('editor', 'GET', '/admin/users/me')).data as { lastname: string };
    const reviewer = await pageOf('reviewer');
    await reviewer.goto(`${cms.base}/admin/review-queue`);
    const row = reviewer.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(me.lastname);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('初审（1/3）');
    await expect(row.getByTestId('queue-schedule').innerText()).resolves.toContain('24 小时内发布');
    const headers = (await reviewer.locator('thead th').allInnerTexts()).map((header) =>
      header.toUpperCase(),
    );
    expect(headers).toEqual(
      expect.arrayContaining(['送审人 SUBMITTER', '等待自 WAITING SINCE', '环节 STAGE']),
    );
  },
);

browserTest(
  'a reviewer’s first opening shows the whole text, the diff one click away; the next opening shows the changes',
  async () => {
    const title = '首次审阅先读全文';
    const documentId = await draft(title);
    // Sent back once and resubmitted: 初审 reads the new cycle first, with the version sent back to compare.
    await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});
    await call('secondReviewer', 'POST', workflowUrl(documentId, 'request-changes'), {
      comment: '请补充数字。',
    }).catch(() => undefined);
    await call('reviewer', 'POST', workflowUrl(documentId, 'request-changes'), {
      comment: '请补充数字。',
    }).catch(() => undefined);
    await call(
      'editor',
      'PUT',
      `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=zh-CN`,
      { title: `${title}（补充）` },
    );
    await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});
    expect(await statusOf(documentId)).toMatchObject({
      reviewState: 'in_review',
      stageIndex: 0,
      cycle: 2,
    });
    const reviewer = await pageOf('secondReviewer');
    await reviewer.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    await reviewer.getByTestId('first-read').waitFor();
    await expect(reviewer.getByText('全文 Full text').isVisible()).resolves.toBe(true);
    await expect(reviewer.getByTestId('version-diff').innerText()).resolves.toContain(
      `${title}，党员带头完成任务。`,
    );
    // The diff, one click away.
    const compare = reviewer
      .getByTestId('version-diff')
      .getByRole('button', { name: /^对比上次送审版本$/ });
    await compare.click();
    await reviewer.getByText('变更 Changes').waitFor();
    // Opened again: it has been read at this stage.
    await reviewer.reload();
    await reviewer.getByTestId('version-diff').waitFor();
    await expect(reviewer.getByTestId('first-read').count()).resolves.toBe(0);
  },
);

browserTest(
  'the preview frame offers 通过 to the reviewer of the current stage and 退回 with a reason; not to others',
  async () => {
    const documentId = await draft('在预览中审核的稿件');
    await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});

    // The chief reviewer's stage is not now: no buttons.
    const chief = await pageOf('chiefReviewer');
    await cmsKit.openPreview(chief, cms.base, ARTICLE, documentId);
    await chief.waitForLoadState('networkidle');
    await expect(chief.getByTestId('preview-review').count()).resolves.toBe(0);

    const reviewer = await pageOf('reviewer');
    await cmsKit.openPreview(reviewer, cms.base, ARTICLE, documentId);
    await reviewer.getByTestId('preview-review').getByRole('button', { name: '通过' }).click();
    await reviewer.getByText('审核通过 ✓').first().waitFor();
    await expect(statusOf(documentId)).resolves.toMatchObject({
      reviewState: 'in_review',
      stageIndex: 1,
    });
    // Passed at 初审: no second approval of the same version by the same person.
    await until(
      () => reviewer.getByTestId('preview-review').getByRole('button', { name: '通过' }).count(),
      (count) => count === 0,
    );

    const second = await pageOf('secondReviewer');
    await cmsKit.openPreview(second, cms.base, ARTICLE, documentId);
    await second.getByTestId('preview-review').getByRole('button', { name: '退回' }).click();
    const dialog = second.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '确认退回' }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('退回意见').fill('请补充活动照片。');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await second.getByText('已退回修改 ✓').first().waitFor();
    await expect(statusOf(documentId)).resolves.toMatchObject({ reviewState: 'changes_requested' });
    const history = (await call(
      'editor',
      'GET',
      workflowUrl(documentId, 'history'),
    )) as unknown as { data: Array<{ action: string; comment: string | null }> };
    expect(history.data.at(-1)).toMatchObject({
      action: 'request_changes',
      comment: '请补充活动照片。',
    });
  },
);

browserTest(
  'bulk approve passes what the reviewer opened and refuses the rest with that reason; bulk send-back sends one comment to each',
  async () => {
    const read = '已读的待审稿件';
    const unread = '未读的待审稿件';
    const ids = { [read]: await draft(read), [unread]: await draft(unread) };
    for (const documentId of Object.values(ids))
      await call('editor', 'POST', workflowUrl(documentId, 'submit'), {});
    const reviewer = await pageOf('reviewer');
    await reviewer.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, ids[read])}`);
    await reviewer.getByTestId('version-diff').waitFor();

    await openList(reviewer);
    let dialog = await bulk(reviewer, [read, unread], '批量通过');
    await dialog.getByRole('button', { name: /^批量通过 2 项$/ }).click();
    const answered = await outcomes(reviewer);
    expect(answered.find((row) => row.includes(read))).toMatch(/已通过/);
    expect(answered.find((row) => row.includes(unread))).toMatch(
      /未能通过[\s\S]*尚未在本审核阶段打开阅读/,
    );
    await expect(statusOf(ids[read])).resolves.toMatchObject({ stageIndex: 1 });
    await expect(statusOf(ids[unread])).resolves.toMatchObject({ stageIndex: 0 });
    await done(reviewer, dialog);

    await openList(reviewer);
    dialog = await bulk(reviewer, [unread], '批量退回');
    await expect(
      dialog.getByRole('button', { name: /^批量退回 1 项$/ }).isDisabled(),
    ).resolves.toBe(true);
    await dialog.getByLabel('退回意见').fill('标题请再精炼。');
    await dialog.getByRole('button', { name: /^批量退回 1 项$/ }).click();
    await expect(outcomes(reviewer)).resolves.toEqual([expect.stringMatching(/已退回/)]);
    await expect(statusOf(ids[unread])).resolves.toMatchObject({
      reviewState: 'changes_requested',
    });
  },
);
