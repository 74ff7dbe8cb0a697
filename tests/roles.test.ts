import sharp from 'sharp';
import { UID } from '../src/constants';
import { EDITORIAL_ROLES, ensureEditorialRoles } from '../src/access/admin-roles';
import { ensureEnvSuperAdmin } from '../src/access/super-admin';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { articleData, contentManagerUrl } from './harness/content';
import { recordSystemApproval } from '../src/workflow/review-actions';

const app = bootTestAppForFile();

type Account = { email: string; password: string };

const as = async (account: Account) => ({
  Authorization: `Bearer ${await app.adminToken(account)}`,
});

/** `data` sent to the admin API, signed in as `account`. */
const send = async (account: Account, method: 'post' | 'put', url: string, data: object) =>
  app
    .http()
    [method](url)
    .set(await as(account))
    .send(data);

const createArticleAs = (account: Account, overrides: Record<string, unknown> = {}) =>
  send(account, 'post', contentManagerUrl(UID.article, '?locale=zh-CN'), articleData(overrides));
const editAs = (account: Account, documentId: string, data: object) =>
  send(account, 'put', contentManagerUrl(UID.article, `/${documentId}?locale=zh-CN`), data);
const action = (account: Account, documentId: string, name: 'publish' | 'unpublish') =>
  send(
    account,
    'post',
    contentManagerUrl(UID.article, `/${documentId}/actions/${name}?locale=zh-CN`),
    {},
  );

const uploadAs = async (
  account: Account,
  filename: string,
  { width, height }: { width: number; height: number },
) => {
  const png = await sharp({ create: { width, height, channels: 3, background: '#c8102e' } })
    .png()
    .toBuffer();
  return app
    .http()
    .post('/upload')
    .set(await as(account))
    .attach('files', png, { filename, contentType: 'image/png' });
};

describe('editorial roles', () => {
  test('exist exactly once, and a second bootstrap neither duplicates nor resets them', async () => {
    const roles = app.strapi.db.query('admin::role');
    const editor = await roles.findOne({
      where: { name: 'Publicity Editor' },
      populate: ['permissions'],
    });
    // An administrator's change must survive the next start.
    await app.strapi
      .service('admin::role')
      .update({ id: editor.id }, { description: 'changed by an administrator' });

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
    const wrong = await app
      .http()
      .post('/admin/login')
      .send({ email: ACCOUNTS.editor.email, password: 'Demo-password-1' });
    expect(wrong.status).toBe(400);
  });

  test('an editor writes drafts but cannot publish; a reviewer publishes approved content and unpublishes', async () => {
    const created = await createArticleAs(ACCOUNTS.editor, { slug: 'editor-draft' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;

    const updated = await editAs(ACCOUNTS.editor, documentId, { title: '编辑修改后的标题' });
    expect(updated.status).toBe(200);

    expect((await action(ACCOUNTS.editor, documentId, 'publish')).status).toBe(403);
    expect((await app.http().get(`/api/articles/${documentId}`)).status).toBe(404);
    // The reviewer's permission alone does not release unreviewed content.
    expect((await action(ACCOUNTS.reviewer, documentId, 'publish')).status).toBe(403);

    await recordSystemApproval(
      app.strapi,
      { uid: UID.article, documentId, locale: 'zh-CN' },
      'role test',
    );
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
    expect(list.body.results.map((article: { slug: string }) => article.slug)).toContain(
      'bottom-up-evaluation-plan-draft',
    );

    expect((await createArticleAs(ACCOUNTS.reviewer)).status).toBe(403);
    const someone = list.body.results[0].documentId;
    const edit = await editAs(ACCOUNTS.reviewer, someone, { title: '审核员不能改' });
    expect(edit.status).toBe(403);
  });

  test('an editor may work on the English locale too', async () => {
    const created = await send(
      ACCOUNTS.editor,
      'post',
      contentManagerUrl(UID.article, '?locale=en'),
      articleData({ title: 'An English draft', slug: 'english-draft' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.data.locale).toBe('en');
  });
});

describe('media library', () => {
  test('an editor uploads an image and gets the responsive formats', async () => {
    const response = await uploadAs(ACCOUNTS.editor, 'banner.png', { width: 1600, height: 900 });
    expect(response.status).toBe(201);
    const [file] = response.body;
    expect(file).toMatchObject({ mime: 'image/png', width: 1600, height: 900 });
    expect(Object.keys(file.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    expect(file.formats.large.width).toBe(1000);
    expect(file.formats.thumbnail.width).toBeLessThanOrEqual(245);
  });

  test('a reviewer cannot upload', async () => {
    const response = await uploadAs(ACCOUNTS.reviewer, 'tiny.png', { width: 20, height: 20 });
    expect(response.status).toBe(403);
  });
});

describe('first super admin from the environment', () => {
  test('is created once and never replaced by a later ADMIN_EMAIL', async () => {
    await ensureEnvSuperAdmin(app.strapi, {
      ADMIN_EMAIL: 'someone-else@example.com',
      ADMIN_PASSWORD: 'Another-Pass-1',
    });
    const superAdmins = await app.strapi.service('admin::role').getSuperAdminWithUsersCount();
    expect(superAdmins.usersCount).toBe(1);
    expect(
      await app.strapi.service('admin::user').findOneByEmail('someone-else@example.com'),
    ).toBeNull();
  });
});
