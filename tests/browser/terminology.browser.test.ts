import type { Browser, Locator, Page } from 'playwright-core';
import { browserMissing, browserTest, cmsKit, type Cms } from './browser-kit';

/**
 * The terminology hits as the demo editor works with them in the real admin panel (headless
 * Chromium, the built CMS on a fresh SQLite database): a hit's place jumps to its words and
 * selects them, 一键替换 puts the suggestion in the form and a save keeps it, and the hits of
 * plain-text fields are marked right under the field.
 */
const ARTICLE = 'api::article.article';
jest.setTimeout(180_000);

let cms: Cms;
let browser: Browser;
let api: ReturnType<typeof cmsKit.adminApi>;
let editorToken: string;
let page: Page;
let documentId: string;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const SUBTITLE = '座谈香港政府来访事宜';
const DIGEST = '支部学习全面从紧治党要求，交流心得。';
const BODY = ['第一段：主题党日活动照常举行。', '各支部认真布署学习任务，按期完成。'];

beforeAll(async () => {
  if (browserMissing) return;
  cms = await cmsKit.startCms({
    port: Number(process.env.BROWSER_TEST_PORT ?? 1341) + 3,
    name: 'browser-terminology',
  });
  api = cmsKit.adminApi(cms.base);
  browser = await cmsKit.launchBrowser();
  editorToken = await api.login(cms.accounts.editor);
  const created = await api.call(
    editorToken,
    'POST',
    `/content-manager/collection-types/${ARTICLE}?locale=zh-CN`,
    {
      title: '支部书记座谈会召开',
      subtitle: SUBTITLE,
      digest: DIGEST,
      body: BODY.map(paragraph),
      channels: { website: true, wechat: false, screen: false },
    },
  );
  documentId = created.data.documentId as string;
  page = await cmsKit.signIn(browser, cms.base, cms.accounts.editor, { width: 1600, height: 1100 });
  await page.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
  await page.getByTestId('terminology-hits').waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** Reads `read` until `done` holds of what it gave. */
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

/** The panel's entry of the hit at `place`. */
const hitAt = (place: string): Locator =>
  page
    .getByTestId('terminology-hit')
    .filter({ has: page.getByTestId('terminology-jump').filter({ hasText: place }) });

// Run in the page: its globals are named through globalThis, the tests compile without the DOM's types.
type PageSelection = { text: string; inEditor: boolean };
const domSelection = () =>
  page.evaluate((): PageSelection => {
    const { document: doc, getSelection } = globalThis as unknown as {
      document: { activeElement: { closest: (selector: string) => unknown } | null };
      getSelection: () => {
        toString: () => string;
        anchorNode: { parentElement: { closest: (selector: string) => unknown } | null } | null;
      } | null;
    };
    const selection = getSelection();
    return {
      text: selection?.toString() ?? '',
      inEditor:
        Boolean(selection?.anchorNode?.parentElement?.closest('[data-slate-editor="true"]')) &&
        Boolean(doc.activeElement?.closest('[data-slate-editor="true"]')),
    };
  });
const inputSelection = (selector: string) =>
  page
    .locator(selector)
    .evaluate(
      (input: { value: string; selectionStart: number | null; selectionEnd: number | null }) => ({
        selected: input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
        focused:
          (globalThis as unknown as { document: { activeElement: unknown } }).document
            .activeElement === input,
      }),
    );

browserTest(
  'clicking a hit’s place selects its words: in the rich-text body, and in a plain-text field',
  async () => {
    await expect(page.getByTestId('terminology-jump').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['正文 第2段', '摘要', '副标题']),
    );
    await hitAt('正文 第2段').getByTestId('terminology-jump').click();
    await expect(until(domSelection, (selection) => selection.text !== '')).resolves.toEqual({
      text: '布署',
      inEditor: true,
    });

    await hitAt('摘要').getByTestId('terminology-jump').click();
    await expect(
      until(
        () => inputSelection('textarea[name="digest"]'),
        (found) => found.focused,
      ),
    ).resolves.toEqual({ selected: '全面从紧治党', focused: true });
    await hitAt('副标题').getByTestId('terminology-jump').click();
    await expect(
      until(
        () => inputSelection('input[name="subtitle"]'),
        (found) => found.focused,
      ),
    ).resolves.toEqual({ selected: '香港政府', focused: true });
  },
);

browserTest(
  'the hits of plain-text fields are marked right under the field, the matched words highlighted',
  async () => {
    const digestMarks = page.locator(
      '[data-testid="terminology-field-marks"][data-field="digest"]',
    );
    await digestMarks.waitFor();
    await expect(digestMarks.locator('mark').allInnerTexts()).resolves.toEqual(['全面从紧治党']);
    await expect(digestMarks.locator('mark').getAttribute('data-severity')).resolves.toBe('block');
    await expect(digestMarks.innerText()).resolves.toContain(DIGEST);
    const subtitleMarks = page.locator(
      '[data-testid="terminology-field-marks"][data-field="subtitle"]',
    );
    await expect(subtitleMarks.locator('mark').allInnerTexts()).resolves.toEqual(['香港政府']);
    await expect(subtitleMarks.locator('mark').getAttribute('data-severity')).resolves.toBe('warn');
    // Under its own field: the marks sit in the element that holds the field's input, below it.
    const placed = await digestMarks.evaluate(
      (marks: {
        parentElement: {
          parentElement: {
            querySelector: (
              selector: string,
            ) => { compareDocumentPosition: (other: unknown) => number } | null;
          } | null;
        } | null;
      }) => {
        const input = marks.parentElement?.parentElement?.querySelector('textarea[name="digest"]');
        return input ? (input.compareDocumentPosition(marks) & 4) !== 0 : false;
      },
    );
    expect(placed).toBe(true);
    const box = await digestMarks.boundingBox();
    const field = await page.locator('textarea[name="digest"]').boundingBox();
    expect(
      box && field && box.y >= field.y + field.height - 1 && box.y - (field.y + field.height) < 80,
    ).toBe(true);
    // No mark for fields without a hit, nor for the rich-text body (highlighted in the editor instead).
    await expect(page.locator('[data-testid="terminology-field-marks"]').count()).resolves.toBe(2);
  },
);

browserTest(
  '一键替换 puts the suggestion in the editor; the save keeps it and the hits are gone',
  async () => {
    await hitAt('正文 第2段').getByRole('button', { name: '一键替换' }).click();
    await until(
      () => page.locator('[data-slate-editor="true"]').innerText(),
      (text) => text.includes('各支部认真部署学习任务'),
    );
    await expect(hitAt('正文 第2段').getByTestId('terminology-replaced').innerText()).resolves.toBe(
      '已替换，保存后生效',
    );

    await hitAt('摘要').getByRole('button', { name: '一键替换' }).click();
    await expect(page.locator('textarea[name="digest"]').inputValue()).resolves.toBe(
      '支部学习全面从严治党要求，交流心得。',
    );
    // The field's marks follow the form: the replaced words are no longer marked.
    await page
      .locator('[data-testid="terminology-field-marks"][data-field="digest"]')
      .waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: /^(保存|Save)$/ })
      .first()
      .click();
    const saved = await until(
      () =>
        api.call(
          editorToken,
          'GET',
          `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=zh-CN`,
        ),
      (found) => found.data.digest !== DIGEST,
    );
    expect(saved.data.digest).toBe('支部学习全面从严治党要求，交流心得。');
    expect(saved.data.body).toEqual([
      paragraph(BODY[0]),
      paragraph('各支部认真部署学习任务，按期完成。'),
    ]);
    // Not replaced: stays as it was, its hit in the panel.
    expect(saved.data.subtitle).toBe(SUBTITLE);
    await until(
      () => page.getByTestId('terminology-jump').allInnerTexts(),
      (places) => places.length === 1,
    );
    await expect(page.getByTestId('terminology-jump').allInnerTexts()).resolves.toEqual(['副标题']);
    await expect(page.getByTestId('terminology-hits').innerText()).resolves.toMatch(
      /用语提示：1 处/,
    );
  },
);

browserTest(
  'a reviewer reads the hits and jumps to them, but is not offered 一键替换',
  async () => {
    const reviewer = await cmsKit.signIn(browser, cms.base, cms.accounts.reviewer, {
      width: 1600,
      height: 1100,
    });
    await reviewer.goto(`${cms.base}${cmsKit.editViewPath(ARTICLE, documentId)}`);
    const hits = reviewer.getByTestId('terminology-hits');
    await hits.waitFor();
    await expect(hits.getByTestId('terminology-jump').allInnerTexts()).resolves.toEqual(['副标题']);
    await expect(hits.getByRole('button', { name: '一键替换' }).count()).resolves.toBe(0);
    await reviewer.close();
  },
);
