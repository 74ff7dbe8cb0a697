import { PUBLISHABLE_UIDS, UID } from '../src/constants';
import { documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { reviewStateOf, workflowClient } from './harness/workflow';

/**
 * The workflow's admin API reads documents as the content manager does: a role whose read
 * permission has conditions (here Strapi's own "is creator") sees, through every door of ours,
 * only the documents those conditions let it read; and live content imported in SQL has the
 * review state it is in.
 */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;
const ownWork = { email: 'own-work-reader@example.com', password: 'Own-Work-Reader-Pass1' };

let own: Record<string, string>;
let mine: string;
let others: string;

beforeAll(async () => {
  const role = await app.strapi
    .service('admin::role')
    .create({ name: 'Own work reader', description: 'reads and edits what it created' });
  const allLocales = { locales: ['zh-CN', 'en'] };
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    ...PUBLISHABLE_UIDS.map((uid) => ({
      action: 'plugin::content-manager.explorer.read',
      subject: uid,
      properties: allLocales,
      conditions: ['admin::is-creator'],
    })),
    {
      action: 'plugin::content-manager.explorer.create',
      subject: A,
      properties: allLocales,
      conditions: [],
    },
  ]);
  await app.strapi
    .service('admin::user')
    .create({ ...ownWork, firstname: 'Own', lastname: 'Reader', isActive: true, roles: [role.id] });
  own = await wf.auth(ownWork);
  mine = await wf.createArticle(ownWork, { title: '自己写的稿子' });
  // Another author's article, scheduled and approved through 三审: in the calendar and the waiting tab.
  others = await wf.createArticle(editor, { title: '别人写的稿子' });
  await wf.schedule(editor, A, others, {
    publishAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  await wf.submit(editor, A, others);
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, others)).status).toBe(200);
});

const documentRoutes = (uid: string, documentId: string) => [
  `/workflow/documents/${uid}/${documentId}?locale=zh-CN`,
  `/workflow/documents/${uid}/${documentId}/history?locale=zh-CN`,
  `/workflow/documents/${uid}/${documentId}/diff?locale=zh-CN`,
];

describe('a role that reads only its own documents', () => {
  test('reads its own through the workflow API', async () => {
    for (const route of documentRoutes(A, mine))
      expect((await app.http().get(route).set(own)).status).toBe(200);
  });

  test.each(PUBLISHABLE_UIDS.map((uid) => [uid]))(
    '%s: another author’s document is refused on every document route',
    async (uid) => {
      const someone = await documents(app.strapi, uid).findFirst({
        locale: 'zh-CN',
        status: 'draft',
      });
      expect(someone).toBeTruthy();
      for (const route of documentRoutes(uid, someone.documentId)) {
        const response = await app.http().get(route).set(own);
        expect({ route, status: response.status }).toEqual({ route, status: 403 });
        expect(JSON.stringify(response.body)).not.toContain(String(someone.title ?? someone.name));
      }
    },
  );

  test('lists leave out what it may not read: calendar, waiting, my items, queue', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const route of [
      '/workflow/waiting',
      '/workflow/mine',
      '/workflow/queue',
      `/workflow/calendar?from=${from}&to=${to}`,
    ]) {
      const response = await app.http().get(route).set(own);
      expect({ route, status: response.status }).toEqual({ route, status: 200 });
      expect({
        route,
        ids: (response.body.data as Array<{ documentId: string }>).map((item) => item.documentId),
      }).toEqual({ route, ids: expect.not.arrayContaining([others]) });
    }
    // The same lists show it to a reader of every article.
    const waiting = await app
      .http()
      .get('/workflow/waiting')
      .set(await wf.auth(reviewer));
    expect(waiting.body.data.map((item: { documentId: string }) => item.documentId)).toContain(
      others,
    );
  });

  test('the bulk publish check reports another author’s document as not found, without its title', async () => {
    const response = await app
      .http()
      .post('/workflow/publish-check?locale=zh-CN')
      .set(own)
      .send({ uid: A, documentIds: [mine, others] });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({ documentId: mine, title: '自己写的稿子', canPublish: false }),
      {
        documentId: others,
        title: null,
        canPublish: false,
        reason: expect.stringContaining('找不到'),
      },
    ]);
  });

  test('the WeChat preview refuses another author’s article', async () => {
    expect(
      (
        await app
          .http()
          .get(`/wechat/articles/${others}/preview?locale=zh-CN&version=draft`)
          .set(own)
      ).status,
    ).toBe(403);
    expect(
      (await app.http().get(`/wechat/articles/${mine}/preview?locale=zh-CN&version=draft`).set(own))
        .status,
    ).toBe(200);
  });
});

test('checking a bulk publish writes nothing: a never-submitted document gets no stored state', async () => {
  const fresh = await wf.createArticle(editor, { title: '只检查不发布' });
  expect(await reviewStateOf(app, fresh)).toBeNull();
  const response = await app
    .http()
    .post('/workflow/publish-check?locale=zh-CN')
    .set(await wf.auth(reviewer))
    .send({ uid: A, documentIds: [fresh] });
  expect(response.body.data[0]).toMatchObject({ documentId: fresh, canPublish: false });
  expect(await reviewStateOf(app, fresh)).toBeNull();
});

test('live content imported in SQL has the state it is in: published, in the list column, its filter and the panel', async () => {
  const { seedArticles } = require('../scripts/bench/read') as {
    seedArticles: (strapi: typeof app.strapi, count: number) => Promise<void>;
  };
  const before = new Set(
    (
      await documents(app.strapi, A).findMany({
        locale: 'zh-CN',
        status: 'published',
        fields: ['documentId'],
      })
    ).map((row) => row.documentId),
  );
  await seedArticles(app.strapi, 3);
  const imported = (
    await documents(app.strapi, A).findMany({
      locale: 'zh-CN',
      status: 'published',
      fields: ['documentId'],
    })
  )
    .map((row) => row.documentId)
    .filter((id) => !before.has(id));
  expect(imported).toHaveLength(3);
  expect(await reviewStateOf(app, imported[0])).toBeNull();
  // Every start records them (as `npm run reindex` does, which starts the app once).
  await app.restart();
  const auth = await wf.auth(editor);
  const list = async (reviewState: string) =>
    (
      await app
        .http()
        .get(
          `/content-manager/collection-types/${A}?page=1&pageSize=100&locale=zh-CN&reviewState=${reviewState}&_q=`,
        )
        .set(auth)
    ).body.results.map((row: { documentId: string }) => row.documentId);
  const published = await list('published');
  const drafts = await list('draft');
  for (const id of imported) {
    expect(await reviewStateOf(app, id)).toMatchObject({
      reviewState: 'published',
      liveSince: expect.any(String),
    });
    expect(published).toContain(id);
    expect(drafts).not.toContain(id);
    expect((await wf.status(editor, A, id)).body.data).toMatchObject({
      reviewState: 'published',
      isLive: true,
    });
  }
});
