import { UID } from '../src/constants';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

/**
 * Bulk submit, schedule, approve and send back (the list view's bulk actions): each document is
 * judged and recorded exactly as the single action would, and the answer says per item whether
 * it was done and, if not, why.
 */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer } = ACCOUNTS;
const A = UID.article;

type Outcome = { documentId: string; ok: boolean; reason: string | null };
const bulk = async (
  account: (typeof ACCOUNTS)[keyof typeof ACCOUNTS],
  action: string,
  body: Record<string, unknown>,
) =>
  app
    .http()
    [action === 'schedule' ? 'put' : 'post'](`/workflow/bulk/${action}`)
    .set(await wf.auth(account))
    .send({ uid: A, ...body });
const outcomes = (response: { status: number; body: { data?: Outcome[]; error?: unknown } }) => {
  expect([response.status, response.body.error]).toEqual([200, undefined]);
  return Object.fromEntries(
    (response.body.data ?? []).map(({ documentId, ok, reason }) => [
      documentId,
      ok ? 'ok' : reason,
    ]),
  );
};
const IN_AN_HOUR = () => new Date(Date.now() + 3600_000).toISOString();

test('bulk submit sends each draft as submit would, and says why the others were refused', async () => {
  const [first, second, already] = [
    await wf.createArticle(editor),
    await wf.createArticle(editor),
    await wf.createArticle(editor),
  ];
  await wf.submit(editor, A, already);
  const answer = outcomes(
    await bulk(editor, 'submit', {
      documentIds: [first, second, already, 'nosuchdocument'],
      comment: '本周稿件',
    }),
  );
  expect(answer[first]).toBe('ok');
  expect(answer[second]).toBe('ok');
  // In the single action's own words.
  expect(answer[already]).toBe((await wf.submit(editor, A, already)).body.error.message);
  expect(answer.nosuchdocument).toMatch(/找不到/);
  for (const id of [first, second]) {
    expect((await reviewStateOf(app, id)).reviewState).toBe('in_review');
    // On the trail as a single submit, with the comment.
    const trail = await wf.history(editor, A, id);
    expect(trail.at(-1)).toMatchObject({
      action: 'submit',
      comment: '本周稿件',
      actorName: expect.any(String),
    });
  }
  expect(await auditActions(app, already)).toEqual(['submit']);
  // A reviewer has no submit on these (as alone): refused per item, nothing written.
  const third = await wf.createArticle(editor);
  expect(outcomes(await bulk(reviewer, 'submit', { documentIds: [third] }))[third]).not.toBe('ok');
  expect(await auditActions(app, third)).toEqual([]);
});

test('bulk schedule sets one time on each; a time that is not one is the request’s 400', async () => {
  const ids = [await wf.createArticle(editor), await wf.createArticle(editor)];
  await wf.submit(editor, A, ids[0]);
  const publishAt = IN_AN_HOUR();
  const answer = outcomes(await bulk(editor, 'schedule', { documentIds: ids, publishAt }));
  expect(ids.map((id) => answer[id])).toEqual(['ok', 'ok']);
  for (const id of ids)
    expect(new Date((await reviewStateOf(app, id)).publishAt).toISOString()).toBe(publishAt);
  for (const publishAt of ['2030-02-30T09:00:00+08:00', 'tomorrow', 42]) {
    const refused = await bulk(editor, 'schedule', { documentIds: ids, publishAt });
    expect([refused.status, refused.body.error.details.path]).toEqual([400, ['publishAt']]);
  }
  const none = await bulk(editor, 'schedule', { documentIds: ids });
  expect(none.status).toBe(400);
  expect(none.body.error.message).toMatch(/publishAt/);
});

test('bulk approve passes only what this reviewer opened at this stage; the others say so', async () => {
  const [read, unread] = [await wf.createArticle(editor), await wf.createArticle(editor)];
  outcomes(await bulk(editor, 'submit', { documentIds: [read, unread] }));
  // Opening the edit view asks for the status: that is the read.
  expect((await wf.status(reviewer, A, read)).status).toBe(200);
  const first = outcomes(
    await bulk(reviewer, 'approve', { documentIds: [read, unread], comment: '同意' }),
  );
  expect(first[read]).toBe('ok');
  expect(first[unread]).toMatch(/尚未在本审核阶段打开阅读/);
  expect((await reviewStateOf(app, read)).stageIndex).toBe(1);
  expect((await reviewStateOf(app, unread)).stageIndex).toBe(0);
  expect(await auditActions(app, unread)).toEqual(['submit']);

  // A read at 初审 is not a read at 复审: the next reviewer opens it anew.
  expect(outcomes(await bulk(secondReviewer, 'approve', { documentIds: [read] }))[read]).toMatch(
    /尚未在本审核阶段打开阅读/,
  );
  await wf.status(secondReviewer, A, read);
  expect(outcomes(await bulk(secondReviewer, 'approve', { documentIds: [read] }))[read]).toBe('ok');

  // Opened at 终审, which is not theirs: refused as approving alone would be, in its words.
  await wf.status(secondReviewer, A, read);
  const wrongStage = outcomes(await bulk(secondReviewer, 'approve', { documentIds: [read] }))[read];
  expect(wrongStage).toBe((await wf.approve(secondReviewer, A, read)).body.error.message);
  expect((await reviewStateOf(app, read)).stageIndex).toBe(2);
});

test('bulk send-back needs one comment and records it on each item', async () => {
  const ids = [await wf.createArticle(editor), await wf.createArticle(editor)];
  outcomes(await bulk(editor, 'submit', { documentIds: ids }));
  for (const comment of [undefined, '', '   ']) {
    const refused = await bulk(reviewer, 'request-changes', { documentIds: ids, comment });
    expect([refused.status, refused.body.error.details.path]).toEqual([400, ['comment']]);
  }
  const answer = outcomes(
    await bulk(reviewer, 'request-changes', { documentIds: ids, comment: '请补充图片说明' }),
  );
  expect(ids.map((id) => answer[id])).toEqual(['ok', 'ok']);
  for (const id of ids) {
    expect((await reviewStateOf(app, id)).reviewState).toBe('changes_requested');
    expect((await wf.history(editor, A, id)).at(-1)).toMatchObject({
      action: 'request_changes',
      comment: '请补充图片说明',
    });
  }
});

test('the documents of a bulk action are named correctly, or the request is a 400 naming the field', async () => {
  const id = await wf.createArticle(editor);
  for (const [body, path] of [
    [{ documentIds: [] }, 'documentIds'],
    [{ documentIds: Array.from({ length: 101 }, (_, index) => `doc${index}`) }, 'documentIds'],
    [{ documentIds: ['../etc'] }, 'documentIds'],
    [{ documentIds: id }, 'documentIds'],
    [{ documentIds: [id], uid: 'plugin::users-permissions.user' }, 'uid'],
    [{ documentIds: [id], uid: 42 }, 'uid'],
    [{ documentIds: [id], locale: ['en'] }, 'locale'],
  ] as const) {
    for (const action of ['submit', 'schedule', 'approve', 'request-changes']) {
      const response = await bulk(editor, action, {
        comment: '意见',
        publishAt: IN_AN_HOUR(),
        ...body,
      });
      expect([action, path, response.status, response.body.error?.details?.path]).toEqual([
        action,
        path,
        400,
        [path],
      ]);
    }
  }
  expect(await auditActions(app, id)).toEqual([]);
  // Signed out: nothing.
  expect(
    (
      await app
        .http()
        .post('/workflow/bulk/submit')
        .send({ uid: A, documentIds: [id] })
    ).status,
  ).toBe(401);
});
