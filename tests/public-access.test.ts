import { UID } from '../src/constants';
import { bootTestAppForFile } from './harness/strapi';
import { createReleased } from './harness/content';
import {
  buildHiddenVersions,
  DRAFT_ONLY,
  WECHAT_ONLY,
  type HiddenVersions,
  type Reader,
} from './harness/public-access';

const app = bootTestAppForFile();
let hidden: HiddenVersions;
let readOnlyToken: string;
let fullAccessToken: string;

beforeAll(async () => {
  hidden = await buildHiddenVersions(app);

  // A staff account whose e-mail must never leak.
  const authenticated = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  await app.strapi.plugin('users-permissions').service('user').add({
    username: 'staff-member',
    email: 'staff@example.com',
    password: 'Staff-Pass-1',
    provider: 'local',
    confirmed: true,
    role: authenticated.id,
  });

  readOnlyToken = await app.apiToken('read-only');
  fullAccessToken = await app.apiToken('full-access');
});

const readers: Reader[] = [
  { who: 'Public', auth: () => ({}) },
  { who: 'read-only API token', auth: () => ({ Authorization: `Bearer ${readOnlyToken}` }) },
  { who: 'full-access API token', auth: () => ({ Authorization: `Bearer ${fullAccessToken}` }) },
];

const get = (reader: Reader, url: string) => app.http().get(url).set(reader.auth());
const slugsOf = (body: { data: Array<{ slug: string }> }) => body.data.map((item) => item.slug);

describe.each(readers)('$who reading over REST', (reader) => {
  test('sees the published demo articles targeted at the website, in zh-CN', async () => {
    const response = await get(reader, '/api/articles?locale=zh-CN&pagination[pageSize]=100');
    expect(response.status).toBe(200);
    const slugs = slugsOf(response.body);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'bullet-train-brand-launched',
        'internet-thinking-for-branch-brands',
        'red-memory-of-mine-railway',
      ]),
    );
    expect(response.body.meta.pagination.total).toBe(slugs.length);
  });

  const draftProbes = [
    '/api/articles',
    '/api/articles?status=draft',
    '/api/articles?status=published&status=draft',
    '/api/articles?publicationState=preview',
    `/api/articles?filters[slug][$eq]=${DRAFT_ONLY}&status=draft`,
    '/api/articles?filters[publishedAt][$null]=true&status=draft',
    '/api/articles?filters[$or][0][publishedAt][$null]=true&filters[$or][1][slug][$eq]=edited-after-publish&status=draft',
    '/api/articles?populate=*&status=draft&locale=all',
    '/api/articles?locale=*&status=draft',
    '/api/articles?hasPublishedVersion=false&status=draft',
  ];

  test.each(draftProbes)('never sees a draft: %s', async (url) => {
    const response = await get(reader, url);
    expect(response.status).toBeLessThan(500);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(DRAFT_ONLY);
    expect(text).not.toContain('未发布的修改');
    if (response.status === 200) {
      for (const item of response.body.data) expect(item.publishedAt).toBeTruthy();
    }
  });

  test('gets 404 for a draft-only document, whatever status it asks for', async () => {
    for (const query of ['', '?status=draft', '?status=published']) {
      expect((await get(reader, `/api/articles/${hidden.draftOnlyId}${query}`)).status).toBe(404);
    }
  });

  test('gets the published version of a document whose draft was edited', async () => {
    const response = await get(reader, `/api/articles/${hidden.editedArticleId}?status=draft`);
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('已发布的标题');
  });

  test('never sees items not targeted at the website', async () => {
    expect((await get(reader, `/api/articles/${hidden.wechatOnlyId}`)).status).toBe(404);
    for (const url of [
      '/api/articles?pagination[pageSize]=100',
      '/api/articles?filters[channels][website][$eq]=false',
      `/api/articles?filters[$or][0][channels][website][$eq]=false&filters[$or][1][slug][$eq]=${WECHAT_ONLY}`,
    ]) {
      const response = await get(reader, url);
      expect(response.status).toBe(200);
      expect(slugsOf(response.body)).not.toContain(WECHAT_ONLY);
    }
  });

  test('never sees a draft brand, directly or through a relation', async () => {
    expect((await get(reader, `/api/brands/${hidden.draftBrandId}?status=draft`)).status).toBe(404);
    const article = await get(
      reader,
      `/api/articles/${hidden.linkedToDraftBrandId}?populate=brand&status=draft`,
    );
    expect(article.status).toBe(200);
    expect(article.body.data.brand).toBeNull();
    // Taxonomies have no draft & publish; they never point back at publishable content.
    const organizations = await get(reader, '/api/organizations?populate=*&status=draft');
    expect(organizations.status).toBe(200);
    expect(JSON.stringify(organizations.body)).not.toContain('unreleased-brand');
  });

  test('never sees user accounts or e-mail addresses', async () => {
    // Account routes do not exist on the Content API (access/public-model.ts).
    for (const url of [
      '/api/users',
      '/api/users/1',
      '/api/users/count',
      '/api/users/me',
      '/api/users-permissions/roles',
      '/api/users-permissions/permissions',
    ]) {
      const { status } = await get(reader, url);
      expect({ url, status }).toEqual({ url, status: 404 });
    }
    for (const url of [
      '/api/articles?populate=*',
      '/api/articles?populate[createdBy]=*',
      '/api/brands?populate[updatedBy][fields][0]=email',
    ]) {
      const response = await get(reader, url);
      expect(response.status).toBeLessThan(500);
      expect(JSON.stringify(response.body)).not.toMatch(/@example\.com/);
      for (const item of response.body.data ?? []) {
        expect(item).not.toHaveProperty('createdBy');
        expect(item).not.toHaveProperty('updatedBy');
      }
    }
  });
});

describe('Public writes nothing', () => {
  test.each([
    ['post', '/api/articles'],
    ['put', '/api/articles/any'],
    ['delete', '/api/articles/any'],
    ['post', '/api/categories'],
  ] as const)('%s %s is 403', async (method, url) => {
    const response = await app
      .http()
      [method](url)
      .send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });

  test('the media library takes no upload over the Content API: it has no route there', async () => {
    expect([404, 405]).toContain(
      (
        await app
          .http()
          .post('/api/upload')
          .send({ data: { title: 'x' } })
      ).status,
    );
  });

  test('self-registration is off', async () => {
    const response = await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'someone', email: 'someone@example.org', password: 'Passw0rd!x' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { email: 'someone@example.org' } }),
    ).toBe(0);
  });

  test('the admin API needs an admin session', async () => {
    expect((await app.http().get('/admin/users')).status).toBe(401);
    expect((await app.http().get(`/content-manager/collection-types/${UID.article}`)).status).toBe(
      401,
    );
  });
});

describe('every public type is readable', () => {
  test.each([
    'brands',
    'articles',
    'videos',
    'achievements',
    'categories',
    'tags',
    'organizations',
  ])('/api/%s', async (plural) => {
    const response = await app.http().get(`/api/${plural}`);
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
  });

  test('REST caps page sizes at 100', async () => {
    for (let i = 0; i < 105; i += 1)
      await createReleased(app.strapi, UID.tag, { name: `批量标签${i}`, slug: `bulk-tag-${i}` });
    const capped = await app.http().get('/api/tags?pagination[pageSize]=1000');
    expect(capped.body.data).toHaveLength(100);
    const byDefault = await app.http().get('/api/tags');
    expect(byDefault.body.data).toHaveLength(25);
  });
});
