import type supertest from 'supertest';
import { PUBLIC_UIDS, UID, type ContentUid } from '../src/constants';
import { articleData, createReleased, documents, releaseReviewed } from './harness/content';
import { FIXTURES } from './harness/leak-world';
import { setPublicPermission } from './harness/public-access';
import { requestQueriesDuring } from './harness/request-queries';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

// The response cache (src/response-cache): what it serves, to whom, and that it never outlives a change.
const SCREEN_TOKEN = 'cache-test-screen';
const app = bootTestAppForFile({
  SCREEN_TOKENS: SCREEN_TOKEN,
  CORS_ORIGINS: 'https://www.example.com,https://partner.example.org',
});

// supertest listens on a new port per request, so the Host header would differ every time.
const HOST = 'cms.example.test';
const get = (path: string, headers: Record<string, string> = {}) =>
  app
    .http()
    .get(path)
    .set({ Host: HOST, ...headers });
const graphql = (body: string | object, headers: Record<string, string> = {}) =>
  app
    .http()
    .post('/graphql')
    .set({ Host: HOST, 'Content-Type': 'application/json', ...headers })
    .send(typeof body === 'string' ? body : JSON.stringify(body));

/** How many SQL statements the requests of `work` ran: a hit runs none. */
const queriesDuring = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; queries: number }> => {
  const { result, statements } = await requestQueriesDuring(app.strapi, work);
  return { result, queries: statements.length };
};

const comparable = (headers: Record<string, string>) => {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
};

const pluralOf = (uid: ContentUid) =>
  (app.strapi.contentType(uid).info as { pluralName: string }).pluralName;
const superAdmin = async () => ({
  Authorization: `Bearer ${await app.adminToken(ACCOUNTS.superAdmin)}`,
});

describe('a repeated read is answered from the cache, exactly as the miss was', () => {
  const reads: Array<[string, () => Promise<supertest.Response>]> = [
    [
      'REST list',
      () => get('/api/articles?locale=zh-CN&sort=publishedAt:desc&pagination[pageSize]=5'),
    ],
    [
      'REST list, parameters in another order',
      () => get('/api/articles?pagination[pageSize]=5&sort=publishedAt:desc&locale=zh-CN'),
    ],
    ['RSS feed', () => get('/api/feeds/rss?locale=zh-CN')],
    ['sitemap index', () => get('/api/sitemap.xml')],
    [
      'screen feed',
      () => get('/api/screen/feed?locale=zh-CN', { Authorization: `Bearer ${SCREEN_TOKEN}` }),
    ],
    [
      'GraphQL query',
      () =>
        graphql({
          query: '{ articles(sort: "publishedAt:desc", pagination: { limit: 3 }) { title slug } }',
        }),
    ],
    [
      'GraphQL query, formatted differently',
      () =>
        graphql({
          query:
            'query {\n  articles(sort: "publishedAt:desc", pagination: {limit: 3}) {\n    title\n    slug\n  }\n}',
        }),
    ],
  ];

  test.each(reads)('%s', async (_name, read) => {
    const miss = await read();
    expect(miss.status).toBe(200);
    const { result: hit, queries } = await queriesDuring(read);
    expect(queries).toBe(0);
    expect(hit.status).toBe(200);
    expect(hit.text).toBe(miss.text);
    expect(comparable(hit.headers)).toEqual(comparable(miss.headers));
    expect(hit.headers['content-type']).toMatch(/./);
  });

  test('HEAD asked first gets the headers a GET would', async () => {
    const path = '/api/organizations?locale=zh-CN&pagination[pageSize]=7';
    // Each with the Accept-Encoding of the other (superagent asks GETs for gzip, HEADs not).
    const head = await app
      .http()
      .head(path)
      .set({ Host: HOST, 'Accept-Encoding': 'gzip, deflate' });
    const getAfter = await get(path);
    expect(head.headers.etag).toBe(getAfter.headers.etag);
    expect(head.headers['cache-control']).toBe(getAfter.headers['cache-control']);
  });

  test('a REST single item, and HEAD of it: headers without a body', async () => {
    const [first] = (await get('/api/articles?locale=zh-CN&pagination[pageSize]=1')).body.data;
    const path = `/api/articles/${first.documentId}?locale=zh-CN&populate=category`;
    const miss = await get(path);
    const { result: head, queries } = await queriesDuring(() =>
      app.http().head(path).set({ Host: HOST, 'Accept-Encoding': 'gzip, deflate' }),
    );
    expect(queries).toBe(0);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers.etag).toBe(miss.headers.etag);
    expect(head.headers['content-length']).toBe(miss.headers['content-length']);
  });
});

describe('bodies of 1 KB and more go gzipped to readers that take gzip', () => {
  const path = '/api/articles?locale=zh-CN&pagination[pageSize]=4&sort=title:asc';
  // superagent undoes the gzip and keeps the headers as sent; `identity` asks for the bytes as they are.
  const read = (encoding: string, headers: Record<string, string> = {}) =>
    get(path, { 'Accept-Encoding': encoding, ...headers });

  test('on the miss and on every hit, with their own ETag, and as they are to readers that do not take it', async () => {
    const gzipped = await read('gzip, deflate, br');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    const { result: plain, queries } = await queriesDuring(() => read('identity'));
    expect(queries).toBe(0);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.text).toBe(gzipped.text);
    expect(Number(gzipped.headers['content-length'])).toBeLessThan(
      Number(plain.headers['content-length']) / 2,
    );
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);
    const hit = await read('gzip');
    expect(comparable(hit.headers)).toEqual(comparable(gzipped.headers));
    // `gzip;q=0` refuses it.
    expect((await read('gzip;q=0, identity')).headers['content-encoding']).toBeUndefined();
  });

  test('If-None-Match answers 304 only for the representation the reader holds', async () => {
    const gzipped = await read('gzip');
    const plain = await read('identity');
    expect((await read('gzip', { 'If-None-Match': gzipped.headers.etag })).status).toBe(304);
    expect((await read('identity', { 'If-None-Match': plain.headers.etag })).status).toBe(304);
    const other = await read('identity', { 'If-None-Match': gzipped.headers.etag });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBeUndefined();
  });

  test('small bodies go as they are', async () => {
    const small = await get('/api/tags?locale=zh-CN&pagination[pageSize]=1&fields[0]=name', {
      'Accept-Encoding': 'gzip',
    });
    expect(Number(small.headers['content-length'])).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('headers for browsers and CDNs', () => {
  test('a strong ETag, answered with 304 on a hit and on a miss', async () => {
    const path = '/api/categories?locale=zh-CN';
    const first = await get(path);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const { result: hit, queries } = await queriesDuring(() =>
      get(path, { 'If-None-Match': etag }),
    );
    expect(queries).toBe(0);
    expect(hit.status).toBe(304);
    expect(hit.text ?? '').toBe('');
    expect(hit.headers.etag).toBe(etag);
    // As Koa answers a 304: the validators and caching headers, none that describe a body.
    for (const name of ['content-type', 'content-encoding', 'content-length'])
      expect(hit.headers[name]).toBeUndefined();
    expect(hit.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    // A miss (a query asked for the first time) answers 304 too when the client holds the same bytes.
    const missed = await get(`${path}&pagination[page]=1`);
    const again = await get(`${path}&pagination[pageSize]=25`, {
      'If-None-Match': missed.headers.etag,
    });
    expect(again.status).toBe(304);
  });

  test('Public answers may be shared by a CDN; a token holder’s answers are private to them', async () => {
    expect((await get('/api/tags?locale=zh-CN')).headers['cache-control']).toMatch(
      /^public, max-age=\d+, stale-while-revalidate=\d+$/,
    );
    const token = await app.apiToken('read-only');
    expect(
      (await get('/api/tags?locale=zh-CN', { Authorization: `Bearer ${token}` })).headers[
        'cache-control'
      ],
    ).toMatch(/^private, /);
  });

  test('each allowed Origin gets its own CORS answer; others get none', async () => {
    const path = '/api/brands?locale=zh-CN';
    for (let round = 0; round < 2; round += 1) {
      expect(
        (await get(path, { Origin: 'https://www.example.com' })).headers[
          'access-control-allow-origin'
        ],
      ).toBe('https://www.example.com');
      expect(
        (await get(path, { Origin: 'https://partner.example.org' })).headers[
          'access-control-allow-origin'
        ],
      ).toBe('https://partner.example.org');
      expect(
        (await get(path, { Origin: 'https://evil.example.net' })).headers[
          'access-control-allow-origin'
        ],
      ).toBeUndefined();
    }
  });

  test('made-up Origins share the answer to no Origin: they cannot fill the cache with copies', async () => {
    const path = '/api/brands?locale=zh-CN&pagination[pageSize]=3';
    const plain = await get(path);
    const { result, queries } = await queriesDuring(() =>
      get(path, { Origin: `https://made-up-${Date.now()}.example.net` }),
    );
    expect(queries).toBe(0);
    expect(comparable(result.headers)).toEqual(comparable(plain.headers));
  });

  test('GraphQL answers in the type the client accepts', async () => {
    const query = { query: '{ tags { name } }' };
    const modern = await graphql(query, { Accept: 'application/graphql-response+json' });
    const classic = await graphql(query, { Accept: 'application/json' });
    expect(modern.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(classic.headers['content-type']).toMatch(/^application\/json/);
    expect(
      (await graphql(query, { Accept: 'application/graphql-response+json' })).headers[
        'content-type'
      ],
    ).toMatch(/^application\/graphql-response\+json/);
  });
});

describe('every change to what is live is seen by the next read', () => {
  // Generated from the content model: every public type, released, edited as a draft, taken down.
  test.each(PUBLIC_UIDS.map((uid) => [uid]))('%s: release, draft edit, unpublish', async (uid) => {
    const file = await app.uploadPng(ACCOUNTS.editor, '#335577');
    const unique = `cache-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const created = await documents(app.strapi, uid).create({
      data: FIXTURES[uid](`CACHE-${unique}`, { file: file.id }, unique),
      locale: 'zh-CN',
    });
    const path = `/api/${pluralOf(uid)}?locale=zh-CN&filters[documentId][$eq]=${created.documentId}`;
    const ids = async () =>
      ((await get(path)).body.data as Array<{ documentId: string }>).map((item) => item.documentId);

    expect(await ids()).toEqual([]);
    expect(await ids()).toEqual([]); // now a hit
    await releaseReviewed(app.strapi, uid, created.documentId);
    expect(await ids()).toEqual([created.documentId]);

    // Saving a draft changes nothing readers see, so it keeps the cache.
    const before = await get(path);
    await documents(app.strapi, uid).update({
      documentId: created.documentId,
      locale: 'zh-CN',
      data: {},
    });
    const { result: after, queries } = await queriesDuring(() => get(path));
    expect(queries).toBe(0);
    expect(after.text).toBe(before.text);

    await documents(app.strapi, uid).unpublish({ documentId: created.documentId, locale: 'zh-CN' });
    expect(await ids()).toEqual([]);
  });

  test('a category’s approved rename shows on every cached article that populates it', async () => {
    const category = await createReleased(app.strapi, UID.category, {
      name: '旧栏目名',
      slug: `cache-category-${Date.now().toString(36)}`,
    });
    const article = await createReleased(
      app.strapi,
      UID.article,
      articleData({ category: category.documentId }),
    );
    const path = `/api/articles/${article.documentId}?locale=zh-CN&populate=category`;
    expect((await get(path)).body.data.category.name).toBe('旧栏目名');
    expect((await get(path)).body.data.category.name).toBe('旧栏目名');
    await documents(app.strapi, UID.category).update({
      documentId: category.documentId,
      locale: 'zh-CN',
      data: { name: '新栏目名' },
    });
    expect((await get(path)).body.data.category.name).toBe('旧栏目名'); // a draft rename, not yet approved
    await releaseReviewed(app.strapi, UID.category, category.documentId);
    expect((await get(path)).body.data.category.name).toBe('新栏目名');
  });

  test('GraphQL reads see a publish at once', async () => {
    const slug = `cache-graphql-${Date.now().toString(36)}`;
    const query = {
      query: 'query ($slug: String) { articles(filters: { slug: { eq: $slug } }) { slug } }',
      variables: { slug },
    };
    expect((await graphql(query)).body.data.articles).toEqual([]);
    expect((await graphql(query)).body.data.articles).toEqual([]);
    await createReleased(app.strapi, UID.article, articleData({ slug }));
    expect((await graphql(query)).body.data.articles).toEqual([{ slug }]);
  });

  test('a file changed behind the media guard (a maintenance script) shows at once', async () => {
    const cover = await app.uploadPng(ACCOUNTS.editor, '#775533');
    const article = await createReleased(app.strapi, UID.article, articleData({ cover: cover.id }));
    const path = `/api/articles/${article.documentId}?locale=zh-CN&populate=cover`;
    expect((await get(path)).body.data.cover.alternativeText).toBeNull();
    expect((await get(path)).body.data.cover.alternativeText).toBeNull();
    await app.strapi.db
      .query('plugin::upload.file')
      .update({ where: { id: cover.id }, data: { alternativeText: '支部活动合影' } });
    expect((await get(path)).body.data.cover.alternativeText).toBe('支部活动合影');
  });

  test('Public losing a permission is refused at once, and served again once it is given back', async () => {
    const path = '/api/tags?locale=zh-CN&pagination[pageSize]=2';
    expect((await get(path)).status).toBe(200);
    expect((await get(path)).status).toBe(200);
    await setPublicPermission(app, ['api::tag', 'tag', 'find'], false);
    expect((await get(path)).status).toBe(403);
    await setPublicPermission(app, ['api::tag', 'tag', 'find'], true);
    expect((await get(path)).status).toBe(200);
  });
});

describe('only the reader the answer was made for gets it', () => {
  test('a token’s hits cost no database read; revoked, it is refused at once', async () => {
    const created = await app
      .http()
      .post('/admin/api-tokens')
      .set(await superAdmin())
      .send({
        name: `cache partner ${Date.now()}`,
        type: 'read-only',
        lifespan: null,
        kind: 'content-api',
      });
    const { id, accessKey } = created.body.data as { id: number; accessKey: string };
    const path = '/api/videos?locale=zh-CN';
    const asToken = { Authorization: `Bearer ${accessKey}` };
    expect((await get(path, asToken)).status).toBe(200);
    const { result: hit, queries } = await queriesDuring(() => get(path, asToken));
    expect(queries).toBe(0);
    expect(hit.status).toBe(200);
    expect(
      (
        await app
          .http()
          .delete(`/admin/api-tokens/${id}`)
          .set(await superAdmin())
      ).status,
    ).toBe(200);
    expect((await get(path, asToken)).status).toBe(401);
  });

  test('a regenerated token’s old key is refused at once; the new one reads', async () => {
    const created = await app
      .http()
      .post('/admin/api-tokens')
      .set(await superAdmin())
      .send({
        name: `cache rotated ${Date.now()}`,
        type: 'read-only',
        lifespan: null,
        kind: 'content-api',
      });
    const { id, accessKey } = created.body.data as { id: number; accessKey: string };
    const path = '/api/achievements?locale=zh-CN';
    expect((await get(path, { Authorization: `Bearer ${accessKey}` })).status).toBe(200);
    expect((await get(path, { Authorization: `Bearer ${accessKey}` })).status).toBe(200);
    const regenerated = await app
      .http()
      .post(`/admin/api-tokens/${id}/regenerate`)
      .set(await superAdmin());
    expect(regenerated.status).toBe(201);
    expect((await get(path, { Authorization: `Bearer ${accessKey}` })).status).toBe(401);
    expect(
      (await get(path, { Authorization: `Bearer ${regenerated.body.data.accessKey}` })).status,
    ).toBe(200);
  });

  test('a credential that is not a Content API token always goes through Strapi', async () => {
    const path = '/api/videos?locale=zh-CN';
    expect((await get(path)).status).toBe(200);
    for (const authorization of [
      'Bearer not-a-token',
      `Bearer ${await app.adminToken(ACCOUNTS.editor)}`,
      'Basic abc',
    ]) {
      // Whatever Strapi answers (it treats some as Public), it is Strapi answering: the database is read.
      const { queries } = await queriesDuring(() => get(path, { Authorization: authorization }));
      expect(queries).toBeGreaterThan(0);
    }
  });

  test('the screen feed, cached for a screen token, is refused without one or with a wrong one', async () => {
    const path = '/api/screen/feed?locale=zh-CN';
    expect((await get(path, { Authorization: `Bearer ${SCREEN_TOKEN}` })).status).toBe(200);
    expect((await get(`${path}&token=${SCREEN_TOKEN}`)).status).toBe(200);
    expect((await get(path)).status).toBe(403);
    expect((await get(path, { Authorization: 'Bearer wrong-screen-token' })).status).toBe(403);
    expect((await get(`${path}&token=wrong-screen-token`)).status).toBe(403);
  });

  test('the screen feed under another spelling of its path is never stored for the Public', async () => {
    for (const path of ['/api/screen/feed/?locale=zh-CN', '/api/Screen/Feed?locale=zh-CN']) {
      expect((await get(`${path}&token=${SCREEN_TOKEN}`)).status).toBe(200);
      expect((await get(`${path}&token=${SCREEN_TOKEN}`)).status).toBe(200);
      expect((await get(path)).status).toBe(403);
    }
  });

  test('GraphQL mutations, and bodies that are not JSON, never come from the cache', async () => {
    const mutation = { query: 'mutation { createArticle(data: { title: "x" }) { title } }' };
    for (let round = 0; round < 2; round += 1) {
      const { result, queries } = await queriesDuring(() => graphql(mutation));
      expect(result.body.errors?.length).toBeGreaterThan(0);
      expect(queries).toBeGreaterThan(0);
    }
    const broken = await graphql('{"query": ', { Origin: 'https://partner.example.org' });
    expect(broken.status).toBe(400);
    expect(broken.text).toMatch(/JSON/);
    // Refused inside the chain, so a browser can read why.
    expect(broken.headers['access-control-allow-origin']).toBe('https://partner.example.org');
  });
});
