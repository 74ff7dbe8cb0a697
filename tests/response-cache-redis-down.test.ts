import { UID } from '../src/constants';
import { articleData, createReleased } from './harness/content';
import { requestQueriesDuring } from './harness/request-queries';
import { bootTestAppForFile } from './harness/strapi';

// REDIS_URL points where nothing answers: the cache steps aside, readers are served by Strapi.
const app = bootTestAppForFile({ REDIS_URL: 'redis://127.0.0.1:9' });
const HOST = 'cms.example.test';
const listPath = '/api/articles?locale=zh-CN&sort=publishedAt:desc&pagination[pageSize]=3';

test('reads are answered (as misses), publishes are seen at once, nothing fails', async () => {
  const first = await app.http().get(listPath).set('Host', HOST);
  expect(first.status).toBe(200);
  const { result: again, statements } = await requestQueriesDuring(app.strapi, () =>
    app.http().get(listPath).set('Host', HOST),
  );
  expect(again.status).toBe(200);
  expect(statements.length).toBeGreaterThan(0);

  const slug = `redis-down-${Date.now().toString(36)}`;
  await createReleased(app.strapi, UID.article, articleData({ slug }));
  const after = await app.http().get(listPath).set('Host', HOST);
  expect(after.status).toBe(200);
  expect(after.body.data[0].slug).toBe(slug);
});
