import path from 'path';
import { UID } from '../src/constants';
import { articleData, documents, releaseReviewed } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { reviewStateOf, workflowClient } from './harness/workflow';

/** Translations are reviewed one locale at a time: no locale's save may change another's reviewed content unseen. */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;

const approveAll = async (documentId: string, locale = 'zh-CN') => {
  for (const account of [reviewer, secondReviewer, chiefReviewer]) {
    const response = await wf.approve(account, A, documentId, {}, locale);
    if (response.status !== 200)
      throw new Error(`approve ${locale}: ${response.status} ${response.text}`);
  }
};
const channelsOf = async (
  documentId: string,
  locale: string,
  status: 'draft' | 'published' = 'draft',
) =>
  (await documents(app.strapi, A).findOne({ documentId, locale, status, populate: ['channels'] }))
    ?.channels;

test('channel targeting is per locale: saving the English version leaves the Chinese targets alone', async () => {
  const id = await wf.createArticle(editor, {
    channels: { website: true, wechat: true, screen: true },
  });
  await wf.submit(editor, A, id);
  const english = await wf.edit(
    editor,
    A,
    id,
    articleData({
      title: 'English version',
      slug: `en-${id}`,
      channels: { website: true, wechat: false, screen: false },
    }),
    'en',
  );
  expect(english.status).toBe(200);
  expect(await channelsOf(id, 'zh-CN')).toMatchObject({
    website: true,
    wechat: true,
    screen: true,
  });
  expect(await channelsOf(id, 'en')).toMatchObject({ website: true, wechat: false, screen: false });
  // Nothing of the Chinese version changed, so its review goes on.
  expect((await reviewStateOf(app, id)).reviewState).toBe('in_review');
  await approveAll(id);
  expect(await channelsOf(id, 'zh-CN', 'published')).toMatchObject({ wechat: true, screen: true });
});

test('a new translation without a channel choice starts on the website only, not from another locale', async () => {
  const id = await wf.createArticle(editor, {
    channels: { website: false, wechat: true, screen: false },
  });
  const { channels: _chosen, ...withoutChannels } = articleData({
    title: 'No channels chosen',
    slug: `en-plain-${id}`,
  });
  expect((await wf.edit(editor, A, id, withoutChannels, 'en')).status).toBe(200);
  expect(await channelsOf(id, 'en')).toMatchObject({ website: true, wechat: false, screen: false });
  expect(await channelsOf(id, 'zh-CN')).toMatchObject({ website: false, wechat: true });
});

test('“fill in from another locale” copies text and media, not the channels, the slug or the schedule', async () => {
  const cover = await app.uploadPng(editor, '#336699');
  const id = await wf.createArticle(editor, {
    title: '旅客列车党员服务队',
    slug: '',
    cover: cover.id,
    channels: { website: true, wechat: true, screen: true },
  });
  await wf.submit(editor, A, id);
  const scheduled = await wf.schedule(editor, A, id, {
    publishAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(scheduled.status).toBe(200);
  const fill = await app
    .http()
    .get(`/i18n/content-manager/get-fill-from-locale/${A}`)
    .query({
      documentId: id,
      sourceLocale: 'zh-CN',
      targetLocale: 'en',
      collectionType: 'collection-types',
    })
    .set(await wf.auth(editor));
  expect(fill.status).toBe(200);
  const prefill = fill.body.data as Record<string, unknown>;
  expect(prefill).toMatchObject({
    title: '旅客列车党员服务队',
    slug: '',
    channels: { website: true, wechat: false, screen: false },
  });
  expect((prefill.cover as { id: number }).id).toBe(cover.id);
  for (const field of [
    'publishAt',
    'unpublishAt',
    'reviewState',
    'targetsWebsite',
    'targetsWechat',
    'targetsScreen',
  ])
    expect(Object.keys(prefill)).not.toContain(field);

  // Saved as the form sends it, with the English title typed: its own slug, the website only.
  const saved = await wf.edit(
    editor,
    A,
    id,
    { ...prefill, cover: cover.id, title: 'Party service team on passenger trains' },
    'en',
  );
  expect([saved.status, saved.body.error]).toEqual([200, undefined]);
  const english = await documents(app.strapi, A).findOne({
    documentId: id,
    locale: 'en',
    populate: ['channels'],
  });
  expect(english).toMatchObject({
    slug: 'party-service-team-on-passenger-trains',
    channels: { website: true, wechat: false, screen: false },
  });
  // The Chinese version keeps its own address, channels and schedule.
  const chinese = await documents(app.strapi, A).findOne({
    documentId: id,
    locale: 'zh-CN',
    populate: ['channels'],
  });
  expect(chinese).toMatchObject({
    slug: 'lv-ke-lie-che-dang-yuan-fu-wu-dui',
    channels: { website: true, wechat: true, screen: true },
  });
});

test('a shared field changed in one locale is an audited edit of every locale, restarting their review', async () => {
  const first = await app.uploadPng(editor, '#aa0000');
  const second = await app.uploadPng(editor, '#00aa00');

  const id = await wf.createArticle(editor, { cover: first.id });
  await wf.edit(
    editor,
    A,
    id,
    articleData({ title: 'Shared cover', slug: `en-cover-${id}`, cover: first.id }),
    'en',
  );
  // The Chinese version is approved and scheduled for later, the English one is in review.
  await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
  await wf.submit(editor, A, id);
  await approveAll(id);
  expect((await reviewStateOf(app, id)).reviewState).toBe('approved');
  await wf.submit(editor, A, id, {}, 'en');
  expect((await reviewStateOf(app, id, 'en')).reviewState).toBe('in_review');

  // The editor changes the cover while editing the English version: Strapi copies it to zh-CN.
  expect((await wf.edit(editor, A, id, { cover: second.id }, 'en')).status).toBe(200);
  expect(
    (
      await documents(app.strapi, A).findOne({
        documentId: id,
        locale: 'zh-CN',
        populate: ['cover'],
      })
    ).cover.id,
  ).toBe(second.id);
  for (const locale of ['zh-CN', 'en'])
    expect((await reviewStateOf(app, id, locale)).reviewState).toBe('draft');
  const [chineseReset] = (await wf.history(editor, A, id, 'zh-CN')).filter(
    (entry) => entry.action === 'edited',
  );
  expect(chineseReset).toMatchObject({
    fromState: 'approved',
    toState: 'draft',
    details: { sharedFrom: 'en' },
  });

  // What a reviewer approved in Chinese is no longer what would go out: submitting again is the way.
  expect((await wf.publish(chiefReviewer, A, id)).status).toBe(403);
  expect((await wf.status(editor, A, id)).body.data.actions).toContain('submit');
});

test("a release that changes another locale's live version through a shared field is on that locale's record", async () => {
  const [first, second] = [
    await app.uploadPng(editor, '#336633'),
    await app.uploadPng(editor, '#663366'),
  ];
  const id = await wf.createArticle(editor, { cover: first.id });
  await wf.edit(
    editor,
    A,
    id,
    articleData({ title: 'Both live', slug: `en-live-${id}`, cover: first.id }),
    'en',
  );
  await releaseReviewed(app.strapi, A, id, 'zh-CN');
  await releaseReviewed(app.strapi, A, id, 'en');

  await wf.edit(editor, A, id, { cover: second.id }, 'zh-CN');
  await wf.submit(editor, A, id);
  await approveAll(id);
  // Whether Strapi copies the cover into the English live row depends on which row its i18n
  // sync compares with (it does on PostgreSQL, not always on SQLite): either way, the English
  // live version changed exactly when its trail says so.
  const englishLive = await documents(app.strapi, A).findOne({
    documentId: id,
    locale: 'en',
    status: 'published',
    populate: ['cover'],
  });
  expect([first.id, second.id]).toContain(englishLive.cover.id);
  const recorded = (await wf.history(editor, A, id, 'en')).filter(
    (entry) => entry.details?.liveSharedFrom,
  );
  expect(recorded.map((entry) => [entry.action, entry.details.liveSharedFrom])).toEqual(
    englishLive.cover.id === second.id ? [['edited', ['zh-CN']]] : [],
  );
});

test('the migration gives every locale its own channels row, and an approval made before it still releases', async () => {
  const knex = app.strapi.db.connection;
  const id = await wf.createArticle(editor, {
    channels: { website: true, wechat: false, screen: true },
  });
  await wf.edit(
    editor,
    A,
    id,
    articleData({
      title: 'Shared row',
      slug: `en-row-${id}`,
      channels: { website: true, wechat: false, screen: true },
    }),
    'en',
  );
  const rows = await knex('articles').where({ document_id: id }).select('id', 'locale');
  const links = await knex('articles_cmps')
    .whereIn(
      'entity_id',
      rows.map((row: { id: number }) => row.id),
    )
    .andWhere({ field: 'channels' });
  // As an older version could have left it: both locales pointing at one component row.
  await knex('articles_cmps').where({ id: links[1].id }).update({ cmp_id: links[0].cmp_id });
  // Approved before the upgrade, waiting for its publish time.
  await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
  await wf.submit(editor, A, id);
  await approveAll(id);
  const approvedHash = (await reviewStateOf(app, id)).reviewedHash;

  const migration = require(
    path.join(process.cwd(), 'database/migrations/2026.11.27T00.00.00.channels-per-locale.js'),
  );
  await migration.up(knex);

  const after = await knex('articles_cmps')
    .whereIn(
      'entity_id',
      rows.map((row: { id: number }) => row.id),
    )
    .andWhere({ field: 'channels' });
  expect(new Set(after.map((link: { cmp_id: number }) => link.cmp_id)).size).toBe(after.length);
  // Nothing the reviewers approved changed: the approval stands and releases.
  expect(await reviewStateOf(app, id)).toMatchObject({
    reviewState: 'approved',
    reviewedHash: approvedHash,
  });
  await wf.schedule(editor, A, id, { publishAt: null });
  expect((await wf.publish(chiefReviewer, A, id)).status).toBe(200);
  expect(await channelsOf(id, 'zh-CN', 'published')).toMatchObject({ website: true, screen: true });

  await wf.edit(
    editor,
    A,
    id,
    { channels: { website: false, wechat: false, screen: false } },
    'en',
  );
  expect(await channelsOf(id, 'zh-CN')).toMatchObject({ website: true, screen: true });
});
