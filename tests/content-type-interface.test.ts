import type { UID } from '@strapi/strapi';
import type { ContentTypeDescriptor } from '../src/content/descriptor';
import { THREE_STAGE_REVIEW } from '../src/content/review-chains';
import { contentManagerUrl } from './harness/content';
import { registerAppContentType, type AppSchema } from './harness/content-types';
import { describeReadScopeLeaks } from './harness/leak-suite';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

/**
 * A content type that exists only in this file (a 图片故事, a photo story): its schema and its
 * descriptor, registered the way a new type's folder and its line in src/content/types.ts are,
 * get review, release, the read scope's leak suite and the website rendering, with no edit to src/.
 */
const PHOTO_STORY = 'api::photo-story.photo-story';
const localized = { i18n: { localized: true } };
const shared = { i18n: { localized: false } };

const schema: AppSchema = {
  collectionName: 'photo_stories',
  info: { singularName: 'photo-story', pluralName: 'photo-stories', displayName: 'Photo story' },
  options: { draftAndPublish: true },
  pluginOptions: localized,
  attributes: {
    title: { type: 'string', required: true, maxLength: 80, pluginOptions: localized },
    slug: { type: 'uid', targetField: 'title', required: true, pluginOptions: shared },
    caption: { type: 'text', maxLength: 200, pluginOptions: localized },
    body: { type: 'blocks', pluginOptions: localized },
    photos: { type: 'media', multiple: true, allowedTypes: ['images'], pluginOptions: shared },
    category: { type: 'relation', relation: 'manyToOne', target: 'api::category.category' },
    channels: {
      type: 'component',
      repeatable: false,
      component: 'publishing.channels',
      required: true,
      pluginOptions: localized,
    },
  },
};

const photoStory: ContentTypeDescriptor = {
  uid: PHOTO_STORY,
  name: 'photoStory',
  position: 8,
  publishable: true,
  taxonomy: false,
  channelTargeted: true,
  localized: true,
  labels: { zh: '图片故事', en: 'Photo story' },
  fieldLabels: { title: { label: '标题' }, caption: { label: '图片说明' } },
  reviewChain: THREE_STAGE_REVIEW,
  website: {
    pageKind: 'photo-stories',
    richText: 'body',
    render: (item, html, { image }) => ({
      bodyHtml: html,
      photos: Array.isArray(item.photos) ? item.photos.map((file) => image(file)) : [],
    }),
  },
};
registerAppContentType(photoStory, schema);

const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const blocks = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

describe('a content type defined only in this file', () => {
  test('its review chain is known, and its schema carries a flag column per channel', () => {
    const chainTypes = app.strapi.contentType('api::workflow.review-chain').attributes
      .contentType as { enum: string[] };
    expect(chainTypes.enum).toContain(PHOTO_STORY);
    const attributes = app.strapi.contentTypes['api::article.article'].attributes;
    const flags = Object.keys(attributes).filter((name) => /^targets[A-Z]/.test(name));
    expect(flags.length).toBeGreaterThanOrEqual(3);
    // Its uid is one the generated types do not know.
    const ours = app.strapi.contentType(PHOTO_STORY as UID.ContentType);
    for (const flag of flags) expect(Object.keys(ours.attributes)).toContain(flag);
  });

  test('an editor writes one in the content manager; only 三审 releases it, and readers get it rendered', async () => {
    const created = await app
      .http()
      .post(contentManagerUrl(PHOTO_STORY, '?locale=zh-CN'))
      .set(await wf.auth(editor))
      .send({
        title: '机务段党员先锋岗剪影',
        caption: '检修库里的一个夜班',
        body: blocks('夜班检修时，党员先锋岗的灯一直亮着。'),
        channels: { website: true, wechat: false, screen: false },
      });
    expect(created.status).toBe(201);
    const id: string = created.body.data.documentId;
    const slug: string = created.body.data.slug;
    const isPublic = async () =>
      (await app.http().get(`/api/photo-stories/${id}?locale=zh-CN`)).status === 200;

    // The review's promise holds on its doors too: no publishing round the chain.
    expect((await wf.publish(chiefReviewer, PHOTO_STORY, id)).status).toBe(403);
    expect(await isPublic()).toBe(false);

    expect((await wf.submit(editor, PHOTO_STORY, id)).status).toBe(200);
    expect((await reviewStateOf(app, id)).reviewState).toBe('in_review');
    expect((await wf.approve(reviewer, PHOTO_STORY, id)).status).toBe(200);
    expect((await wf.approve(secondReviewer, PHOTO_STORY, id)).status).toBe(200);
    expect(await isPublic()).toBe(false);
    const final = await wf.approve(chiefReviewer, PHOTO_STORY, id, { comment: '同意发布' });
    expect(final.body.data).toMatchObject({ reviewState: 'published' });
    expect(await auditActions(app, id)).toEqual(
      expect.arrayContaining(['submit', 'approve', 'publish']),
    );

    // The website channel rendered it inside the release: readers get HTML, not blocks only.
    const read = await app.http().get(`/api/photo-stories/${id}?locale=zh-CN`);
    expect(read.status).toBe(200);
    expect(read.body.data.title).toBe('机务段党员先锋岗剪影');
    expect(read.body.data.rendered.bodyHtml).toBe('<p>夜班检修时，党员先锋岗的灯一直亮着。</p>');
    expect(read.body.data.rendered.photos).toEqual([]);
    const list = await app.http().get('/api/photo-stories?locale=zh-CN');
    expect(list.body.data.map((item: { documentId: string }) => item.documentId)).toContain(id);

    // Its pages are in the sitemap, under its own page kind.
    const index = await app.http().get('/api/sitemap.xml');
    const parts = [...index.text.matchAll(/<loc>[^<]*\/api\/sitemaps\/(\d+)\.xml<\/loc>/g)];
    const pages = await Promise.all(
      parts.map(async ([, number]) => (await app.http().get(`/api/sitemaps/${number}.xml`)).text),
    );
    expect(pages.join('')).toContain(`/zh-CN/photo-stories/${slug}</loc>`);
  });
});

describeReadScopeLeaks(app, [
  {
    uid: PHOTO_STORY,
    fixture: (mark, links, unique) => ({
      title: mark,
      slug: `photo-${unique}`,
      caption: mark,
      body: blocks(mark),
      photos: [links.file],
      category: links.category,
      channels: { website: true, wechat: false, screen: false },
    }),
  },
]);
