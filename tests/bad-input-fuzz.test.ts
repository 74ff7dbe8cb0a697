import fc from 'fast-check';
import supertest from 'supertest';
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

const API_TYPES = ['articles', 'videos', 'achievements', 'brands', 'categories', 'tags', 'organizations'];

// ---- what a malformed request is made of --------------------------------------------------

const word = fc.constantFrom('x', 'abc', '', '../en', '..', '-1', '0', '1e999', 'NaN', 'true', 'null', '%00', '%', '[]', '{}', '1,2', '*', ';', "'", '"', '\\', '<script>', '🙂', '9'.repeat(40), 'id:desc', 'publishedAt:asc', 'title:sideways', 'zh-CN', 'en', 'xx-YY', 'published', 'draft');
const value = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.integer().map(String) });
const segment = fc.constantFrom(
  '[id]', '[documentId]', '[slug]', '[title]', '[name]', '[category]', '[brand]', '[locale]', '[publishedAt]', '[localizations]', '[cover]', '[channels]', '[body]',
  '[$eq]', '[$ne]', '[$in]', '[$between]', '[$null]', '[$notNull]', '[$containsi]', '[$lt]', '[$or]', '[$and]', '[$not]', '[$foo]',
  '[0]', '[1]', '[]', '[*]', '[__proto__]', '[constructor]', '[page]', '[pageSize]', '[start]', '[limit]', '[withCount]', '[populate]', '[fields]', '[sort]', '[on]'
);
const root = fc.constantFrom('filters', 'sort', 'pagination', 'populate', 'fields', 'locale', 'status', 'publicationState', '_q', 'category', 'brand', 'format', 'token', 'lastEventId', 'page', 'pageSize', 'id', 'plugins', '__proto__');
const parameter = fc.tuple(root, fc.array(segment, { maxLength: 4 }), value).map(([name, path, given]) => `${encodeURIComponent(name + path.join(''))}=${encodeURIComponent(given)}`);
const query = fc.array(parameter, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
// Some queries exactly as an attacker types them, unencoded.
const rawQuery = fc.constantFrom('filters=abc', 'filters[0]=x', 'filters[id][$between]=x', 'sort=../en', 'sort[0][1][2]=x', 'populate[0][populate]=*', 'pagination[page]=-1', 'pagination[pageSize]=1e9', 'fields[0][0]=x', 'locale[$ne]=x', 'status=both', 'filters[$or]=x', 'filters[title][$in]=x', 'filters[publishedAt][$between][0]=x', 'populate=localizations', 'populate[on][on]=[]', 'populate[category][on][x]=1', 'sort=id:desc:asc', 'filters[category][name][$eq]=x', 'category[name][$eq]=x', 'brand[$eq]=x', 'locale=../../etc');

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ data: fc.dictionary(fc.constantFrom('id', 'documentId', 'title', 'slug', 'body', 'digest', 'channels', 'category', 'brand', 'tags', 'cover', 'publishedAt', 'locale', 'localizations', 'createdBy', '__proto__', 'reviewState'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }) }),
  fc.constantFrom({ data: { id: { $gt: 0 } } }, { data: { id: { id: 1 } } }, { data: null }, { data: [] }, { data: 'x' }, { data: { title: { $ne: null } } }, { reason: ['x'] }, { reason: { x: 1 } }, { publishAt: 'x' }, { publishAt: { $gt: 1 } }, { stage: -1 }, { documentIds: 'x' }, { documentIds: [{}] }, { identifier: { $ne: null }, password: [] }, { query: 1 }, { query: '{ articles(filters: { id: { between: "x" } }) { documentId } }' }, { query: '{ articles(sort: "../en") { documentId } }' }, { query: 'mutation { deleteArticle(documentId: "x") { documentId } }' }, { variables: 'x', query: 'query($a: Int) { articles { documentId } }' })
);
type Body = { type: string; raw: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: jsonBody.map((json) => ({ type: 'application/json', raw: JSON.stringify(json) ?? 'null' })) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"data":', '[1,', '{"data":{"title":"x"}}}', '\u0000', 'null', '"x"', '1e999999') .map((raw) => ({ type: 'application/json', raw })) },
  { weight: 1, arbitrary: jsonBody.map((json) => ({ type: 'multipart/form-data; boundary=fuzz', raw: JSON.stringify(json) ?? '' })) },
  { weight: 1, arbitrary: fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=utf-16').map((type) => ({ type, raw: 'data[title]=x&data[id][$gt]=0' })) },
  { weight: 1, arbitrary: fc.constant({ type: 'multipart/form-data; boundary=fuzz', raw: '--fuzz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"title":\r\n--fuzz--\r\n' }) }
);

type Role = 'public' | 'token' | 'editor' | 'reviewer';
type Attempt = { role: Role; method: string; path: string; query: string; body: Body | null };

/** The routes of each role, with a real document where a route names one (half of the time). */
const attempts = (known: { article: string; category: string }): fc.Arbitrary<Attempt> => {
  const documentId = fc.oneof(fc.constant(known.article), word.map(encodeURIComponent));
  const anyType = fc.constantFrom(...API_TYPES);
  const modelUid = fc.constantFrom(...PUBLISHABLE_UIDS, UID.article, 'api::nothing.nothing', 'admin::user', 'plugin::users-permissions.user');
  const publicRoute = fc.oneof(
    fc.tuple(anyType).map(([type]) => ({ method: 'GET', path: `/api/${type}` })),
    fc.tuple(anyType, documentId).map(([type, id]) => ({ method: 'GET', path: `/api/${type}/${id}` })),
    fc.tuple(fc.constantFrom('rss', 'atom', 'json', 'x', '..')).map(([format]) => ({ method: 'GET', path: `/api/feeds/${format}` })),
    fc.constantFrom({ method: 'GET', path: '/api/sitemap.xml' }, { method: 'GET', path: '/api/sitemaps/1.xml' }, { method: 'GET', path: '/api/sitemaps/0.xml' }, { method: 'GET', path: '/api/screen/feed' }, { method: 'POST', path: '/graphql' }, { method: 'POST', path: '/api/auth/local' }, { method: 'POST', path: '/api/upload' }, { method: 'GET', path: '/api/upload/files' }, { method: 'GET', path: '/api/users' }),
    fc.tuple(fc.constantFrom('POST', 'PUT', 'DELETE'), anyType, documentId).map(([method, type, id]) => ({ method, path: method === 'POST' ? `/api/${type}` : `/api/${type}/${id}` }))
  );
  const editorRoute = fc.oneof(
    fc.tuple(fc.constantFrom('GET', 'POST'), modelUid).map(([method, uid]) => ({ method, path: `/content-manager/collection-types/${uid}` })),
    fc.tuple(fc.constantFrom('GET', 'PUT', 'DELETE'), modelUid, documentId).map(([method, uid, id]) => ({ method, path: `/content-manager/collection-types/${uid}/${id}` })),
    fc.tuple(modelUid, documentId, fc.constantFrom('publish', 'unpublish', 'discard')).map(([uid, id, action]) => ({ method: 'POST', path: `/content-manager/collection-types/${uid}/${id}/actions/${action}` })),
    fc.tuple(modelUid, fc.constantFrom('bulkPublish', 'bulkDelete', 'bulkUnpublish')).map(([uid, action]) => ({ method: 'POST', path: `/content-manager/collection-types/${uid}/actions/${action}` })),
    fc.tuple(modelUid, documentId, fc.constantFrom('submit', 'withdraw-approval')).map(([uid, id, action]) => ({ method: 'POST', path: `/workflow/documents/${uid}/${id}/${action}` })),
    fc.tuple(modelUid, documentId).map(([uid, id]) => ({ method: 'PUT', path: `/workflow/documents/${uid}/${id}/schedule` })),
    fc.constantFrom({ method: 'POST', path: '/upload' }, { method: 'GET', path: '/upload/files' }, { method: 'POST', path: '/upload/actions/bulk-delete' }, { method: 'GET', path: '/workflow/queue' }),
    fc.tuple(fc.constantFrom('preview', 'push', 'status'), documentId).map(([action, id]) => ({ method: action === 'preview' ? 'GET' : 'POST', path: `/wechat/articles/${id}/${action}` }))
  );
  const reviewerRoute = fc.oneof(
    fc.tuple(modelUid, documentId, fc.constantFrom('approve', 'request-changes', 'withdraw-approval')).map(([uid, id, action]) => ({ method: 'POST', path: `/workflow/documents/${uid}/${id}/${action}` })),
    fc.tuple(modelUid, documentId, fc.constantFrom('', '/history', '/diff')).map(([uid, id, part]) => ({ method: 'GET', path: `/workflow/documents/${uid}/${id}${part}` })),
    fc.constant({ method: 'GET', path: '/workflow/queue' }),
    fc.tuple(fc.constantFrom(UID.category, UID.article), documentId).map(([uid, id]) => ({ method: 'POST', path: `/content-manager/collection-types/${uid}/${id}/actions/publish` }))
  );
  const route = fc.oneof(
    publicRoute.map((found) => ({ ...found, role: 'public' as Role })),
    publicRoute.filter(({ method }) => method === 'GET').map((found) => ({ ...found, role: 'token' as Role })),
    editorRoute.map((found) => ({ ...found, role: 'editor' as Role })),
    reviewerRoute.map((found) => ({ ...found, role: 'reviewer' as Role }))
  );
  return fc.record({ route, query: fc.oneof(query, rawQuery, fc.constant('')), body }).map(({ route: { role, method, path }, query: given, body: sent }) => ({
    role,
    method,
    path,
    query: given,
    body: method === 'GET' || method === 'DELETE' ? null : sent,
  }));
};

// ---- what must not change -----------------------------------------------------------------

/** Every table's row count, in one query. */
const rowCounts = async (): Promise<Map<string, number>> => {
  const knex = app.strapi.db.connection;
  const tables: string[] =
    app.strapi.db.dialect.client === 'postgres'
      ? (await knex('information_schema.tables').select('table_name').whereRaw('table_schema = current_schema()')).map((row: { table_name: string }) => row.table_name)
      : (await knex('sqlite_master').select('name').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%')).map((row: { name: string }) => row.name);
  const union = tables.map((table) => `select '${table}' as name, count(*) as rows from "${table}"`).join(' union all ');
  const result = await knex.raw(union);
  const rows: Array<{ name: string; rows: number | string }> = Array.isArray(result) ? result : result.rows;
  return new Map(rows.map((row) => [row.name, Number(row.rows)]));
};

const changedTables = (before: Map<string, number>, after: Map<string, number>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table)).map((table) => `${table} ${before.get(table)}→${after.get(table)}`);

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
    const response = await app.http().post('/upload').set('Authorization', `Bearer ${editor}`).set('Content-Type', 'multipart/form-data; boundary=x').send('{"files": 1}');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/could not be read/);
  });

  test('an id object in a create body writes nothing', async () => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const before = await rowCounts();
    const response = await app
      .http()
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', `Bearer ${editor}`)
      .send({ id: { $gt: 0 }, title: { $ne: null }, slug: ['x'] });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(changedTables(before, await rowCounts())).toEqual([]);
  });

  // Found by the fuzz (seed 544103): the admin permission sanitiser read a fragment (on) as a model.
  test.each([
    [UID.category, 'populate[on][on]=[]', /populate\.on/],
    [UID.category, 'populate[name][on][x]=1', /populate\.name\.on/],
    [UID.article, 'populate[category][populate][on][x]=1', /populate\.category\.populate\.on/],
  ])('the content manager, %s with %s', async (uid, populate, names) => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const [item] = await documents(app.strapi, uid).findMany({ locale: 'zh-CN', limit: 1 });
    const before = await rowCounts();
    for (const request of [
      app.http().put(`/content-manager/collection-types/${uid}/${item.documentId}?${populate}`).send({ data: { id: { $gt: 0 } } }),
      app.http().get(`/content-manager/collection-types/${uid}?${populate}`),
    ]) {
      const response = await request.set('Authorization', `Bearer ${editor}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(names);
    }
    expect(changedTables(before, await rowCounts())).toEqual([]);
  });

  // Found by the fuzz (seed 304875): the media guard read the missing list of files to delete.
  test.each([[{}], [{ fileIds: 'x' }], [{ fileIds: 5 }], [{ folderIds: [] }]])('a bulk delete of media with %j', async (sent) => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const before = await rowCounts();
    const response = await app.http().post('/upload/actions/bulk-delete').set('Authorization', `Bearer ${editor}`).send(sent);
    expect(response.status).toBeLessThan(500);
    expect(changedTables(before, await rowCounts())).toEqual([]);
  });

  // Found by the fuzz (seed 949084): the media library's listing reads populate through the same sanitiser.
  test('the media library, populate[on][on]=[]', async () => {
    const editor = await app.adminToken(ACCOUNTS.editor);
    const response = await app.http().get('/upload/files?populate[on][on]=[]').set('Authorization', `Bearer ${editor}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/populate\.on/);
  });

  test('a text body where an object is expected', async () => {
    const response = await app.http().post('/api/auth/local').set('Content-Type', 'text/plain').send('identifier=x');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/JSON object/);
  });
});

test(`${RUNS} malformed requests: no 5xx, no 429, and no row written by a refused one (seed ${SEED})`, async () => {
  const [article] = await documents(app.strapi, UID.article).findMany({ locale: 'zh-CN', status: 'published', limit: 1 });
  const [category] = await documents(app.strapi, UID.category).findMany({ locale: 'zh-CN', status: 'published', limit: 1 });
  const credentials: Record<Role, string | null> = {
    public: null,
    token: await app.apiToken('read-only'),
    editor: await app.adminToken(ACCOUNTS.editor),
    reviewer: await app.adminToken(ACCOUNTS.reviewer),
  };
  const serverErrors: string[] = [];
  const refusedButWritten: string[] = [];
  const statuses = new Map<number, number>();
  let counts = await rowCounts();

  const send = async ({ role, method, path, query: given, body: sent }: Attempt) => {
    const url = given ? `${path}?${given}` : path;
    let request = app.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url);
    if (credentials[role]) request = request.set('Authorization', `Bearer ${credentials[role]}`);
    if (path === '/api/screen/feed' && role === 'public') request = request.set('Authorization', `Bearer ${SCREEN_TOKEN}`);
    if (sent) request = request.set('Content-Type', sent.type).send(sent.raw);
    return request.ok(() => true);
  };

  await fc.assert(
    fc.asyncProperty(attempts({ article: article.documentId, category: category.documentId }), async (attempt) => {
      const response: supertest.Response = await send(attempt);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const shown = `${attempt.role} ${attempt.method} ${attempt.path}${attempt.query ? `?${decodeURIComponent(attempt.query)}` : ''}${attempt.body ? ` [${attempt.body.type}] ${attempt.body.raw.slice(0, 120)}` : ''}`;
      if (response.status >= 500 || response.status === 429) serverErrors.push(`${response.status} ${shown} → ${response.text.slice(0, 200)}`);
      const after = await rowCounts();
      if (response.status >= 400 && response.status < 500) {
        const changed = changedTables(counts, after);
        if (changed.length > 0) refusedButWritten.push(`${response.status} ${shown}: ${changed.join(', ')}`);
      }
      counts = after;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true }
  );

  // A run that never reached the handlers would pass for nothing: most answers must be refusals
  // of the input itself, and some must have been served.
  const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  expect(total).toBe(RUNS);
  expect([...statuses.entries()].filter(([status]) => status === 400).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(RUNS / 10);
  expect([...statuses.entries()].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(RUNS / 20);
  expect(serverErrors.slice(0, 40)).toEqual([]);
  expect(refusedButWritten.slice(0, 40)).toEqual([]);
}, 900_000);
