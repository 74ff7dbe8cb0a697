import type supertest from 'supertest';
import sharp from 'sharp';
import { UID } from '../src/constants';
import { articleData, contentManagerUrl, createReleased, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { workflowClient } from './harness/workflow';

/** A file that live content shows is part of what was reviewed: it cannot change under it. */
const app = bootTestAppForFile();
const wf = workflowClient(app);
let editorToken: string;

beforeAll(async () => {
  editorToken = await app.adminToken(ACCOUNTS.editor);
});

const png = (color: string) =>
  sharp({ create: { width: 48, height: 32, channels: 3, background: color } })
    .png()
    .toBuffer();
const asEditor = (request: supertest.Test) => request.set('Authorization', `Bearer ${editorToken}`);
const upload = (color: string) => app.uploadPng(ACCOUNTS.editor, color, { width: 48, height: 32 });
const replace = async (id: number, color: string) =>
  asEditor(app.http().post(`/upload?id=${id}`)).attach('files', await png(color), {
    filename: 'replacement.png',
    contentType: 'image/png',
  });
const setAlt = (id: number, alternativeText: string) =>
  asEditor(app.http().post(`/upload?id=${id}`)).field(
    'fileInfo',
    JSON.stringify({ alternativeText }),
  );
const fileCount = () => app.strapi.db.query('plugin::upload.file').count();
const storedFile = (id: number) =>
  app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
const mediaAudit = (documentId: string) =>
  app.strapi.db.query('api::workflow.audit-entry').findMany({
    where: { contentType: 'plugin::upload.file', targetDocumentId: documentId },
    orderBy: { id: 'asc' },
  });

test('a file shown by a live article cannot be replaced, re-captioned or deleted: 409 naming the article', async () => {
  const cover = await upload('#aa2222');
  const live = await createReleased(
    app.strapi,
    UID.article,
    articleData({ title: '封面不可替换的文章', cover: cover.id }),
  );

  const replaced = await replace(cover.id, '#22aa22');
  expect(replaced.status).toBe(409);
  expect(replaced.body.error).toMatchObject({
    name: 'ConflictError',
    details: {
      code: 'MEDIA_IN_USE',
      uses: [{ uid: UID.article, documentId: live.documentId, locale: 'zh-CN' }],
    },
  });
  expect(replaced.body.error.message).toContain('封面不可替换的文章');

  expect((await setAlt(cover.id, '新的替代文字')).status).toBe(409);
  expect((await asEditor(app.http().delete(`/upload/files/${cover.id}`))).status).toBe(409);
  expect(
    (await asEditor(app.http().post('/upload/actions/bulk-delete')).send({ fileIds: [cover.id] }))
      .status,
  ).toBe(409);

  const after = await storedFile(cover.id);
  expect(after).toMatchObject({ hash: cover.hash, alternativeText: null });
  const published = await documents(app.strapi, UID.article).findOne({
    documentId: live.documentId,
    status: 'published',
    populate: ['cover'],
  });
  expect(published.cover.hash).toBe(cover.hash);
});

test('a file inside a component of live content is held the same way', async () => {
  const share = await upload('#2222aa');
  await createReleased(
    app.strapi,
    UID.article,
    articleData({ title: '分享图在组件里', seo: { metaTitle: '分享', shareImage: share.id } }),
  );
  const refused = await replace(share.id, '#aaaa22');
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toContain('分享图在组件里');
});

test('an image in the rich text of live content is held too', async () => {
  const photo = await upload('#aa22aa');
  const stored = await storedFile(photo.id);
  await createReleased(
    app.strapi,
    UID.article,
    articleData({
      title: '正文里的图片',
      body: [{ type: 'image', image: stored, children: [{ type: 'text', text: '' }] }],
    }),
  );
  const refused = await replace(photo.id, '#22aaaa');
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toContain('正文里的图片');
});

test('a new file cannot be attached straight to a live version (ref, refId, field)', async () => {
  const live = await createReleased(
    app.strapi,
    UID.article,
    articleData({ title: '不能直接挂图' }),
  );
  const row = await app.strapi.db
    .query(UID.article)
    .findOne({ where: { documentId: live.documentId, publishedAt: { $notNull: true } } });
  const before = await fileCount();
  const attached = await asEditor(app.http().post('/upload'))
    .field('ref', UID.article)
    .field('refId', String(row.id))
    .field('field', 'cover')
    .attach('files', await png('#0a0a0a'), { filename: 'sneaky.png', contentType: 'image/png' });
  expect(attached.status).toBe(409);
  expect(attached.body.error.message).toContain('不能直接挂图');
  expect(await fileCount()).toBe(before);
  const published = await documents(app.strapi, UID.article).findOne({
    documentId: live.documentId,
    status: 'published',
    populate: ['cover'],
  });
  expect(published.cover).toBeNull();
});

test('bulk deletion is all or nothing', async () => {
  const free = await upload('#123123');
  const held = await upload('#321321');
  await createReleased(app.strapi, UID.article, articleData({ cover: held.id }));
  expect(
    (
      await asEditor(app.http().post('/upload/actions/bulk-delete')).send({
        fileIds: [free.id, held.id],
      })
    ).status,
  ).toBe(409);
  expect(await storedFile(free.id)).not.toBeNull();
  expect(await storedFile(held.id)).not.toBeNull();
});

test('files of drafts, and of content taken down, change freely, each change on the audit trail', async () => {
  const cover = await upload('#44aa44');
  await wf.createArticle(ACCOUNTS.editor, { cover: cover.id });
  const replaced = await replace(cover.id, '#aa44aa');
  expect(replaced.status).toBe(200);
  expect((await setAlt(cover.id, '党员服务队合影')).status).toBe(200);
  expect(await storedFile(cover.id)).toMatchObject({ alternativeText: '党员服务队合影' });

  // Live, then taken down: free again.
  await createReleased(app.strapi, UID.article, articleData({ cover: cover.id }));
  expect((await setAlt(cover.id, '改了')).status).toBe(409);
  const [live] = await documents(app.strapi, UID.article).findMany({
    filters: { cover: { id: cover.id } },
    status: 'published',
  });
  await app
    .http()
    .post(contentManagerUrl(UID.article, `/${live.documentId}/actions/unpublish?locale=zh-CN`))
    .set(await wf.auth(ACCOUNTS.chiefReviewer));
  expect((await setAlt(cover.id, '下线后可以修改')).status).toBe(200);

  const trail = await mediaAudit(cover.documentId);
  expect(trail.map((entry: { action: string }) => entry.action)).toEqual([
    'media_upload',
    'media_replace',
    'media_update',
    'media_update',
  ]);
  expect(trail[1].details).toMatchObject({
    from: { hash: cover.hash },
    to: { hash: expect.any(String) },
  });
  expect(trail[2]).toMatchObject({
    actorName: expect.any(String),
    actorType: 'user',
    details: { changed: { alternativeText: { from: null, to: '党员服务队合影' } } },
  });
});

test('uploading from a URL is closed: the server never fetches what an editor types', async () => {
  const response = await asEditor(app.http().post('/upload/actions/upload-from-urls')).send({
    urls: ['http://169.254.169.254/latest/meta-data/'],
  });
  expect(response.status).toBe(403);
  expect(response.body.error.message).toMatch(/URL is disabled/);
});
