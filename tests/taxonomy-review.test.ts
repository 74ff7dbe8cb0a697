import { UID } from '../src/constants';
import { contentManagerUrl } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { reviewStateOf, workflowClient } from './harness/workflow';

/** What readers see of a 栏目, tag or organization is reviewed like the content that shows it. */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, chiefReviewer } = ACCOUNTS;
const C = UID.category;

const publicCategory = async (slug: string) =>
  (await app.http().get(`/api/categories?filters[slug][$eq]=${slug}`)).body.data[0];
const categoryOfLiveArticle = async () =>
  (
    await app
      .http()
      .get('/api/articles?filters[slug][$eq]=bullet-train-brand-launched&populate[category]=true')
  ).body.data[0].category.name as string;
const rssTitle = async () =>
  (await app.http().get('/api/feeds/rss?category=party-news')).text.match(
    /<channel>\s*<title>([^<]*)<\/title>/,
  )?.[1];

test('a renamed 栏目 stays as it was on every channel until a reviewer approves the new name', async () => {
  const news = await publicCategory('party-news');
  expect(news.name).toBe('党建动态');
  expect(await categoryOfLiveArticle()).toBe('党建动态');

  const renamed = await app
    .http()
    .put(contentManagerUrl(C, `/${news.documentId}`))
    .set(await wf.auth(editor))
    .send({ name: '党建要闻' });
  expect(renamed.status).toBe(200);
  expect((await publicCategory('party-news')).name).toBe('党建动态');
  expect(await categoryOfLiveArticle()).toBe('党建动态');
  expect(await rssTitle()).toMatch(/党建动态/);
  const graphql = await app.http().post('/graphql').send({
    query: '{ categories(filters: { slug: { eq: "party-news" } }, status: DRAFT) { name } }',
  });
  expect(JSON.stringify(graphql.body)).not.toContain('党建要闻');

  // Publishing it directly is refused: it has not been approved.
  expect((await wf.publish(chiefReviewer, C, news.documentId)).status).toBe(403);

  // One stage, the Reviewer's: approved, it is live everywhere at once.
  const submitted = await wf.submit(editor, C, news.documentId);
  expect([submitted.status, submitted.body.error?.message]).toEqual([200, undefined]);
  const status = (await wf.status(reviewer, C, news.documentId)).body.data;
  expect(status.stages).toEqual([{ name: '审核', role: 'Reviewer' }]);
  expect((await wf.approve(editor, C, news.documentId)).status).toBe(403);
  const approved = await wf.approve(reviewer, C, news.documentId, { comment: '栏目更名已核' });
  expect(approved.status).toBe(200);
  expect(approved.body.data.reviewState).toBe('published');
  expect((await publicCategory('party-news')).name).toBe('党建要闻');
  expect(await categoryOfLiveArticle()).toBe('党建要闻');
  expect(await rssTitle()).toMatch(/党建要闻/);
  expect((await wf.history(reviewer, C, news.documentId)).map((entry) => entry.action)).toEqual([
    'system_approve',
    'publish',
    'edited',
    'submit',
    'approve',
    'publish',
  ]);
});

test('a new tag or organization is not public until approved', async () => {
  const created = await app
    .http()
    .post(contentManagerUrl(UID.tag))
    .set(await wf.auth(editor))
    .send({ name: '新标签待审', slug: 'pending-tag' });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  expect((await app.http().get('/api/tags?filters[slug][$eq]=pending-tag')).body.data).toEqual([]);
  expect((await app.http().get(`/api/tags/${documentId}`)).status).toBe(404);
  await wf.submit(editor, UID.tag, documentId);
  expect((await reviewStateOf(app, documentId)).reviewState).toBe('in_review');
  await wf.approve(reviewer, UID.tag, documentId);
  expect((await app.http().get(`/api/tags/${documentId}`)).body.data.name).toBe('新标签待审');

  const organization = await app
    .http()
    .post(contentManagerUrl(UID.organization))
    .set(await wf.auth(editor))
    .send({ name: '待审党支部', slug: 'pending-branch', kind: 'branch' });
  expect(organization.status).toBe(201);
  expect(
    (await app.http().get('/api/organizations?filters[slug][$eq]=pending-branch')).body.data,
  ).toEqual([]);
});
