import http from 'http';
import type { AddressInfo } from 'net';
import sharp from 'sharp';
import { UID } from '../src/constants';
import { articleData, createReleased, documents } from './harness/content';
import { startFakeWechat, type FakeWechat } from './harness/fake-wechat';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, contentlessAdmin, workflowClient } from './harness/workflow';

let fake: FakeWechat;
let withImagesId: string;
const onWechat = { website: true, wechat: true, screen: false };

// The fake is up before the app boots: the app is configured with its address.
beforeAll(async () => {
  fake = await startFakeWechat();
});
const app = bootTestAppForFile(() => ({
  WECHAT_API_BASE_URL: fake.baseUrl,
  WECHAT_APP_ID: fake.appId,
  WECHAT_APP_SECRET: fake.appSecret,
  WECHAT_AUTO_PUSH: 'off',
}));
const wf = workflowClient(app);

beforeAll(async () => {
  // An article with a cover, a body image in a format WeChat refuses (WebP) and an external link.
  const token = await app.adminToken(ACCOUNTS.editor);
  const upload = async (buffer: Buffer, filename: string, contentType: string) =>
    (
      await app
        .http()
        .post('/upload')
        .set('Authorization', `Bearer ${token}`)
        .attach('files', buffer, { filename, contentType })
    ).body[0];
  const cover = await upload(
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#c8102e' } })
      .png()
      .toBuffer(),
    'cover.png',
    'image/png',
  );
  const photo = await upload(
    await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#f4c542' } })
      .webp()
      .toBuffer(),
    'photo.webp',
    'image/webp',
  );
  withImagesId = (
    await createReleased(
      app.strapi,
      UID.article,
      articleData({
        title: '党员服务队走进候车室',
        author: '李晓雯',
        cover: cover.id,
        channels: onWechat,
        body: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: '春运期间，党员服务队在候车室设立服务台。' }],
          },
          { type: 'image', image: photo, children: [{ type: 'text', text: '' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '详见' },
              {
                type: 'link',
                url: 'https://www.12371.cn/',
                children: [{ type: 'text', text: '共产党员网' }],
              },
            ],
          },
        ],
      }),
    )
  ).documentId;
});
afterAll(async () => {
  await fake?.close();
});

const push = async (
  account: { email: string; password: string },
  documentId: string,
  body: object = {},
) =>
  app
    .http()
    .post(`/wechat/articles/${documentId}/push?locale=zh-CN`)
    .set(await wf.auth(account))
    .send(body);

describe('WeChat preview', () => {
  test('shows the live version as WeChat will: limits kept, inline styles, footnotes', async () => {
    const response = await app
      .http()
      .get(`/wechat/articles/${withImagesId}/preview?locale=zh-CN`)
      .set(await wf.auth(ACCOUNTS.editor));
    expect(response.status).toBe(200);
    const article = response.body.data;
    expect(article).toMatchObject({
      title: '党员服务队走进候车室',
      author: '李晓雯',
      content_source_url: expect.stringMatching(/\/zh-CN\/articles\//),
    });
    expect(article.content).not.toMatch(/class=|\sid=|<script|<style|<a /);
    expect(article.content).toMatch(/\[1\] https:\/\/www\.12371\.cn\//);
    expect(article.images).toHaveLength(1);
  });
});

describe('WeChat preview at every review stage', () => {
  test('the version under review previews before release; the live one only once released', async () => {
    const id = await wf.createArticle(ACCOUNTS.editor, {
      title: '送审中的微信稿',
      author: '王建国',
      channels: onWechat,
    });
    await wf.submit(ACCOUNTS.editor, UID.article, id);
    const auth = await wf.auth(ACCOUNTS.reviewer);
    const draft = await app
      .http()
      .get(`/wechat/articles/${id}/preview?locale=zh-CN&version=draft`)
      .set(auth);
    expect(draft.status).toBe(200);
    expect(draft.body.data).toMatchObject({ title: '送审中的微信稿', author: '王建国' });
    expect(
      (await app.http().get(`/wechat/articles/${id}/preview?locale=zh-CN&version=live`).set(auth))
        .status,
    ).toBe(403);
    const wrong = await app
      .http()
      .get(`/wechat/articles/${id}/preview?locale=zh-CN&version=tomorrow`)
      .set(auth);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.path).toEqual(['version']);
  });

  test('an admin who may not read articles previews none, draft or live', async () => {
    const auth = await contentlessAdmin(app);
    for (const version of ['live', 'draft']) {
      expect(
        (
          await app
            .http()
            .get(`/wechat/articles/${withImagesId}/preview?locale=zh-CN&version=${version}`)
            .set(auth)
        ).status,
      ).toBe(403);
    }
  });

  test('the panel learns that WeChat is configured, and the account name readers see', async () => {
    const response = await app
      .http()
      .get('/wechat/setup')
      .set(await wf.auth(ACCOUNTS.editor));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      configured: true,
      autoPush: 'off',
      accountName: expect.any(String),
    });
  });
});

describe('pushing to the Official Account', () => {
  test('a reviewer pushes a published article to the draft box; everything passes the fake API’s checks', async () => {
    const response = await push(ACCOUNTS.reviewer, withImagesId);
    expect(response.status).toBe(200);
    const { mediaId, publishId, images } = response.body.data;
    expect(publishId).toBeNull();
    expect(images).toBe(1);

    const [draft] = fake.drafts.get(mediaId)!.articles;
    expect(draft.title).toBe('党员服务队走进候车室');
    const [src] = [...draft.content.matchAll(/<img [^>]*src="([^"]+)"/g)].map(
      (match: RegExpMatchArray) => match[1],
    );
    expect(fake.uploadedImages.get(src)).toMatchObject({ format: 'jpeg' }); // the WebP was converted
    expect(fake.thumbs.get(draft.thumb_media_id)).toMatchObject({
      format: 'jpeg',
      width: 900,
      height: 383,
    });
    expect(fake.thumbs.get(draft.thumb_media_id)!.bytes).toBeLessThanOrEqual(64 * 1024);

    const [entry] = (await wf.history(ACCOUNTS.reviewer, UID.article, withImagesId)).filter(
      (item) => item.action === 'wechat_draft',
    );
    expect(entry).toMatchObject({ actorName: '刘佳', details: { media_id: mediaId } });
  });

  test('push and publish, then ask WeChat for the publish status; both are on the audit trail', async () => {
    const pushed = await push(ACCOUNTS.chiefReviewer, withImagesId, { submit: true });
    expect(pushed.body.data.publishId).toEqual(expect.any(String));
    const status = await app
      .http()
      .post(`/wechat/articles/${withImagesId}/status?locale=zh-CN`)
      .set(await wf.auth(ACCOUNTS.chiefReviewer))
      .send({});
    expect(status.status).toBe(200);
    expect(status.body.data).toMatchObject({
      publish_id: pushed.body.data.publishId,
      publish_status: 0,
    });
    expect((await auditActions(app, withImagesId)).slice(-3)).toEqual([
      'wechat_draft',
      'wechat_submit',
      'wechat_status',
    ]);
  });

  test('never pushes what is not approved and published, nor what is not for WeChat; editors cannot push', async () => {
    const draftOnly = await documents(app.strapi, UID.article).create({
      data: articleData({ channels: onWechat }),
      locale: 'zh-CN',
    });
    const refused = await push(ACCOUNTS.reviewer, draftOnly.documentId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/审核通过并已发布/);

    const websiteOnly = await createReleased(
      app.strapi,
      UID.article,
      articleData({ channels: { website: true, wechat: false, screen: false } }),
    );
    const offChannel = await push(ACCOUNTS.reviewer, websiteOnly.documentId);
    expect(offChannel.status).toBe(400);
    expect(offChannel.body.error.message).toMatch(/not targeted at WeChat/);

    expect((await push(ACCOUNTS.editor, withImagesId)).status).toBe(403);
    const noCover = await createReleased(
      app.strapi,
      UID.article,
      articleData({ channels: onWechat }),
    );
    const coverless = await push(ACCOUNTS.reviewer, noCover.documentId);
    expect(coverless.status).toBe(400);
    expect(coverless.body.error.message).toMatch(/cover/);
  });

  test('a body image from outside the media library is refused, never fetched by the server', async () => {
    const hits: string[] = [];
    const internal = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('internal secret');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = internal.address() as AddressInfo;
      const live = await documents(app.strapi, UID.article).findOne({
        documentId: withImagesId,
        locale: 'zh-CN',
        status: 'published',
        populate: ['cover'],
      });
      const photo = live.body.find((block: { type: string }) => block.type === 'image').image;
      for (const url of [
        `http://127.0.0.1:${port}/latest/meta-data.png`,
        '/uploads/../../config/server.js',
        'https://169.254.169.254/latest/meta-data/iam.png',
      ]) {
        const probe = await createReleased(
          app.strapi,
          UID.article,
          articleData({
            cover: live.cover.id,
            channels: onWechat,
            body: [
              {
                type: 'image',
                image: { ...photo, url, formats: null },
                children: [{ type: 'text', text: '' }],
              },
            ],
          }),
        );
        const refused = await push(ACCOUNTS.reviewer, probe.documentId);
        expect(refused.status).toBe(400);
        expect(refused.body.error.details.path).toEqual(['body']);
      }
      expect(hits).toEqual([]);
    } finally {
      internal.close();
    }
  });

  test('a title too long for WeChat is a 400 naming the title', async () => {
    const long = await createReleased(
      app.strapi,
      UID.article,
      articleData({ title: '题'.repeat(40), channels: onWechat }),
    );
    const response = await app
      .http()
      .get(`/wechat/articles/${long.documentId}/preview?locale=zh-CN`)
      .set(await wf.auth(ACCOUNTS.reviewer));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['title']);
  });

  test('an expired token is refreshed; a refusal by WeChat is a 502 with its meaning, recorded on the trail', async () => {
    fake.expireTokens();
    expect((await push(ACCOUNTS.reviewer, withImagesId)).status).toBe(200);

    fake.failNext('cgi-bin/draft/add', 1, 48001);
    const refused = await push(ACCOUNTS.reviewer, withImagesId);
    expect(refused.status).toBe(502);
    expect(refused.body.error.message).toMatch(/48001.*未获得该接口权限/);
    const [last] = (await wf.history(ACCOUNTS.reviewer, UID.article, withImagesId)).slice(-1);
    expect(last).toMatchObject({
      action: 'wechat_error',
      details: { errcode: 48001, path: 'cgi-bin/draft/add' },
    });
  });
});

describe('automatic push on publish', () => {
  test('with WECHAT_AUTO_PUSH=draft, an article for WeChat reaches the draft box when it is published', async () => {
    process.env.WECHAT_AUTO_PUSH = 'draft';
    await app.restart();
    try {
      const before = fake.drafts.size;
      const token = await app.adminToken(ACCOUNTS.editor);
      const cover = (
        await app
          .http()
          .post('/upload')
          .set('Authorization', `Bearer ${token}`)
          .attach(
            'files',
            await sharp({
              create: { width: 1200, height: 800, channels: 3, background: '#336699' },
            })
              .png()
              .toBuffer(),
            { filename: 'c.png', contentType: 'image/png' },
          )
      ).body[0];
      const released = await createReleased(
        app.strapi,
        UID.article,
        articleData({ title: '自动推送到公众号', cover: cover.id, channels: onWechat }),
      );
      for (let i = 0; i < 50 && fake.drafts.size === before; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const titles = [...fake.drafts.values()].map((draft) => draft.articles[0].title);
      expect(titles).toContain('自动推送到公众号');
      expect(
        (await wf.history(ACCOUNTS.reviewer, UID.article, released.documentId)).find(
          (entry) => entry.action === 'wechat_draft',
        ),
      ).toMatchObject({ actorName: 'wechat auto-push' });
    } finally {
      process.env.WECHAT_AUTO_PUSH = 'off';
    }
  });
});
