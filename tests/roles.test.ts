import sharp from 'sharp';
import { UID } from '../src/constants';
import { EDITORIAL_ROLES, ensureEditorialRoles } from '../src/access/admin-roles';
import { ensureEnvSuperAdmin } from '../src/access/super-admin';
import { ACCOUNTS, bootTestApp, type TestApp } from './harness/strapi';
import { articleData, contentManagerUrl } from './harness/content';
import { recordSystemApproval } from '../src/workflow/review-actions';

let app: TestApp;
beforeAll(async () => {
  app = await bootTestApp();
});
afterAll(async () => {
  await app?.close();
});

const as = async (account: { email: string; password: string }) => ({ Authorization: `Bearer ${await app.adminToken(account)}` });

const createArticleAs = async (account: { email: string; password: string }, overrides: Record<string, unknown> = {}) =>
  app
    .http()
    .post(contentManagerUrl(UID.article, '?locale=zh-CN'))
    .set(await as(account))
    .send(articleData(overrides));

const action = async (account: { email: string; password: string }, documentId: string, name: 'publish' | 'unpublish') =>
  app
    .http()
    .post(contentManagerUrl(UID.article, `/${documentId}/actions/${name}?locale=zh-CN`))
    .set(await as(account))
    .send({});

describe('editorial roles', () => {
  test('exist exactly once, and a second bootstrap neither duplicates nor resets them', async () => {
    const roles = app.strapi.db.query('admin::role');
    const editor = await roles.findOne({ where: { name: 'Publicity Editor' }, populate: ['permissions'] });
    // An administrator's change must survive the next start.
    await app.strapi.service('admin::role').update({ id: editor.id }, { description: 'changed by an administrator' });

    await ensureEditorialRoles(app.strapi);

    for (const { name } of EDITORIAL_ROLES) {
      expect(await roles.count({ where: { name } })).toBe(1);
    }
    const again = await roles.findOne({ where: { id: editor.id }, populate: ['permissions'] });
    expect(again.description).toBe('changed by an administrator');
    expect(again.permissions).toHaveLength(editor.permissions.length);
  });

  test('every demo account signs in with the password from the environment', async () => {
    for (const account of Object.values(ACCOUNTS)) {
      await expect(app.adminToken(account)).resolves.toEqual(expect.any(String));
    }
    const wrong = await app.http().post('/admin/login').send({ email: ACCOUNTS.editor.email, password: 'Demo-password-1' });
    expect(wrong.status).toBe(400);
  });

  test('an editor writes drafts but cannot publish; a reviewer publishes approved content and unpublishes', async () => {
    const created = await createArticleAs(ACCOUNTS.editor, { slug: 'editor-draft' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;

    const updated = await app
      .http()
      .put(contentManagerUrl(UID.article, `/${documentId}?locale=zh-CN`))
      .set(await as(ACCOUNTS.editor))
      .send({ title: '编辑修改后的标题' });
    expect(updated.status).toBe(200);

    expect((await action(ACCOUNTS.editor, documentId, 'publish')).status).toBe(403);
    expect((await app.http().get(`/api/articles/${documentId}`)).status).toBe(404);
    // The reviewer's permission alone does not release unreviewed content.
    expect((await action(ACCOUNTS.reviewer, documentId, 'publish')).status).toBe(403);

    await recordSystemApproval(app.strapi, { uid: UID.article, documentId, locale: 'zh-CN' }, 'role test');
    expect((await action(ACCOUNTS.reviewer, documentId, 'publish')).status).toBe(200);
    const released = await app.http().get(`/api/articles/${documentId}`);
    expect(released.status).toBe(200);
    expect(released.body.data.title).toBe('编辑修改后的标题');

    expect((await action(ACCOUNTS.editor, documentId, 'unpublish')).status).toBe(403);
    expect((await action(ACCOUNTS.chiefReviewer, documentId, 'unpublish')).status).toBe(200);
    expect((await app.http().get(`/api/articles/${documentId}`)).status).toBe(404);
  });

  test('a reviewer reads everything but writes nothing', async () => {
    const list = await app
      .http()
      .get(contentManagerUrl(UID.article, '?locale=zh-CN&pageSize=100'))
      .set(await as(ACCOUNTS.reviewer));
    expect(list.status).toBe(200);
    expect(list.body.results.map((article: { slug: string }) => article.slug)).toContain('bottom-up-evaluation-plan-draft');

    expect((await createArticleAs(ACCOUNTS.reviewer)).status).toBe(403);
    const someone = list.body.results[0].documentId;
    const edit = await app
      .http()
      .put(contentManagerUrl(UID.article, `/${someone}?locale=zh-CN`))
      .set(await as(ACCOUNTS.reviewer))
      .send({ title: '审核员不能改' });
    expect(edit.status).toBe(403);
  });

  test('an editor may work on the English locale too', async () => {
    const created = await app
      .http()
      .post(contentManagerUrl(UID.article, '?locale=en'))
      .set(await as(ACCOUNTS.editor))
      .send(articleData({ title: 'An English draft', slug: 'english-draft' }));
    expect(created.status).toBe(201);
    expect(created.body.data.locale).toBe('en');
  });
});

describe('media library', () => {
  test('an editor uploads an image and gets the responsive formats', async () => {
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const response = await app
      .http()
      .post('/upload')
      .set(await as(ACCOUNTS.editor))
      .attach('files', png, { filename: 'banner.png', contentType: 'image/png' });
    expect(response.status).toBe(201);
    const [file] = response.body;
    expect(file).toMatchObject({ mime: 'image/png', width: 1600, height: 900 });
    expect(Object.keys(file.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    expect(file.formats.large.width).toBe(1000);
    expect(file.formats.thumbnail.width).toBeLessThanOrEqual(245);
  });

  test('a reviewer cannot upload', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const response = await app
      .http()
      .post('/upload')
      .set(await as(ACCOUNTS.reviewer))
      .attach('files', png, { filename: 'tiny.png', contentType: 'image/png' });
    expect(response.status).toBe(403);
  });
});

describe('first super admin from the environment', () => {
  test('is created once and never replaced by a later ADMIN_EMAIL', async () => {
    await ensureEnvSuperAdmin(app.strapi, { ADMIN_EMAIL: 'someone-else@example.com', ADMIN_PASSWORD: 'Another-Pass-1' });
    const superAdmins = await app.strapi.service('admin::role').getSuperAdminWithUsersCount();
    expect(superAdmins.usersCount).toBe(1);
    expect(await app.strapi.service('admin::user').findOneByEmail('someone-else@example.com')).toBeNull();
  });
});
