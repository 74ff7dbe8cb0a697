import { UID } from '../src/constants';
import { articleData, contentManagerUrl } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { tcpProxy } from './harness/tcp-proxy';

// PostgreSQL going away under a running server, through a proxy this test controls (never by
// stopping the shared cluster): requests that need the database get a 503 with Retry-After,
// never a 500, nothing is half written, and the server serves again by itself once the
// database is back. Skipped, loudly, on the SQLite run (an embedded database cannot go away).
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const adminUrl = new URL(
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const proxy = tcpProxy({ host: adminUrl.hostname, port: Number(adminUrl.port || 5432) });

if (!onPostgres) console.warn('database-outage: skipped on SQLite; npm run test:postgres runs it');

(onPostgres ? describe : describe.skip)('PostgreSQL out of reach', () => {
  beforeAll(async () => {
    await proxy.open();
    // Read by the harness when it makes the app's database URL.
    process.env.TEST_POSTGRES_APP_PORT = String(proxy.port);
  });
  // Misses only (every read must reach the database), and a short wait for a connection.
  const app = bootTestAppForFile({
    RESPONSE_CACHE_ENABLED: 'false',
    DATABASE_CONNECTION_TIMEOUT: '1500',
  });
  afterAll(() => proxy.open().catch(() => undefined));

  test('503 with Retry-After while it is away, nothing half written, served again when it is back', async () => {
    const editor = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.editor)}` };
    const created = await app
      .http()
      .post(contentManagerUrl(UID.article, '?locale=zh-CN'))
      .set(editor)
      .send(articleData({ title: '断线之前' }));
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect((await app.http().get('/api/articles?locale=zh-CN')).status).toBe(200);

    await proxy.cut();
    const whileAway = [
      await app.http().get('/api/articles?locale=zh-CN&pagination[page]=2'),
      await app.http().get('/api/categories'),
      await app.http().post('/graphql').send({ query: '{ articles { documentId } }' }),
      await app
        .http()
        .put(contentManagerUrl(UID.article, `/${documentId}?locale=zh-CN`))
        .set(editor)
        .send({ title: '断线之中' }),
      await app.http().post('/admin/login').send(ACCOUNTS.reviewer),
    ];
    for (const response of whileAway) {
      expect({ status: response.status, text: response.text.slice(0, 200) }).toMatchObject({
        status: 503,
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body.error.message).toMatch(
        /数据库暂时无法连接.*The database cannot be reached/,
      );
    }

    await proxy.open();
    let answer = await app.http().get('/api/articles?locale=zh-CN&pagination[page]=3');
    for (let attempt = 0; answer.status !== 200 && attempt < 30; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answer = await app.http().get('/api/articles?locale=zh-CN&pagination[page]=3');
    }
    expect(answer.status).toBe(200);
    // The save refused while away changed nothing; saves work again.
    const draft = await app
      .http()
      .get(contentManagerUrl(UID.article, `/${documentId}?locale=zh-CN`))
      .set(editor);
    expect(draft.body.data.title).toBe('断线之前');
    expect(
      (
        await app
          .http()
          .put(contentManagerUrl(UID.article, `/${documentId}?locale=zh-CN`))
          .set(editor)
          .send({ title: '恢复之后' })
      ).status,
    ).toBe(200);
  }, 120_000);
});
