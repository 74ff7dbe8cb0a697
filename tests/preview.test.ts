import jwt from 'jsonwebtoken';
import { PUBLISHABLE_UIDS, UID } from '../src/constants';
import { isPreviewable, signPreviewLink } from '../src/preview/preview-links';
import { documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { contentlessAdmin, reviewStateOf, workflowClient } from './harness/workflow';

/**
 * Preview before release (issue 12): Strapi's preview handler gives the edit view a signed,
 * expiring link to this CMS's own page of the exact version, as the website, WeChat and the
 * display screens will show it; the link never opens what its user may not read.
 */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { superAdmin, editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;

const previewUrlOf = async (
  account: { email: string; password: string } | Record<string, string>,
  uid: string,
  documentId: string,
  status = 'draft',
  locale = 'zh-CN',
) => {
  const headers =
    'email' in account ? await wf.auth(account as { email: string; password: string }) : account;
  return app
    .http()
    .get(
      `/content-manager/preview/url/${uid}?${new URLSearchParams({ documentId, locale, status })}`,
    )
    .set(headers);
};

const linkOf = async (
  account: { email: string; password: string },
  uid: string,
  documentId: string,
  status = 'draft',
) => {
  const response = await previewUrlOf(account, uid, documentId, status);
  expect(response.status).toBe(200);
  const url: string = response.body.data.url;
  expect(url).toMatch(/^\/preview\?token=/);
  return url;
};

const open = (url: string, view?: string) => app.http().get(view ? `${url}&view=${view}` : url);
const tokenOf = (url: string) => new URL(url, 'http://cms').searchParams.get('token')!;

const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

describe('a link from the edit view', () => {
  test('opens the draft as the website renders it, marked 预览, with the stage it waits at, at every stage', async () => {
    const documentId = await wf.createArticle(editor, {
      title: '预览：三审之路',
      body: body('第一稿的正文句子。'),
      channels: { website: true, wechat: true, screen: true },
    });
    const labelAt = async (account: { email: string; password: string }) => {
      const page = await open(await linkOf(account, A, documentId));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('预览 PREVIEW');
      expect(page.text).toContain('预览：三审之路');
      return page.text.match(/data-testid="preview-version">([^<]*)</)![1];
    };
    expect(await labelAt(editor)).toBe('草稿 Draft');
    // Scheduled, so the last approval leaves it approved and waiting (unscheduled, it would go live at once).
    expect(
      (await wf.schedule(editor, A, documentId, { publishAt: '2031-05-04T01:30:00.000Z' })).status,
    ).toBe(200);
    expect((await wf.submit(editor, A, documentId)).status).toBe(200);
    expect(await labelAt(reviewer)).toContain('初审');
    expect((await wf.approve(reviewer, A, documentId)).status).toBe(200);
    expect(await labelAt(secondReviewer)).toContain('复审');
    expect((await wf.approve(secondReviewer, A, documentId)).status).toBe(200);
    expect(await labelAt(chiefReviewer)).toContain('终审');
    const final = await wf.approve(chiefReviewer, A, documentId);
    expect(final.status).toBe(200);
    expect(await reviewStateOf(app, documentId)).toMatchObject({ reviewState: 'approved' });
    expect(await labelAt(editor)).toBe('已通过，定时发布 2031-05-04 09:30 Approved, scheduled');

    // No live version yet: the published tab has nothing to open.
    expect((await previewUrlOf(editor, A, documentId, 'published')).status).toBe(204);
    expect((await wf.schedule(editor, A, documentId, { publishAt: null })).status).toBe(200);
    expect((await wf.publish(chiefReviewer, A, documentId)).status).toBe(200);
    expect(await labelAt(editor)).toBe('已发布 · 草稿版本 Published; this is the draft');

    // Live: the preview of the published version carries exactly the API's sanitised HTML.
    const api = await app.http().get(`/api/articles/${documentId}?locale=zh-CN`);
    expect(api.status).toBe(200);
    const live = await open(await linkOf(editor, A, documentId, 'published'));
    expect(live.text).toContain('线上版本 Live version');
    expect(live.text).toContain(api.body.data.rendered.bodyHtml);

    // An edit after release: the draft link shows the edit, the published one still the live text.
    expect(
      (await wf.edit(editor, A, documentId, { body: body('发布后改过的正文句子。') })).status,
    ).toBe(200);
    expect((await open(await linkOf(editor, A, documentId))).text).toContain(
      '发布后改过的正文句子。',
    );
    const stillLive = await open(await linkOf(editor, A, documentId, 'published'));
    expect(stillLive.text).toContain('第一稿的正文句子。');
    expect(stillLive.text).not.toContain('发布后改过的正文句子。');
  });

  test('is never cached, indexed or sent on as a referrer, and runs no script', async () => {
    const documentId = await wf.createArticle(editor, { title: '预览：响应头' });
    const url = await linkOf(editor, A, documentId);
    const page = await open(url);
    expect(page.headers['cache-control']).toBe('no-store, private');
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(page.text).not.toMatch(/<script/i);
    // A second read after an edit shows the edit: nothing served it from a cache.
    await wf.edit(editor, A, documentId, { title: '预览：响应头（改）' });
    expect((await open(url)).text).toContain('预览：响应头（改）');
  });

  test('escapes what editors typed: a title cannot become markup', async () => {
    const documentId = await wf.createArticle(editor, {
      title: '<img src=x onerror=alert(1)>标题',
      body: body('<script>alert(1)</script>'),
    });
    const page = await open(await linkOf(editor, A, documentId));
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;标题');
  });
});

describe('the three views', () => {
  test('WeChat: the phone frame of the article as the Official Account gets it, or why it cannot go there', async () => {
    const targeted = await wf.createArticle(editor, {
      title: '预览：微信',
      author: '宣传部',
      channels: { website: true, wechat: true, screen: false },
    });
    const wechat = await open(await linkOf(editor, A, targeted), 'wechat');
    expect(wechat.status).toBe(200);
    expect(wechat.text).toMatch(
      /<iframe title="微信预览 WeChat preview" sandbox srcdoc="[^"]*预览：微信/,
    );
    expect(wechat.text).toContain('宣传部');
    expect(wechat.text).not.toContain('未选择微信渠道');

    const untargeted = await wf.createArticle(editor, { title: '预览：不推送微信' });
    expect((await open(await linkOf(editor, A, untargeted), 'wechat')).text).toContain(
      '本文未选择微信渠道',
    );

    // WeChat allows 32 characters of title: the reviewer sees the refusal before approving.
    const tooLong = await wf.createArticle(editor, {
      title: '预'.repeat(40),
      channels: { website: true, wechat: true, screen: false },
    });
    expect((await open(await linkOf(editor, A, tooLong), 'wechat')).text).toContain(
      '不能超过 32 字',
    );

    const video = await documents(app.strapi, UID.video).findFirst({
      locale: 'zh-CN',
      status: 'draft',
    });
    expect(
      (await open(await linkOf(superAdmin, UID.video, video.documentId), 'wechat')).text,
    ).toContain('只有文章推送到微信公众号');
  });

  test('Screen: the display page framed, its feed with the version featured first', async () => {
    const documentId = await wf.createArticle(editor, {
      title: '预览：上大屏',
      digest: '大屏摘要',
      channels: { website: true, wechat: false, screen: true },
    });
    const url = await linkOf(editor, A, documentId);
    const page = await open(url, 'screen');
    expect(page.text).toMatch(/<iframe title="大屏预览 Screen preview" src="\/screen\/\?preview=/);
    expect(page.text).not.toContain('本条未选择大屏渠道');
    const feed = await app
      .http()
      .get(`/preview/screen-feed?preview=${encodeURIComponent(tokenOf(url))}`);
    expect(feed.status).toBe(200);
    expect(feed.headers['cache-control']).toBe('no-store, private');
    expect(feed.body.data.latest[0]).toMatchObject({
      documentId,
      title: '预览：上大屏',
      summary: '大屏摘要',
      kind: 'article',
    });
    // A brand profile previews as the masthead.
    const brand = await documents(app.strapi, UID.brand).findFirst({
      locale: 'zh-CN',
      status: 'draft',
    });
    await documents(app.strapi, UID.brand).update({
      documentId: brand.documentId,
      locale: 'zh-CN',
      data: { slogan: '预览中的口号' },
    });
    const brandUrl = await linkOf(superAdmin, UID.brand, brand.documentId);
    const brandFeed = await app
      .http()
      .get(`/preview/screen-feed?preview=${encodeURIComponent(tokenOf(brandUrl))}`);
    expect(brandFeed.body.data.brand).toMatchObject({ name: brand.name, slogan: '预览中的口号' });
  });

  test('an unknown view is a 400 naming the parameter', async () => {
    const url = await linkOf(editor, A, await wf.createArticle(editor, { title: '预览：视图' }));
    const page = await open(url, 'print');
    expect(page.status).toBe(400);
    expect(page.text).toContain('view must be website, wechat or screen');
  });
});

describe('every type of the content model', () => {
  test.each(PUBLISHABLE_UIDS.map((uid) => [uid]))(
    '%s: a link for those who may read it when the website renders the type, none otherwise',
    async (uid) => {
      const row = await documents(app.strapi, uid).findFirst({ locale: 'zh-CN', status: 'draft' });
      expect(row).toBeTruthy();
      const asAdmin = await previewUrlOf(superAdmin, uid, row.documentId);
      if (isPreviewable(uid)) {
        expect(asAdmin.status).toBe(200);
        const page = await open(asAdmin.body.data.url);
        expect(page.status).toBe(200);
        expect(page.text).toContain(
          String(row.title ?? row.name)
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;'),
        );
      } else {
        expect(asAdmin.status).toBe(204);
      }
      // An admin with no read permission on the type gets no link.
      const nobody = await previewUrlOf(await contentlessAdmin(app), uid, row.documentId);
      expect(nobody.status).toBe(204);
      expect(nobody.body?.data?.url).toBeUndefined();
    },
  );
});

describe('what a link cannot do', () => {
  /** A link signed here for another document than asked, in the session of a real link (`from`). */
  const forged = (from: string, documentId: string) => {
    const { sub, sid } = jwt.decode(tokenOf(from)) as { sub: string; sid: string };
    return `/preview?token=${signPreviewLink(app.strapi, { uid: A, documentId, locale: 'zh-CN', version: 'draft', userId: Number(sub), sessionId: sid })}`;
  };

  test('a missing, malformed, tampered or foreign token is refused with the reason', async () => {
    const documentId = await wf.createArticle(editor, { title: '预览：伪造' });
    const other = await wf.createArticle(editor, { title: '预览：别的文章' });
    expect((await app.http().get('/preview')).status).toBe(400);
    expect((await app.http().get('/preview?token=nonsense')).status).toBe(401);
    const token = tokenOf(await linkOf(editor, A, documentId));
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, doc: other })).toString('base64url')}.${signature}`;
    expect((await app.http().get(`/preview?token=${tampered}`)).status).toBe(401);
    const { uid, doc, loc, ver, sid } = claims;
    const foreign = jwt.sign({ uid, doc, loc, ver, sid }, 'some-other-secret', {
      algorithm: 'HS256',
      audience: 'brand-cms-preview',
      subject: claims.sub,
      expiresIn: 600,
    });
    expect((await app.http().get(`/preview?token=${foreign}`)).status).toBe(401);
    const sessionless = signPreviewLink(app.strapi, {
      uid: A,
      documentId,
      locale: 'zh-CN',
      version: 'draft',
      userId: Number(claims.sub),
      sessionId: undefined as unknown as string,
    });
    expect((await app.http().get(`/preview?token=${sessionless}`)).status).toBe(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await app.http().get(`/preview?token=${unsigned}`)).status).toBe(401);
    // An admin session token is not a preview link, nor the reverse.
    expect((await app.http().get(`/preview?token=${await app.adminToken(editor)}`)).status).toBe(
      401,
    );
    expect(
      (await app.http().get('/admin/users/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(401);
  });

  test('an expired link says so', async () => {
    const documentId = await wf.createArticle(editor, { title: '预览：过期' });
    const minutes = app.strapi.config.get('preview.linkMinutes');
    const fresh = await linkOf(editor, A, documentId);
    app.strapi.config.set('preview.linkMinutes', -1);
    const expired = forged(fresh, documentId);
    app.strapi.config.set('preview.linkMinutes', minutes);
    const page = await app.http().get(expired);
    expect(page.status).toBe(401);
    expect(page.text).toContain('预览链接已过期');
  });

  test("a role that may read only its own articles gets no link to another author's, and a forged one opens nothing", async () => {
    const own = { email: 'own-work@example.com', password: 'Own-Work-Pass1' };
    const role = await app.strapi
      .service('admin::role')
      .create({ name: 'Own work only', description: 'reads what it created' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: A,
        properties: { locales: ['zh-CN', 'en'] },
        conditions: ['admin::is-creator'],
      },
      {
        action: 'plugin::content-manager.explorer.create',
        subject: A,
        properties: { locales: ['zh-CN', 'en'] },
        conditions: [],
      },
    ]);
    await app.strapi
      .service('admin::user')
      .create({ ...own, firstname: 'Own', lastname: 'Work', isActive: true, roles: [role.id] });
    const othersArticle = await wf.createArticle(editor, { title: '预览：别人的稿子' });
    const mine = await wf.createArticle(own, { title: '预览：自己的稿子' });

    const ownLink = await linkOf(own, A, mine);
    expect((await open(ownLink)).status).toBe(200);
    expect((await previewUrlOf(own, A, othersArticle)).status).toBe(204);
    const page = await app.http().get(forged(ownLink, othersArticle));
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('预览：别人的稿子');
    const feed = await app
      .http()
      .get(
        `/preview/screen-feed?preview=${encodeURIComponent(tokenOf(forged(ownLink, othersArticle)))}`,
      );
    expect(feed.status).toBe(404);
    expect(JSON.stringify(feed.body)).not.toContain('预览：别人的稿子');
  });

  test('a role limited to some fields sees only those: the body it may not read is not rendered', async () => {
    const titlesOnly = { email: 'titles-only@example.com', password: 'Titles-Only-Pass1' };
    const role = await app.strapi
      .service('admin::role')
      .create({ name: 'Titles only', description: 'reads titles and slugs' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: A,
        properties: { fields: ['title', 'slug'], locales: ['zh-CN', 'en'] },
        conditions: [],
      },
    ]);
    await app.strapi.service('admin::user').create({
      ...titlesOnly,
      firstname: 'Titles',
      lastname: 'Only',
      isActive: true,
      roles: [role.id],
    });
    const documentId = await wf.createArticle(editor, {
      title: '预览：只读标题',
      digest: '不该看到的摘要',
      author: '不该看到的作者',
      body: body('不该看到的正文。'),
    });
    const page = await open(await linkOf(titlesOnly, A, documentId));
    expect(page.status).toBe(200);
    expect(page.text).toContain('预览：只读标题');
    for (const hidden of ['不该看到的摘要', '不该看到的作者', '不该看到的正文。'])
      expect(page.text).not.toContain(hidden);
  });

  test("a draft's unvalidated fields cannot become a script link or a style", async () => {
    const video = await documents(app.strapi, UID.video).findFirst({
      locale: 'zh-CN',
      status: 'draft',
      populate: ['media'],
    });
    await documents(app.strapi, UID.video).update({
      documentId: video.documentId,
      locale: 'zh-CN',
      data: { media: null, externalUrl: 'javascript:alert(document.domain)' },
    });
    const page = await open(await linkOf(superAdmin, UID.video, video.documentId));
    expect(page.text).toContain('javascript:alert(document.domain)');
    expect(page.text).not.toMatch(/href="javascript:/i);
    await documents(app.strapi, UID.video).update({
      documentId: video.documentId,
      locale: 'zh-CN',
      data: { externalUrl: 'https://video.example.com/a' },
    });
    expect((await open(await linkOf(superAdmin, UID.video, video.documentId))).text).toContain(
      '<a href="https://video.example.com/a"',
    );

    const brand = await documents(app.strapi, UID.brand).findFirst({
      locale: 'zh-CN',
      status: 'draft',
    });
    await documents(app.strapi, UID.brand).update({
      documentId: brand.documentId,
      locale: 'zh-CN',
      data: { themeColor: 'red; background: url(https://evil.example/x)' },
    });
    const feed = await app
      .http()
      .get(
        `/preview/screen-feed?preview=${encodeURIComponent(tokenOf(await linkOf(superAdmin, UID.brand, brand.documentId)))}`,
      );
    expect(feed.body.data.brand.themeColor).toBeNull();
  });

  test("signing out closes the links of that session; a deactivated user's links open nothing", async () => {
    const leaving = { email: 'leaving-editor@example.com', password: 'Leaving-Editor-Pass1' };
    const editorRole = (
      await app.strapi.db
        .query('admin::user')
        .findOne({ where: { email: editor.email }, populate: ['roles'] })
    ).roles[0];
    const user = await app.strapi.service('admin::user').create({
      ...leaving,
      firstname: 'Leaving',
      lastname: 'Editor',
      isActive: true,
      roles: [editorRole.id],
    });
    const documentId = await wf.createArticle(editor, { title: '预览：签退' });
    const login = await app.http().post('/admin/login').send(leaving);
    const session = { Authorization: `Bearer ${login.body.data.token}` };
    const url = (await previewUrlOf(session, A, documentId)).body.data.url as string;
    expect((await open(url)).status).toBe(200);
    expect((await app.http().post('/admin/logout').set(session).send({})).status).toBe(200);
    expect((await open(url)).status).toBe(404);

    const again = await app.http().post('/admin/login').send(leaving);
    const secondUrl = (
      await previewUrlOf({ Authorization: `Bearer ${again.body.data.token}` }, A, documentId)
    ).body.data.url as string;
    expect((await open(secondUrl)).status).toBe(200);
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: user.id }, data: { isActive: false } });
    expect((await open(secondUrl)).status).toBe(404);
  });
});
