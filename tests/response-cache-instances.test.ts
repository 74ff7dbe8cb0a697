import { execFileSync } from 'child_process';
import supertest from 'supertest';
import { UID } from '../src/constants';
import { articleData, createReleased, documents, releaseReviewed } from './harness/content';
import { startSecondInstance } from './harness/second-instance';
import { bootTestAppForFile } from './harness/strapi';

// Two server processes on one database and one Redis, as a production deployment runs: what
// either caches, neither serves once the other has changed what is live.
// Skipped, loudly, on the SQLite run (npm test); npm run test:postgres runs them.
const sharedServices =
  process.env.DATABASE_CLIENT === 'postgres' && Boolean(process.env.TEST_REDIS_URL);

const HOST = 'cms.example.test';
const listPath = '/api/articles?locale=zh-CN&sort=publishedAt:desc&pagination[pageSize]=3';

(sharedServices ? describe : describe.skip)('two instances, PostgreSQL and Redis', () => {
  const app = bootTestAppForFile({ REDIS_URL: process.env.TEST_REDIS_URL ?? '' });
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  let secondUrl: string;
  beforeAll(async () => {
    second = await startSecondInstance();
    secondUrl = `http://127.0.0.1:${await second.command('serve', 'LISTENING')}`;
  });
  afterAll(() => second?.kill());

  const onFirst = (path: string) => app.http().get(path).set('Host', HOST);
  const onSecond = (path: string) => supertest(secondUrl).get(path).set('Host', HOST);
  const newestSlugs = async (read: (path: string) => supertest.Test) =>
    ((await read(listPath)).body.data as Array<{ slug: string }>).map((item) => item.slug);

  test('a response one instance stored is the other’s hit, byte for byte, without reading the database', async () => {
    const first = await onFirst(listPath);
    const queriesBefore = await second.command('queries', 'QUERIES');
    const fromSecond = await onSecond(listPath);
    // Both representations travel through Redis: the gzipped one and the bytes as they are.
    const plainFromSecond = await onSecond(listPath).set('Accept-Encoding', 'identity');
    expect(await second.command('queries', 'QUERIES')).toBe(queriesBefore);
    expect(fromSecond.status).toBe(200);
    expect(fromSecond.text).toBe(first.text);
    expect(fromSecond.headers.etag).toBe(first.headers.etag);
    expect(fromSecond.headers['content-encoding']).toBe('gzip');
    expect(plainFromSecond.text).toBe(first.text);
    expect(plainFromSecond.headers['content-encoding']).toBeUndefined();
  });

  test('a publish and an unpublish on one instance are seen at once on the other', async () => {
    await newestSlugs(onSecond);
    await newestSlugs(onSecond);
    const slug = `two-instances-${Date.now().toString(36)}`;
    const article = await createReleased(app.strapi, UID.article, articleData({ slug }));
    expect((await newestSlugs(onSecond))[0]).toBe(slug);
    await documents(app.strapi, UID.article).unpublish({
      documentId: article.documentId,
      locale: 'zh-CN',
    });
    expect(await newestSlugs(onSecond)).not.toContain(slug);
  });

  test('a category’s approved rename on one instance shows on the other’s cached articles', async () => {
    const category = await createReleased(app.strapi, UID.category, {
      name: '两台栏目',
      slug: `two-instances-category-${Date.now().toString(36)}`,
    });
    const article = await createReleased(
      app.strapi,
      UID.article,
      articleData({ category: category.documentId }),
    );
    const path = `/api/articles/${article.documentId}?locale=zh-CN&populate=category`;
    expect((await onSecond(path)).body.data.category.name).toBe('两台栏目');
    expect((await onSecond(path)).body.data.category.name).toBe('两台栏目');
    await documents(app.strapi, UID.category).update({
      documentId: category.documentId,
      locale: 'zh-CN',
      data: { name: '改名栏目' },
    });
    await releaseReviewed(app.strapi, UID.category, category.documentId);
    expect((await onSecond(path)).body.data.category.name).toBe('改名栏目');
  });

  test('a bulk import written in SQL is served on every instance once `npm run reindex` has run', async () => {
    const [newest] = (await onSecond(listPath)).body.data as Array<{
      documentId: string;
      title: string;
    }>;
    await onFirst(listPath);
    await app.strapi.db
      .connection('articles')
      .where({ document_id: newest.documentId, locale: 'zh-CN' })
      .whereNotNull('published_at')
      .update({ title: '批量导入的标题' });
    // The CMS was not told: both still serve what they stored.
    expect((await onSecond(listPath)).body.data[0].title).toBe(newest.title);
    execFileSync(process.execPath, ['scripts/reindex.js'], { env: process.env, stdio: 'inherit' });
    expect((await onSecond(listPath)).body.data[0].title).toBe('批量导入的标题');
    expect((await onFirst(listPath)).body.data[0].title).toBe('批量导入的标题');
  });

  test('a release made by the other instance is seen at once by this one', async () => {
    const slug = `released-elsewhere-${Date.now().toString(36)}`;
    const draft = await documents(app.strapi, UID.article).create({
      data: articleData({ slug }),
      locale: 'zh-CN',
    });
    await newestSlugs(onFirst);
    await newestSlugs(onFirst);
    expect(
      await second.command(`release ${UID.article} ${draft.documentId} zh-CN`, 'RELEASED'),
    ).toBe('');
    expect((await newestSlugs(onFirst))[0]).toBe(slug);
    await second.stopped;
  });
});
