import fc from 'fast-check';
import type supertest from 'supertest';
import {
  body,
  changedTables,
  query,
  rawQuery,
  rowCounts,
  word,
  type Body,
} from './harness/malformed';
import { PUBLISHABLE_UIDS, UID } from '../src/constants';
import { documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

// Malformed requests of every shape an outside probe tried, over the public, editor and reviewer
// routes: none may be answered 5xx, and none answered 4xx may leave a row behind (every table's
// row count is compared after each). Rate limits are off here; a 429 fails the run, so a limit
// can never make it pass. FUZZ_SEED replays a run; FUZZ_RUNS changes its size (default 5,100).
const SCREEN_TOKEN = 'fuzz-screen';
const app = bootTestAppForFile({ SCREEN_TOKENS: SCREEN_TOKEN });
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5100);

const API_TYPES = [
  'articles',
  'videos',
  'achievements',
  'brands',
  'categories',
  'tags',
  'organizations',
];

type Role = 'public' | 'token' | 'editor' | 'reviewer';
type Attempt = { role: Role; method: string; path: string; query: string; body: Body | null };

/** The routes of each role, with a real document where a route names one (half of the time). */
const attempts = (known: { article: string; category: string }): fc.Arbitrary<Attempt> => {
  const documentId = fc.oneof(fc.constant(known.article), word.map(encodeURIComponent));
  const anyType = fc.constantFrom(...API_TYPES);
  const modelUid = fc.constantFrom(
    ...PUBLISHABLE_UIDS,
    UID.article,
    'api::nothing.nothing',
    'admin::user',
    'plugin::users-permissions.user',
  );
  const publicRoute = fc.oneof(
    fc.tuple(anyType).map(([type]) => ({ method: 'GET', path: `/api/${type}` })),
    fc
      .tuple(anyType, documentId)
      .map(([type, id]) => ({ method: 'GET', path: `/api/${type}/${id}` })),
    fc
      .tuple(fc.constantFrom('rss', 'atom', 'json', 'x', '..'))
      .map(([format]) => ({ method: 'GET', path: `/api/feeds/${format}` })),
    fc.constantFrom(
      { method: 'GET', path: '/api/sitemap.xml' },
      { method: 'GET', path: '/api/sitemaps/1.xml' },
      { method: 'GET', path: '/api/sitemaps/0.xml' },
      { method: 'GET', path: '/api/screen/feed' },
      { method: 'POST', path: '/graphql' },
      { method: 'POST', path: '/api/auth/local' },
      { method: 'POST', path: '/api/upload' },
      { method: 'GET', path: '/api/upload/files' },
      { method: 'GET', path: '/api/users' },
    ),
    fc
      .tuple(fc.constantFrom('POST', 'PUT', 'DELETE'), anyType, documentId)
      .map(([method, type, id]) => ({
        method,
        path: method === 'POST' ? `/api/${type}` : `/api/${type}/${id}`,
      })),
  );
  const editorRoute = fc.oneof(
    fc
      .tuple(fc.constantFrom('GET', 'POST'), modelUid)
      .map(([method, uid]) => ({ method, path: `/content-manager/collection-types/${uid}` })),
    fc
      .tuple(fc.constantFrom('GET', 'PUT', 'DELETE'), modelUid, documentId)
      .map(([method, uid, id]) => ({
        method,
        path: `/content-manager/collection-types/${uid}/${id}`,
      })),
    fc
      .tuple(modelUid, documentId, fc.constantFrom('publish', 'unpublish', 'discard'))
      .map(([uid, id, action]) => ({
        method: 'POST',
        path: `/content-manager/collection-types/${uid}/${id}/actions/${action}`,
      })),
    fc
      .tuple(modelUid, fc.constantFrom('bulkPublish', 'bulkDelete', 'bulkUnpublish'))
      .map(([uid, action]) => ({
        method: 'POST',
        path: `/content-manager/collection-types/${uid}/actions/${action}`,
      })),
    fc
      .tuple(modelUid, documentId, fc.constantFrom('submit', 'withdraw-approval'))
      .map(([uid, id, action]) => ({
        method: 'POST',
        path: `/workflow/documents/${uid}/${id}/${action}`,
      })),
    fc
      .tuple(modelUid, documentId)
      .map(([uid, id]) => ({ method: 'PUT', path: `/workflow/documents/${uid}/${id}/schedule` })),
    fc.constantFrom(
      { method: 'POST', path: '/upload' },
      { method: 'GET', path: '/upload/files' },
      { method: 'POST', path: '/upload/actions/bulk-delete' },
      { method: 'GET', path: '/workflow/queue' },
    ),
    fc.tuple(fc.constantFrom('preview', 'push', 'status'), documentId).map(([action, id]) => ({
      method: action === 'preview' ? 'GET' : 'POST',
      path: `/wechat/articles/${id}/${action}`,
    })),
  );
  const reviewerRoute = fc.oneof(
    fc
      .tuple(
        modelUid,
        documentId,
        fc.constantFrom('approve', 'request-changes', 'withdraw-approval'),
      )
      .map(([uid, id, action]) => ({
        method: 'POST',
        path: `/workflow/documents/${uid}/${id}/${action}`,
      })),
    fc
      .tuple(modelUid, documentId, fc.constantFrom('', '/history', '/diff'))
      .map(([uid, id, part]) => ({
        method: 'GET',
        path: `/workflow/documents/${uid}/${id}${part}`,
      })),
    fc.constant({ method: 'GET', path: '/workflow/queue' }),
    fc.tuple(fc.constantFrom(UID.category, UID.article), documentId).map(([uid, id]) => ({
      method: 'POST',
      path: `/content-manager/collection-types/${uid}/${id}/actions/publish`,
    })),
  );
  const route = fc.oneof(
    publicRoute.map((found) => ({ ...found, role: 'public' as Role })),
    publicRoute
      .filter(({ method }) => method === 'GET')
      .map((found) => ({ ...found, role: 'token' as Role })),
    editorRoute.map((found) => ({ ...found, role: 'editor' as Role })),
    reviewerRoute.map((found) => ({ ...found, role: 'reviewer' as Role })),
  );
  return fc
    .record({ route, query: fc.oneof(query, rawQuery, fc.constant('')), body })
    .map(({ route: { role, method, path }, query: given, body: sent }) => ({
      role,
      method,
      path,
      query: given,
      body: method === 'GET' || method === 'DELETE' ? null : sent,
    }));
};

/** Every table's row count, in one query. */
const tableRows = () => rowCounts(app.strapi);

// What an outside probe found answered 500, each now a 4xx that names what is wrong.
describe('the probe’s cases', () => {
  test.each([
    ['/api/articles?filters[id][$between]=x', /filters\.id\.\$between.*two values/],
    ['/api/articles?filters=abc', /filters/],
    ['/api/articles?filters[0]=x', /filters/],
    ['/api/articles?sort=../en', /sort/],
    ['/api/articles?locale[$ne]=x', /locale/],
    ['/api/feeds/rss?category[name][$eq]=x', /category/],
    ['/api/articles?filters[category]=published', /filters\.category.*id/],
    ['/api/articles?filters[title][$lt][$in]=x', /filters\.title\.\$lt/],
  ])('GET %s', async (url, names) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(names);
  });

  test('a multipart content type with a body that is not multipart', async () => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const response = await app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${editor}`)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('{"files": 1}');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/could not be read/);
  });

  test('an id object in a create body writes nothing', async () => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const before = await tableRows();
    const response = await app
      .http()
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', `Bearer ${editor}`)
      .send({ id: { $gt: 0 }, title: { $ne: null }, slug: ['x'] });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(changedTables(before, await tableRows())).toEqual([]);
  });

  // Found by the fuzz (seed 544103): the admin permission sanitiser read a fragment (on) as a model.
  test.each([
    [UID.category, 'populate[on][on]=[]', /populate\.on/],
    [UID.category, 'populate[name][on][x]=1', /populate\.name\.on/],
    [UID.article, 'populate[category][populate][on][x]=1', /populate\.category\.populate\.on/],
  ])('the content manager, %s with %s', async (uid, populate, names) => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const [item] = await documents(app.strapi, uid).findMany({ locale: 'zh-CN', limit: 1 });
    const before = await tableRows();
    for (const request of [
      app
        .http()
        .put(`/content-manager/collection-types/${uid}/${item.documentId}?${populate}`)
        .send({ data: { id: { $gt: 0 } } }),
      app.http().get(`/content-manager/collection-types/${uid}?${populate}`),
    ]) {
      const response = await request.set('Authorization', `Bearer ${editor}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(names);
    }
    expect(changedTables(before, await tableRows())).toEqual([]);
  });

  // Found by the fuzz (seed 304875): the media guard read the missing list of files to delete.
  test.each([[{}], [{ fileIds: 'x' }], [{ fileIds: 5 }], [{ folderIds: [] }]])(
    'a bulk delete of media with %j',
    async (sent) => {
      const editor = await app.adminToken(ACCOUNTS.editor);
      const before = await tableRows();
      const response = await app
        .http()
        .post('/upload/actions/bulk-delete')
        .set('Authorization', `Bearer ${editor}`)
        .send(sent);
      expect(response.status).toBeLessThan(500);
      expect(changedTables(before, await tableRows())).toEqual([]);
    },
  );

  // Found by the fuzz (seed 949084): the media library's listing reads populate through the same sanitiser.
  test('the media library, populate[on][on]=[]', async () => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const response = await app
      .http()
      .get('/upload/files?populate[on][on]=[]')
      .set('Authorization', `Bearer ${editor}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/populate\.on/);
  });

  test('a text body where an object is expected', async () => {
    const response = await app
      .http()
      .post('/api/auth/local')
      .set('Content-Type', 'text/plain')
      .send('identifier=x');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/JSON object/);
  });
});

test(`${RUNS} malformed requests: no 5xx, no 429, and no row written by a refused one (seed ${SEED})`, async () => {
  const [article] = await documents(app.strapi, UID.article).findMany({
    locale: 'zh-CN',
    status: 'published',
    limit: 1,
  });
  const [category] = await documents(app.strapi, UID.category).findMany({
    locale: 'zh-CN',
    status: 'published',
    limit: 1,
  });
  const credentials: Record<Role, string | null> = {
    public: null,
    token: await app.apiToken('read-only'),
    editor: await app.adminToken(ACCOUNTS.editor),
    reviewer: await app.adminToken(ACCOUNTS.reviewer),
  };
  const serverErrors: string[] = [];
  const refusedButWritten: string[] = [];
  const statuses = new Map<number, number>();
  let counts = await tableRows();

  const send = async ({ role, method, path, query: given, body: sent }: Attempt) => {
    const url = given ? `${path}?${given}` : path;
    let request = app.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
    if (credentials[role]) request = request.set('Authorization', `Bearer ${credentials[role]}`);
    if (path === '/api/screen/feed' && role === 'public')
      request = request.set('Authorization', `Bearer ${SCREEN_TOKEN}`);
    if (sent) request = request.set('Content-Type', sent.type).send(sent.raw);
    return request.ok(() => true);
  };

  await fc.assert(
    fc.asyncProperty(
      attempts({ article: article.documentId, category: category.documentId }),
      async (attempt) => {
        const response: supertest.Response = await send(attempt);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const shown = `${attempt.role} ${attempt.method} ${attempt.path}${attempt.query ? `?${decodeURIComponent(attempt.query)}` : ''}${attempt.body ? ` [${attempt.body.type}] ${attempt.body.raw.slice(0, 120)}` : ''}`;
        if (response.status >= 500 || response.status === 429)
          serverErrors.push(`${response.status} ${shown} → ${response.text.slice(0, 200)}`);
        const after = await tableRows();
        if (response.status >= 400 && response.status < 500) {
          const changed = changedTables(counts, after);
          if (changed.length > 0)
            refusedButWritten.push(`${response.status} ${shown}: ${changed.join(', ')}`);
        }
        counts = after;
      },
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );

  // A run that never reached the handlers would pass for nothing: most answers must be refusals
  // of the input itself, and some must have been served.
  const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  expect(total).toBe(RUNS);
  expect(
    [...statuses.entries()]
      .filter(([status]) => status === 400)
      .reduce((sum, [, count]) => sum + count, 0),
  ).toBeGreaterThan(RUNS / 10);
  expect(
    [...statuses.entries()]
      .filter(([status]) => status < 300)
      .reduce((sum, [, count]) => sum + count, 0),
  ).toBeGreaterThan(RUNS / 20);
  expect(serverErrors.slice(0, 40)).toEqual([]);
  expect(refusedButWritten.slice(0, 40)).toEqual([]);
}, 900_000);
