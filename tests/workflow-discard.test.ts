import { UID } from '../src/constants';
import { runDueJobs } from '../src/workflow/scheduler';
import { contentManagerUrl } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

// Discard (the content manager's 放弃修改) throws the draft away and makes a new one from the live
// version: a transition of its own (`discard`), back to the live version's state, never an edit.
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;

const discard = async (documentId: string, locale = 'zh-CN') =>
  app
    .http()
    .post(contentManagerUrl(A, `/${documentId}/actions/discard?locale=${locale}`))
    .set(await wf.auth(editor))
    .send({});

const passTheChain = async (documentId: string) => {
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, documentId)).status).toBe(200);
};

/** A live article whose draft has then been changed. */
const liveThenEdited = async (title: string) => {
  const documentId = await wf.createArticle(editor, { title });
  expect((await wf.submit(editor, A, documentId)).status).toBe(200);
  await passTheChain(documentId);
  expect((await reviewStateOf(app, documentId)).reviewState).toBe('published');
  expect((await wf.edit(editor, A, documentId, { title: `${title}（改）` })).status).toBe(200);
  return documentId;
};

const draftTitle = async (documentId: string) =>
  (
    await app.strapi.db
      .query(A)
      .findOne({ where: { documentId, locale: 'zh-CN', publishedAt: null } })
  )?.title;

/** After a discard: the live version's state, on the trail as `discarded` with who, and nothing to review in any queue. */
const expectBackToLive = async (documentId: string, title: string, from: string) => {
  const state = await reviewStateOf(app, documentId);
  expect(state).toMatchObject({ reviewState: 'published', stageIndex: 0, publishAt: null });
  expect(await draftTitle(documentId)).toBe(title);
  const trail = await app.strapi.db
    .query('api::workflow.audit-entry')
    .findMany({ where: { targetDocumentId: documentId, action: 'discarded' } });
  expect(trail).toHaveLength(1);
  expect(trail[0]).toMatchObject({
    fromState: from,
    toState: 'published',
    actorType: 'user',
    actorName: '李晓雯',
    contentHash: state.reviewedHash,
  });
  expect((await auditActions(app, documentId)).slice(-1)).toEqual(['discarded']);
  // Nothing to review, nothing offered but what a live item offers.
  expect((await wf.queue(reviewer)).map((item) => item.documentId)).not.toContain(documentId);
  const status = (await wf.status(editor, A, documentId)).body.data;
  expect(status.reviewState).toBe('published');
  expect(status.actions).not.toContain('submit');
  // And the next edit is an ordinary edit of a live item.
  expect((await wf.edit(editor, A, documentId, { title: `${title}（再改）` })).status).toBe(200);
  expect((await reviewStateOf(app, documentId)).reviewState).toBe('draft');
};

test('an edited draft of a live item (draft) goes back to the live version', async () => {
  const id = await liveThenEdited('放弃草稿的修改');
  expect((await reviewStateOf(app, id)).reviewState).toBe('draft');
  expect((await discard(id)).status).toBe(200);
  await expectBackToLive(id, '放弃草稿的修改', 'draft');
});

test('a changed version in review is withdrawn from review by a discard', async () => {
  const id = await liveThenEdited('审核中放弃');
  expect((await wf.submit(editor, A, id)).status).toBe(200);
  expect((await wf.approve(reviewer, A, id)).status).toBe(200);
  expect((await discard(id)).status).toBe(200);
  await expectBackToLive(id, '审核中放弃', 'in_review');
});

test('a changed version sent back for changes', async () => {
  const id = await liveThenEdited('退回后放弃');
  expect((await wf.submit(editor, A, id)).status).toBe(200);
  expect((await wf.requestChanges(reviewer, A, id, { comment: '请改' })).status).toBe(200);
  expect((await discard(id)).status).toBe(200);
  await expectBackToLive(id, '退回后放弃', 'changes_requested');
});

test('an approved changed version waiting for its publish time: the schedule goes with it, and nothing is released later', async () => {
  const id = await liveThenEdited('定时前放弃');
  const publishAt = new Date(Date.now() + 3600_000).toISOString();
  expect((await wf.schedule(editor, A, id, { publishAt })).status).toBe(200);
  expect((await wf.submit(editor, A, id)).status).toBe(200);
  await passTheChain(id);
  expect((await reviewStateOf(app, id)).reviewState).toBe('approved');
  expect((await discard(id)).status).toBe(200);
  await expectBackToLive(id, '定时前放弃', 'approved');
  const entry = await app.strapi.db
    .query('api::workflow.audit-entry')
    .findOne({ where: { targetDocumentId: id, action: 'discarded' } });
  expect(new Date(entry.details.publishAtCleared).toISOString()).toBe(publishAt);
  // The scheduler, past that time, releases nothing.
  await runDueJobs(app.strapi, new Date(Date.now() + 7200_000));
  expect((await auditActions(app, id)).filter((action) => action === 'publish')).toHaveLength(1);
});

test('a live item with nothing changed stays published', async () => {
  const id = await wf.createArticle(editor, { title: '未改动' });
  expect((await wf.submit(editor, A, id)).status).toBe(200);
  await passTheChain(id);
  expect((await discard(id)).status).toBe(200);
  await expectBackToLive(id, '未改动', 'published');
});

test('nothing live to go back to: refused, and the draft kept (Strapi’s discardDraft would have deleted it)', async () => {
  const never = await wf.createArticle(editor, { title: '从未发布' });
  const takenDown = await wf.createArticle(editor, { title: '已下线' });
  expect((await wf.submit(editor, A, takenDown)).status).toBe(200);
  await passTheChain(takenDown);
  expect((await wf.unpublish(chiefReviewer, A, takenDown)).status).toBe(200);
  expect((await reviewStateOf(app, takenDown)).reviewState).toBe('unpublished');

  for (const [id, title] of [
    [never, '从未发布'],
    [takenDown, '已下线'],
  ]) {
    // The content manager refuses by itself (it finds no live version)…
    const refused = await discard(id);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    // …and every other path is refused by the transition table, before Strapi deletes anything.
    await expect(
      app.strapi.documents(A).discardDraft({ documentId: id, locale: 'zh-CN' }),
    ).rejects.toThrow(/该内容未发布|not published/);
    expect(await draftTitle(id)).toBe(title);
    expect(await auditActions(app, id)).not.toContain('discarded');
  }
});
