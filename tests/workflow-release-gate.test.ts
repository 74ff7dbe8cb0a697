import { UID } from '../src/constants';
import { articleData, contentManagerUrl, documents } from './harness/content';
import { recordSystemApproval } from '../src/workflow/review-actions';
import { ACCOUNTS, bootTestApp, type TestApp } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

let app: TestApp;
let wf: ReturnType<typeof workflowClient>;
let fullAccessToken: string;
const { editor, reviewer, secondReviewer, chiefReviewer, superAdmin } = ACCOUNTS;
const A = UID.article;

beforeAll(async () => {
  app = await bootTestApp();
  wf = workflowClient(app);
  fullAccessToken = await app.apiToken('full-access');
});
afterAll(async () => {
  await app?.close();
});

const liveRows = (documentId: string) =>
  app.strapi.db.query(A).count({ where: { documentId, publishedAt: { $notNull: true } } });
const approveAll = async (documentId: string) => {
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, documentId)).status).toBe(200);
};

describe('an unapproved document is refused on every publishing path', () => {
  let id: string;
  beforeAll(async () => {
    id = await wf.createArticle(editor, { title: '未经审核的稿件' });
  });

  test('the admin Publish button (content-manager publish action), even for a super admin', async () => {
    const response = await wf.publish(superAdmin, A, id);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/未经审核通过.*not been approved/);
  });

  test('the content-manager create-and-publish in one click', async () => {
    const response = await app
      .http()
      .post(contentManagerUrl(A, '/actions/publish?locale=zh-CN'))
      .set(await wf.auth(superAdmin))
      .send(articleData());
    expect(response.status).toBe(403);
  });

  test('the Content API with a full-access token, create and update with status=published', async () => {
    const created = await app
      .http()
      .post('/api/articles?status=published')
      .set('Authorization', `Bearer ${fullAccessToken}`)
      .send({ data: articleData() });
    expect(created.status).toBe(403);
    const updated = await app
      .http()
      .put(`/api/articles/${id}?status=published`)
      .set('Authorization', `Bearer ${fullAccessToken}`)
      .send({ data: { title: '令牌发布' } });
    expect(updated.status).toBe(403);
  });

  test('the Document Service from code: create, update with status published, and publish()', async () => {
    const articles = documents(app.strapi, A);
    await expect(articles.create({ data: articleData(), status: 'published' })).rejects.toThrow(
      /审核/,
    );
    await expect(
      articles.update({
        documentId: id,
        locale: 'zh-CN',
        data: { subtitle: 'x' },
        status: 'published',
      }),
    ).rejects.toThrow(/审核/);
    await expect(articles.publish({ documentId: id, locale: 'zh-CN' })).rejects.toThrow(/审核/);
    await expect(articles.publish({ documentId: id, locale: '*' })).rejects.toThrow(/审核/);
  });

  test('nothing was released and no half-written record is left behind', async () => {
    expect(await liveRows(id)).toBe(0);
    expect(await app.strapi.db.query(A).count({ where: { title: '令牌发布' } })).toBe(0);
    expect(await auditActions(app, id)).not.toContain('publish');
  });
});

describe('an approved document', () => {
  test('is published by a reviewer only while its content is the approved version', async () => {
    const id = await wf.createArticle(editor);
    await wf.schedule(editor, A, id, { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    await wf.submit(editor, A, id);
    await approveAll(id);

    // Before publishAt: change the schedule rather than publishing early.
    const early = await wf.publish(chiefReviewer, A, id);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(/定时/);
    await wf.schedule(editor, A, id, { publishAt: null });
    expect((await reviewStateOf(app, id)).reviewState).toBe('approved'); // schedule changes are not edits

    // create/update with status 'published' writes first: a changed body never goes out.
    await expect(
      documents(app.strapi, A).update({
        documentId: id,
        locale: 'zh-CN',
        data: { title: '偷换的标题' },
        status: 'published',
      }),
    ).rejects.toThrow();
    expect(await liveRows(id)).toBe(0);
    expect(
      (await documents(app.strapi, A).findOne({ documentId: id, locale: 'zh-CN' })).title,
    ).toBe('测试文章');

    expect((await wf.publish(chiefReviewer, A, id)).status).toBe(200);
    expect((await app.http().get(`/api/articles/${id}`)).body.data.title).toBe('测试文章');
    expect(await auditActions(app, id)).toEqual([
      'schedule',
      'submit',
      'approve',
      'approve',
      'approve',
      'schedule',
      'publish',
    ]);
  });

  test('unpublishing is audited and re-publishing needs no new review while the content is unchanged', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    await approveAll(id);
    expect(await liveRows(id)).toBe(1);

    expect((await wf.unpublish(editor, A, id)).status).toBe(403);
    expect((await wf.unpublish(reviewer, A, id)).status).toBe(200);
    expect(await reviewStateOf(app, id)).toMatchObject({
      reviewState: 'unpublished',
      liveSince: null,
    });
    expect((await wf.publish(reviewer, A, id)).status).toBe(200);
    expect((await reviewStateOf(app, id)).reviewState).toBe('published');

    // An edit of the draft while live: the live version stays, the edit needs review.
    await wf.edit(editor, A, id, { title: '上线后修改' });
    expect((await wf.publish(reviewer, A, id)).status).toBe(403);
    expect((await app.http().get(`/api/articles/${id}`)).body.data.title).toBe('测试文章');
    const history = await wf.history(reviewer, A, id);
    expect(history.map((entry) => entry.action)).toEqual([
      'submit',
      'approve',
      'approve',
      'approve',
      'publish',
      'unpublish',
      'publish',
      'edited',
    ]);
    expect(history.find((entry) => entry.action === 'unpublish')).toMatchObject({
      actorName: '刘佳',
      fromState: 'published',
      toState: 'unpublished',
    });
  });

  test('unpublishing while the next version is in review takes the live one down and leaves the review where it was', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    await approveAll(id);
    await wf.edit(editor, A, id, { title: '第二版，待审' });
    expect((await wf.submit(editor, A, id)).status).toBe(200);
    await wf.approve(reviewer, A, id);

    expect((await wf.unpublish(reviewer, A, id)).status).toBe(200);
    expect(await liveRows(id)).toBe(0);
    expect(await reviewStateOf(app, id)).toMatchObject({
      reviewState: 'in_review',
      stageIndex: 1,
      liveSince: null,
    });
    expect((await wf.history(reviewer, A, id)).slice(-1)[0]).toMatchObject({
      action: 'unpublish',
      fromState: 'in_review',
      toState: 'in_review',
    });
    // The version in review was never approved: nobody can publish it, nor can a token.
    expect((await wf.publish(reviewer, A, id)).status).toBe(403);
    const byToken = await app
      .http()
      .put(`/api/articles/${id}?status=published`)
      .set('Authorization', `Bearer ${fullAccessToken}`)
      .send({ data: {} });
    expect(byToken.status).toBe(403);
    expect(await liveRows(id)).toBe(0);
  });

  test('deleting published content is audited; a Content API token cannot delete it', async () => {
    const id = await wf.createArticle(editor);
    await recordSystemApproval(
      app.strapi,
      { uid: A, documentId: id, locale: 'zh-CN' },
      'delete test',
    );
    await wf.publish(reviewer, A, id);
    expect(
      (
        await app
          .http()
          .delete(`/api/articles/${id}`)
          .set('Authorization', `Bearer ${fullAccessToken}`)
      ).status,
    ).toBe(403);
    expect(await liveRows(id)).toBe(1);

    const deleted = await app
      .http()
      .delete(contentManagerUrl(A, `/${id}?locale=zh-CN`))
      .set(await wf.auth(superAdmin));
    expect(deleted.status).toBe(200);
    expect(await app.strapi.db.query(A).count({ where: { documentId: id } })).toBe(0);
    expect((await auditActions(app, id)).slice(-1)).toEqual(['delete']);
    expect(await reviewStateOf(app, id)).toBeNull();
  });

  test('a document deleted while in review leaves the review queue', async () => {
    const id = await wf.createArticle(editor);
    await wf.submit(editor, A, id);
    expect((await wf.queue(reviewer)).map((item) => item.documentId)).toContain(id);
    expect(
      (
        await app
          .http()
          .delete(contentManagerUrl(A, `/${id}?locale=zh-CN`))
          .set(await wf.auth(superAdmin))
      ).status,
    ).toBe(200);
    expect((await wf.queue(reviewer)).map((item) => item.documentId)).not.toContain(id);
  });
});

describe('locales', () => {
  test('each locale has its own review; a bulk publish of several locales needs every one approved', async () => {
    const id = await wf.createArticle(editor, { title: '中文版' });
    const english = await wf.edit(editor, A, id, articleData({ title: 'English version' }), 'en');
    expect(english.status).toBe(200);

    expect((await wf.submit(editor, A, id, {}, 'en')).status).toBe(200);
    expect((await reviewStateOf(app, id, 'en')).reviewState).toBe('in_review');
    expect((await reviewStateOf(app, id, 'zh-CN'))?.reviewState ?? 'draft').toBe('draft');

    await recordSystemApproval(
      app.strapi,
      { uid: A, documentId: id, locale: 'zh-CN' },
      'bulk test',
    );
    const both = { documentId: id, locale: ['zh-CN', 'en'] };
    await expect(documents(app.strapi, A).publish(both)).rejects.toThrow(/审核/);
    expect(await liveRows(id)).toBe(0);

    await recordSystemApproval(app.strapi, { uid: A, documentId: id, locale: 'en' }, 'bulk test');
    await documents(app.strapi, A).publish(both);
    expect(await liveRows(id)).toBe(2);
    expect(await auditActions(app, id, 'en')).toContain('publish');
    expect(await auditActions(app, id, 'zh-CN')).toContain('publish');
  });
});

describe('the audit trail and review states are editorial data', () => {
  test('append-only for everyone, super admins and code included', async () => {
    const [entry] = await app.strapi.db.query('api::workflow.audit-entry').findMany({ limit: 1 });
    const audit = documents(app.strapi, 'api::workflow.audit-entry');
    await expect(
      audit.update({ documentId: entry.documentId, data: { comment: '篡改' } }),
    ).rejects.toThrow(/append-only/);
    await expect(audit.delete({ documentId: entry.documentId })).rejects.toThrow(/append-only/);
    const viaAdmin = await app
      .http()
      .put(contentManagerUrl('api::workflow.audit-entry', `/${entry.documentId}`))
      .set(await wf.auth(superAdmin))
      .send({ comment: '篡改' });
    expect([403, 404]).toContain(viaAdmin.status);
    const removed = await app
      .http()
      .delete(contentManagerUrl('api::workflow.audit-entry', `/${entry.documentId}`))
      .set(await wf.auth(superAdmin));
    expect([403, 404]).toContain(removed.status);
    expect(
      await app.strapi.db.query('api::workflow.audit-entry').findOne({ where: { id: entry.id } }),
    ).toMatchObject({ comment: entry.comment });
  });

  test('no Content API route reaches review states, approvals or the trail, with or without a token', async () => {
    for (const path of [
      '/api/review-states',
      '/api/audit-entries',
      '/api/review-chains',
      '/api/terminology-rules',
    ]) {
      expect((await app.http().get(path)).status).toBe(404);
      expect(
        (await app.http().get(path).set('Authorization', `Bearer ${fullAccessToken}`)).status,
      ).toBe(404);
    }
    const schema = await app
      .http()
      .post('/graphql')
      .send({ query: '{ __schema { queryType { fields { name } } } }' });
    const fields = schema.body.data.__schema.queryType.fields.map(
      (field: { name: string }) => field.name,
    );
    expect(
      fields.filter((name: string) =>
        /^(auditEntr|reviewChain|reviewState|terminologyRule)/.test(name),
      ),
    ).toEqual([]);
    const asked = await app
      .http()
      .post('/graphql')
      .set('Authorization', `Bearer ${fullAccessToken}`)
      .send({ query: '{ auditEntries { action } }' });
    expect(asked.body.errors[0].message).toMatch(/Cannot query field "auditEntries"/);
    expect((await app.http().get('/workflow/queue')).status).toBe(401);
  });
});
