import { errors } from '@strapi/utils';
import type { PublishingChannel } from '../src/channels/channel';
import { UID } from '../src/constants';
import { recordAudit } from '../src/kernel/audit-trail';
import { registerAppChannel } from './harness/channels';
import { articleData, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, workflowClient } from './harness/workflow';

/**
 * A channel that exists only in this file (a fax line, say): registered through the channel
 * interface before the app boots, it gets targeting per locale, a flag column, the release
 * hooks, takedown, audit entries and an admin label, with no edit to src/.
 */
const A = UID.article;
const calls: string[] = [];
const REFUSED = '传真拒收';

const fax: PublishingChannel = {
  name: 'fax',
  flag: 'targetsFax',
  label: { zh: '传真', en: 'Fax' },
  fieldLabel: '传真线路',
  auditActions: ['fax_sent', 'fax_withdrawn'],
  // What the fax line would print, as a tab of the preview page.
  preview: {
    label: '传真 Fax',
    render: (_strapi, { row, kit }) =>
      `<pre data-testid="fax-sheet">${kit.text(row.title)}｜${(row.channels as { fax?: boolean } | null)?.fax ? '将传真' : '不传真'}</pre>`,
  },
  // Every release reaches it (the demo's too); it takes note of articles.
  inRelease: async (strapi, { uid, documentId, locales }) => {
    if (uid !== A) return;
    const live = await strapi.db.query(uid).count({
      where: { documentId, locale: { $in: [...locales] }, publishedAt: { $notNull: true } },
    });
    calls.push(`in ${documentId} ${locales.join(',')} live=${live}`);
    const draft = await strapi.db.query(uid).findOne({
      where: { documentId, publishedAt: null },
      select: ['title'],
    });
    if ((draft as { title?: string } | null)?.title === REFUSED)
      throw new errors.ApplicationError('传真机不接受这一篇 / The fax refuses this one');
  },
  afterRelease: async (strapi, { uid, documentId, locales, actor }) => {
    if (uid !== A) return;
    const state = await strapi.db.query('api::workflow.review-state').findOne({
      where: { targetDocumentId: documentId, targetLocale: locales[0] },
      select: ['reviewState'],
    });
    calls.push(`after ${documentId} ${locales.join(',')} ${state?.reviewState}`);
    for (const locale of locales)
      await recordAudit(strapi, { uid, documentId, locale }, { action: 'fax_sent', actor });
  },
  afterTakedown: async (strapi, { uid, documentId, locales, action, actor }) => {
    if (uid !== A) return;
    calls.push(`takedown ${documentId} ${locales.join(',')} ${action}`);
    for (const locale of locales)
      await recordAudit(strapi, { uid, documentId, locale }, { action: 'fax_withdrawn', actor });
  },
};
registerAppChannel(fax);

const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;

const callsFor = (documentId: string) => calls.filter((call) => call.includes(documentId));
/** After-commit work runs in the background: wait until `count` calls for the document are in. */
const settled = async (documentId: string, count: number) => {
  for (let waited = 0; callsFor(documentId).length < count && waited < 5000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  // Long enough for a second announcement, if there were one, to show.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return callsFor(documentId);
};
const approveAll = async (documentId: string) => {
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, documentId)).status).toBe(200);
};
const flagOf = async (documentId: string, locale: string) =>
  (
    (await app.strapi.db
      .query(A)
      .findOne({ where: { documentId, locale, publishedAt: null }, select: ['targetsFax'] })) as {
      targetsFax: boolean | null;
    }
  ).targetsFax;

describe('a channel registered through the interface', () => {
  test('is targeted per locale: a field of the channels component and a flag column', async () => {
    const id = await wf.createArticle(editor, {
      channels: { website: true, wechat: false, screen: false, fax: true },
    });
    const translated = await wf.edit(
      editor,
      A,
      id,
      articleData({
        title: 'Fax test',
        channels: { website: true, wechat: false, screen: false, fax: false },
      }),
      'en',
    );
    expect([translated.status, translated.body.error]).toEqual([200, undefined]);
    const zh = await documents(app.strapi, A).findOne({
      documentId: id,
      locale: 'zh-CN',
      populate: ['channels'],
    });
    expect(zh.channels).toMatchObject({ website: true, fax: true });
    expect(await flagOf(id, 'zh-CN')).toBe(true);
    expect(await flagOf(id, 'en')).toBe(false);
    // Not chosen: a new item does not target it (only the website is targeted by default).
    const plain = await wf.createArticle(editor, { channels: undefined });
    expect(await flagOf(plain, 'zh-CN')).toBe(false);
  });

  test('hears of a release inside its transaction, then once it committed, exactly once', async () => {
    const id = await wf.createArticle(editor, {
      channels: { website: true, wechat: false, screen: false, fax: true },
    });
    expect((await wf.submit(editor, A, id)).status).toBe(200);
    await approveAll(id);
    expect(await settled(id, 2)).toEqual([`in ${id} zh-CN live=1`, `after ${id} zh-CN published`]);
    expect(await auditActions(app, id)).toEqual([
      'submit',
      'approve',
      'approve',
      'approve',
      'publish',
      'fax_sent',
    ]);

    expect((await wf.unpublish(reviewer, A, id)).status).toBe(200);
    expect((await settled(id, 3)).slice(2)).toEqual([`takedown ${id} zh-CN unpublish`]);
    expect((await auditActions(app, id)).slice(-2)).toEqual(['unpublish', 'fax_withdrawn']);
  });

  test('refusing inside the transaction rolls the release back, and nothing is announced', async () => {
    const id = await wf.createArticle(editor, { title: REFUSED });
    await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await wf.submit(editor, A, id)).status).toBe(200);
    await approveAll(id);
    await wf.schedule(editor, A, id, { publishAt: null });

    const refused = await wf.publish(chiefReviewer, A, id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/The fax refuses this one/);
    expect(
      await app.strapi.db
        .query(A)
        .count({ where: { documentId: id, publishedAt: { $notNull: true } } }),
    ).toBe(0);
    expect(await settled(id, 1)).toEqual([`in ${id} zh-CN live=1`]);
    expect(await auditActions(app, id)).not.toContain('publish');
    expect(await auditActions(app, id)).not.toContain('fax_sent');
  });

  test('has its label in the admin panel and in the content manager', async () => {
    const labels = await app
      .http()
      .get('/channels/labels')
      .set(await wf.auth(editor));
    expect(labels.status).toBe(200);
    expect(labels.body.data.map(({ name }: { name: string }) => name)).toEqual([
      'website',
      'wechat',
      'screen',
      'fax',
    ]);
    expect(labels.body.data[3]).toEqual({ name: 'fax', label: { zh: '传真', en: 'Fax' } });

    const configuration = await app
      .http()
      .get('/content-manager/components/publishing.channels/configuration')
      .set(await wf.auth(ACCOUNTS.superAdmin));
    expect(configuration.status).toBe(200);
    expect(configuration.body.data.component.metadatas.fax.edit.label).toBe('传真线路');
  });

  test('has its view on the preview page, after the built-in ones', async () => {
    const id = await wf.createArticle(editor, {
      title: '传真预览<稿>',
      channels: { website: true, wechat: false, screen: false, fax: true },
    });
    const link = await app
      .http()
      .get(
        `/content-manager/preview/url/${A}?${new URLSearchParams({ documentId: id, locale: 'zh-CN', status: 'draft' })}`,
      )
      .set(await wf.auth(editor));
    expect(link.status).toBe(200);
    const url: string = link.body.data.url;
    const page = await app.http().get(`${url}&view=fax`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<pre data-testid="fax-sheet">传真预览&lt;稿&gt;｜将传真</pre>');
    const tabs = [...page.text.matchAll(/view=(\w+)"(?: aria-current="page")?>([^<]+)</g)];
    expect(tabs.map(([, name, label]) => [name, label])).toEqual([
      ['website', '网站 Website'],
      ['wechat', '微信 WeChat'],
      ['screen', '大屏 Screen'],
      ['fax', '传真 Fax'],
    ]);
    const unknown = await app.http().get(`${url}&view=telex`);
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('view must be website, wechat, screen or fax');
  });
});
