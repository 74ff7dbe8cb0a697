import { UID } from '../src/constants';
import { runDueJobs } from '../src/workflow/scheduler';
import { documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { contentlessAdmin, workflowClient } from './harness/workflow';

/**
 * Review state everywhere: the content manager's list says where each item stands and lists one
 * state on request; 发布日历 says what goes live or comes down when, on which channel, and how
 * ready each item is.
 */
const app = bootTestAppForFile();
const wf = workflowClient(app);
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;

// A week of its own, far from anything else the demo or other tests schedule.
const WEEK = new Date('2031-03-03T00:00:00.000Z');
const at = (hours: number) => new Date(WEEK.getTime() + hours * 3600_000).toISOString();

const calendar = async (query: Record<string, string> = {}) =>
  app
    .http()
    .get(
      `/workflow/calendar?${new URLSearchParams({ from: WEEK.toISOString(), to: at(7 * 24), ...query })}`,
    )
    .set(await wf.auth(editor));

type Entry = {
  documentId: string;
  action: string;
  readiness: string;
  atRisk: boolean;
  stageName: string | null;
  channels: string[];
  brand: { documentId: string } | null;
};
const entriesOf = async (query: Record<string, string> = {}): Promise<Entry[]> => {
  const response = await calendar(query);
  expect(response.status).toBe(200);
  return response.body.data;
};

let approved: string;
let inReview: string;
let notSubmitted: string;
let brand: { documentId: string; organization: { documentId: string } | null };

beforeAll(async () => {
  brand = await documents(app.strapi, UID.brand).findFirst({
    locale: 'zh-CN',
    populate: ['organization'],
  });
  approved = await wf.createArticle(editor, {
    title: '日历：已通过待发布',
    channels: { website: true, wechat: true, screen: false },
  });
  await wf.schedule(editor, A, approved, { publishAt: at(9) });
  await wf.submit(editor, A, approved);
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, approved)).status).toBe(200);

  inReview = await wf.createArticle(editor, { title: '日历：复审中', brand: brand.documentId });
  await wf.schedule(editor, A, inReview, { publishAt: at(33) });
  await wf.submit(editor, A, inReview);
  await wf.approve(reviewer, A, inReview);

  notSubmitted = await wf.createArticle(editor, { title: '日历：未送审' });
  await wf.schedule(editor, A, notSubmitted, { publishAt: at(57), unpublishAt: at(81) });
});

describe('the content manager list', () => {
  const list = async (query: Record<string, string> = {}) =>
    app
      .http()
      .get(
        `/content-manager/collection-types/${A}?${new URLSearchParams({ page: '1', pageSize: '100', locale: 'zh-CN', ...query })}`,
      )
      .set(await wf.auth(editor));
  type Row = {
    documentId: string;
    reviewState: string;
    reviewStage: string | null;
    publishAt: string | null;
    status: string;
  };

  test('each row carries its review state, the stage it waits at and its release time', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const rows: Row[] = response.body.results;
    const byId = new Map(rows.map((row) => [row.documentId, row]));
    expect(byId.get(approved)).toMatchObject({
      reviewState: 'approved',
      reviewStage: null,
      publishAt: at(9),
    });
    expect(byId.get(inReview)).toMatchObject({ reviewState: 'in_review', reviewStage: '复审' });
    expect(byId.get(notSubmitted)).toMatchObject({ reviewState: 'draft', reviewStage: null });
    // The demo's articles were released through the gate: live and published.
    expect(
      rows.filter((row) => row.status !== 'draft').every((row) => row.reviewState === 'published'),
    ).toBe(true);
    expect(rows.every((row) => typeof row.reviewState === 'string')).toBe(true);
  });

  test('?reviewState= lists one state only, filtered on the server, with the pagination counting only those', async () => {
    for (const [state, expected, absent] of [
      ['in_review', inReview, notSubmitted],
      ['approved', approved, inReview],
      ['draft', notSubmitted, approved],
    ] as const) {
      const response = await list({ reviewState: state });
      expect(response.status).toBe(200);
      const rows: Row[] = response.body.results;
      expect(rows.map((row) => row.documentId)).toContain(expected);
      expect(rows.map((row) => row.documentId)).not.toContain(absent);
      expect(rows.every((row) => row.reviewState === state)).toBe(true);
      expect(response.body.pagination.total).toBe(rows.length);
    }
    // Combined with the content manager's own filters and search.
    const searched = await list({ reviewState: 'in_review', _q: '复审中' });
    expect(searched.body.results.map((row: Row) => row.documentId)).toEqual([inReview]);
  });

  test('an unknown state is a 400 naming reviewState', async () => {
    const response = await list({ reviewState: 'lost' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.path).toEqual(['reviewState']);
  });
});

describe('我的稿件 and the approved-and-waiting tab', () => {
  type Mine = {
    documentId: string;
    group: string;
    stageName: string | null;
    publishAt: string | null;
    title: string | null;
  };
  const mine = async (as: Record<string, string>) => {
    const response = await app.http().get('/workflow/mine').set(as);
    expect(response.status).toBe(200);
    return response.body.data as Mine[];
  };

  test('an editor’s items, each in its group: sent back, in review at its stage, scheduled, live, draft', async () => {
    const sentBack = await wf.createArticle(editor, { title: '我的稿件：退回' });
    await wf.submit(editor, A, sentBack);
    expect(
      (await wf.requestChanges(reviewer, A, sentBack, { comment: '请补充图片说明。' })).status,
    ).toBe(200);
    const live = await wf.createArticle(editor, { title: '我的稿件：已发布' });
    await wf.submit(editor, A, live);
    for (const account of [reviewer, secondReviewer, chiefReviewer])
      expect((await wf.approve(account, A, live)).status).toBe(200);

    const byId = new Map(
      (await mine(await wf.auth(editor))).map((item) => [item.documentId, item]),
    );
    // Sent back: the reason, the reviewer and the stage, where the editor looks first.
    expect(byId.get(sentBack)).toMatchObject({
      group: 'sent_back',
      title: '我的稿件：退回',
      sentBack: {
        comment: '请补充图片说明。',
        stageName: '初审',
        reviewer: expect.any(String),
        at: expect.any(String),
      },
    });
    expect(byId.get(inReview)).toMatchObject({ sentBack: null });
    expect(byId.get(inReview)).toMatchObject({ group: 'in_review', stageName: '复审' });
    expect(byId.get(approved)).toMatchObject({ group: 'scheduled', publishAt: at(9) });
    expect(byId.get(live)).toMatchObject({ group: 'live' });
    expect(byId.get(notSubmitted)).toMatchObject({ group: 'draft', publishAt: at(57) });
  });

  test('lists only what the caller created, of the types they may read; signed-in staff only', async () => {
    const reviewersOwn = await mine(await wf.auth(reviewer));
    expect(reviewersOwn.map((item) => item.documentId)).not.toContain(inReview);
    expect((await app.http().get('/workflow/mine')).status).toBe(401);
    const operator = await contentlessAdmin(app);
    expect(await mine(operator)).toEqual([]);
  });

  test('what passed every stage waits in its own tab, the soonest first; what is in review does not', async () => {
    const response = await app
      .http()
      .get('/workflow/waiting')
      .set(await wf.auth(reviewer));
    expect(response.status).toBe(200);
    const waiting: Array<{
      documentId: string;
      title: string;
      publishAt: string | null;
      approvedAt: string | null;
    }> = response.body.data;
    expect(waiting.find((item) => item.documentId === approved)).toMatchObject({
      title: '日历：已通过待发布',
      publishAt: at(9),
    });
    expect(waiting.find((item) => item.documentId === approved)?.approvedAt).toEqual(
      expect.any(String),
    );
    expect(waiting.map((item) => item.documentId)).not.toContain(inReview);
    const times = waiting
      .map((item) => item.publishAt)
      .filter((time): time is string => time !== null);
    expect(times).toEqual([...times].sort());
    // The queue proper holds what waits for this reviewer's stage, never an approved item.
    expect((await wf.queue(reviewer)).map((item) => item.documentId)).not.toContain(approved);
    expect((await app.http().get('/workflow/waiting')).status).toBe(401);
    const operator = await contentlessAdmin(app);
    expect((await app.http().get('/workflow/waiting').set(operator)).body.data).toEqual([]);
  });
});

describe('bulk publish, checked first', () => {
  const check = async (as: Record<string, string>, body: object, locale = 'zh-CN') =>
    app.http().post(`/workflow/publish-check?locale=${locale}`).set(as).send(body);

  test('says per item whether the workflow would release it now, and if not why, before anything is published', async () => {
    // Approved, due a moment from now, the scheduler not yet run: the one a publish would release.
    const due = await wf.createArticle(editor, { title: '批量发布：到点待发布' });
    await wf.schedule(editor, A, due, { publishAt: new Date(Date.now() + 4000).toISOString() });
    await wf.submit(editor, A, due);
    for (const account of [reviewer, secondReviewer, chiefReviewer])
      expect((await wf.approve(account, A, due)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4500));
    const live = (await documents(app.strapi, A).findFirst({
      locale: 'zh-CN',
      status: 'published',
    }))!.documentId;

    // Reviewers publish; editors may not (src/access/admin-roles.ts), and are told so.
    const asEditor = await check(await wf.auth(editor), { uid: A, documentIds: [due] });
    expect(asEditor.body.data).toEqual([
      expect.objectContaining({
        documentId: due,
        canPublish: false,
        reason: expect.stringContaining('没有发布该内容的权限'),
      }),
    ]);
    const response = await check(await wf.auth(reviewer), {
      uid: A,
      documentIds: [due, approved, inReview, notSubmitted, live],
    });
    expect(response.status).toBe(200);
    const byId = new Map(
      (
        response.body.data as Array<{
          documentId: string;
          title: string;
          canPublish: boolean;
          reason: string | null;
        }>
      ).map((item) => [item.documentId, item]),
    );
    expect(byId.get(due)).toMatchObject({
      title: '批量发布：到点待发布',
      canPublish: true,
      reason: null,
    });
    for (const refused of [approved, inReview, notSubmitted, live]) {
      expect(byId.get(refused)).toMatchObject({ canPublish: false, reason: expect.any(String) });
    }
    expect(byId.get(approved)!.reason).not.toEqual(byId.get(inReview)!.reason);
    // Nothing was published by asking.
    expect((await wf.status(editor, A, due)).body.data.reviewState).toBe('approved');
  });

  test.each([
    [{ uid: 'api::nothing.nothing', documentIds: ['a'] }, 'uid'],
    [{ uid: A, documentIds: [] }, 'documentIds'],
    [{ uid: A, documentIds: ['x'.repeat(65)] }, 'documentIds'],
    [{ uid: A, documentIds: [{ $ne: null }] }, 'documentIds'],
    [
      { uid: A, documentIds: Array.from({ length: 101 }, (_, index) => `d${index}`) },
      'documentIds',
    ],
  ])('%j is a 400 naming %s', async (body, parameter) => {
    const response = await check(await wf.auth(editor), body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.path).toEqual([parameter]);
  });

  test('is for signed-in staff who may read the type', async () => {
    expect(
      (
        await app
          .http()
          .post('/workflow/publish-check')
          .send({ uid: A, documentIds: [approved] })
      ).status,
    ).toBe(401);
    expect(
      (await check(await contentlessAdmin(app), { uid: A, documentIds: [approved] })).status,
    ).toBe(403);
  });
});

test('each scheduled release and takedown of the week, in time order, with its readiness', async () => {
  const entries = (await entriesOf()).filter((entry) =>
    [approved, inReview, notSubmitted].includes(entry.documentId),
  );
  expect(
    entries.map((entry) => [
      entry.documentId,
      entry.action,
      entry.readiness,
      entry.atRisk,
      entry.stageName,
    ]),
  ).toEqual([
    [approved, 'publish', 'approved', false, null],
    [inReview, 'publish', 'in_review', true, '复审'],
    [notSubmitted, 'publish', 'not_submitted', true, null],
    [notSubmitted, 'unpublish', 'not_live', false, null],
  ]);
  expect(entries[0].channels).toEqual(['website', 'wechat']);
});

test('filters by channel, brand and organisation, and by the window asked for', async () => {
  expect((await entriesOf({ channel: 'wechat' })).map((entry) => entry.documentId)).toEqual([
    approved,
  ]);
  expect((await entriesOf({ brand: brand.documentId })).map((entry) => entry.documentId)).toEqual([
    inReview,
  ]);
  if (brand.organization)
    expect(
      (await entriesOf({ organization: brand.organization.documentId })).map(
        (entry) => entry.documentId,
      ),
    ).toContain(inReview);
  expect((await entriesOf({ from: at(24), to: at(48) })).map((entry) => entry.documentId)).toEqual([
    inReview,
  ]);
});

test('a release that went out shows as done', async () => {
  await runDueJobs(app.strapi, new Date(at(9.01)));
  const [entry] = (await entriesOf()).filter((candidate) => candidate.documentId === approved);
  expect(entry).toMatchObject({ readiness: 'done', atRisk: false });
});

test.each([
  [{ from: 'next tuesday' }, 'from'],
  [{ to: at(-1) }, 'to'],
  [{ to: at(24 * 90) }, 'to'],
  [{ channel: 'fax' }, 'channel'],
  [{ brand: "x' or 1=1" }, 'brand'],
])('%j is a 400 naming %s', async (query, parameter) => {
  const response = await calendar(query);
  expect(response.status).toBe(400);
  expect(response.body.error.details.path).toEqual([parameter]);
});

test('the calendar is for signed-in staff only, and lists only the types each may read', async () => {
  expect((await app.http().get('/workflow/calendar')).status).toBe(401);
  const operator = await contentlessAdmin(app);
  const response = await app
    .http()
    .get(`/workflow/calendar?${new URLSearchParams({ from: WEEK.toISOString(), to: at(7 * 24) })}`)
    .set(operator);
  expect(response.status).toBe(200);
  expect(response.body.data).toEqual([]);
  // Nor the status, changes or history of a document of a type they may not read.
  for (const suffix of ['', '/diff', '/history']) {
    expect(
      (
        await app
          .http()
          .get(`/workflow/documents/${A}/${inReview}${suffix}?locale=zh-CN`)
          .set(operator)
      ).status,
    ).toBe(403);
  }
  // Nor the content manager's list with its review column, which refuses them before reading any state.
  expect(
    (await app.http().get(`/content-manager/collection-types/${A}?reviewState=lost`).set(operator))
      .status,
  ).toBe(403);
});

test('a date past JavaScript’s range is a 400, not a 500', async () => {
  const response = await calendar({ from: '+275760-09-13T00:00:00.000Z', to: '' });
  expect(response.status).toBe(400);
  expect(response.body.error.details.path).toEqual(['from']);
});
