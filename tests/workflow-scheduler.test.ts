import { UID, WORKFLOW_UID } from '../src/constants';
import { releaseApproved } from '../src/workflow/release';
import { recordSystemApproval } from '../src/workflow/review-actions';
import { runDueJobs, type SchedulerRun } from '../src/workflow/scheduler';
import { ACCOUNTS, bootTestApp, type TestApp } from './harness/strapi';
import { startSecondInstance } from './harness/second-instance';
import { auditActions, reviewStateOf, workflowClient } from './harness/workflow';

let app: TestApp;
let wf: ReturnType<typeof workflowClient>;
const { editor, reviewer, secondReviewer, chiefReviewer } = ACCOUNTS;
const A = UID.article;
const HOUR = 3600_000;

beforeAll(async () => {
  app = await bootTestApp();
  wf = workflowClient(app);
});
afterAll(async () => {
  await app?.close();
});

const isLive = async (documentId: string) =>
  (await app.strapi.db
    .query(A)
    .count({ where: { documentId, publishedAt: { $notNull: true } } })) === 1;
const keyOf = (documentId: string) => `${A}:${documentId}:zh-CN`;

/** An editor's article, scheduled and approved through all three stages. */
const scheduledArticle = async (schedule: { publishAt?: Date; unpublishAt?: Date }) => {
  const id = await wf.createArticle(editor);
  const response = await wf.schedule(editor, A, id, {
    publishAt: schedule.publishAt?.toISOString(),
    unpublishAt: schedule.unpublishAt?.toISOString(),
  });
  expect(response.status).toBe(200);
  await wf.submit(editor, A, id);
  for (const account of [reviewer, secondReviewer, chiefReviewer])
    expect((await wf.approve(account, A, id)).status).toBe(200);
  return id;
};

/** As if the server had been down while the job fell due: the job's times move into the past. */
const moveScheduleIntoPast = async (
  documentId: string,
  times: { publishAt: Date; unpublishAt?: Date },
) => {
  const state = await reviewStateOf(app, documentId);
  await app.strapi.db
    .query(WORKFLOW_UID.reviewState)
    .update({ where: { id: state.id }, data: times });
};

describe('schedule input', () => {
  test('times are stored in UTC; unpublishAt not after publishAt and unparseable times are 400s naming the field', async () => {
    const id = await wf.createArticle(editor);
    const stored = await wf.schedule(editor, A, id, { publishAt: '2030-05-01T09:00:00+08:00' });
    expect(stored.body.data.publishAt).toBe('2030-05-01T01:00:00.000Z');

    const backwards = await wf.schedule(editor, A, id, {
      publishAt: '2030-05-01T09:00:00+08:00',
      unpublishAt: '2030-05-01T08:00:00+08:00',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.path).toEqual(['unpublishAt']);
    const garbage = await wf.schedule(editor, A, id, { publishAt: 'next tuesday' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details.path).toEqual(['publishAt']);
    expect((await reviewStateOf(app, id)).publishAt).toEqual(stored.body.data.publishAt);
  });
});

describe('the scheduler', () => {
  test('publishes at publishAt and unpublishes at unpublishAt, each exactly once', async () => {
    const publishAt = new Date(Date.now() + 2 * HOUR);
    const unpublishAt = new Date(publishAt.getTime() + HOUR);
    const id = await scheduledArticle({ publishAt, unpublishAt });
    expect(await isLive(id)).toBe(false);

    expect(
      (await runDueJobs(app.strapi, new Date(publishAt.getTime() - 1000))).published,
    ).not.toContain(keyOf(id));
    expect(await isLive(id)).toBe(false);

    expect(
      (await runDueJobs(app.strapi, new Date(publishAt.getTime() + 1000))).published,
    ).toContain(keyOf(id));
    expect(await isLive(id)).toBe(true);
    expect(
      (await runDueJobs(app.strapi, new Date(publishAt.getTime() + 2000))).published,
    ).not.toContain(keyOf(id));

    expect(
      (await runDueJobs(app.strapi, new Date(unpublishAt.getTime() + 1000))).unpublished,
    ).toContain(keyOf(id));
    expect(await isLive(id)).toBe(false);
    const history = await wf.history(reviewer, A, id);
    expect(
      history
        .filter((entry) => ['publish', 'unpublish'].includes(entry.action))
        .map((entry) => [entry.action, entry.actorType, entry.actorName]),
    ).toEqual([
      ['publish', 'scheduler', 'scheduler'],
      ['unpublish', 'scheduler', 'scheduler'],
    ]);
  });

  test('a release that finds the scheduler got there first is not an error and publishes nothing twice', async () => {
    const id = await wf.createArticle(editor);
    const approved = await recordSystemApproval(
      app.strapi,
      { uid: A, documentId: id, locale: 'zh-CN' },
      'race test',
    );
    expect((await runDueJobs(app.strapi, new Date())).published).toContain(keyOf(id));
    // The seed (or a final approval) still holds the state it read before the tick.
    await expect(
      releaseApproved(app.strapi, approved, { type: 'system', name: 'demo seed' }),
    ).resolves.toBe(false);
    expect((await auditActions(app, id)).filter((action) => action === 'publish')).toHaveLength(1);
  });

  test('final approval with a past publishAt releases at once', async () => {
    const id = await scheduledArticle({ publishAt: new Date(Date.now() - HOUR) });
    expect(await isLive(id)).toBe(true);
  });

  test('a job that fell due while the server was down fires right after start', async () => {
    const id = await scheduledArticle({ publishAt: new Date(Date.now() + HOUR) });
    await moveScheduleIntoPast(id, { publishAt: new Date(Date.now() - 60_000) });
    expect(await isLive(id)).toBe(false);
    await app.restart();
    expect(await isLive(id)).toBe(true);
    expect((await auditActions(app, id)).slice(-1)).toEqual(['publish']);
  });

  test('a job whose unpublishAt also passed during the downtime is recorded as expired, not published', async () => {
    const id = await scheduledArticle({
      publishAt: new Date(Date.now() + HOUR),
      unpublishAt: new Date(Date.now() + 2 * HOUR),
    });
    await moveScheduleIntoPast(id, {
      publishAt: new Date(Date.now() - 2 * HOUR),
      unpublishAt: new Date(Date.now() - HOUR),
    });
    await app.restart();
    expect(await isLive(id)).toBe(false);
    expect(await reviewStateOf(app, id)).toMatchObject({ reviewState: 'unpublished' });
    expect((await auditActions(app, id)).slice(-1)).toEqual(['expire']);
    expect(await auditActions(app, id)).not.toContain('publish');
  });

  test('an approved version edited before its time is not published by the scheduler', async () => {
    const publishAt = new Date(Date.now() + 3 * HOUR);
    const id = await scheduledArticle({ publishAt });
    await wf.edit(editor, A, id, { title: '定时前又改了' });
    await runDueJobs(app.strapi, new Date(publishAt.getTime() + 1000));
    expect(await isLive(id)).toBe(false);
  });

  test('an edit that reached the draft without the edit watcher seeing it (a race, a direct write) never goes live', async () => {
    const publishAt = new Date(Date.now() + 3 * HOUR);
    const id = await scheduledArticle({ publishAt });
    // The state still says "approved, unchanged": only the release's own check can stop it.
    await app.strapi.db.query(A).update({
      where: { documentId: id, locale: 'zh-CN', publishedAt: null },
      data: { title: '审核后偷偷改的标题' },
    });
    const run = await runDueJobs(app.strapi, new Date(publishAt.getTime() + 1000));
    expect(run.skipped).toContain(keyOf(id));
    expect(await isLive(id)).toBe(false);
    expect(await reviewStateOf(app, id)).toMatchObject({
      reviewState: 'approved',
      liveSince: null,
    });
    expect(await auditActions(app, id)).not.toContain('publish');
  });
});

describe('exactly once with several scheduler runs at the same moment', () => {
  test(
    process.env.DATABASE_CLIENT === 'postgres'
      ? 'two Strapi instances on one PostgreSQL database (plus concurrent runs in each) publish every due document once'
      : 'concurrent runs in one instance publish every due document once',
    async () => {
      const publishAt = new Date(Date.now() + 5 * HOUR);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await scheduledArticle({ publishAt }));
      const due = new Date(publishAt.getTime() + 1000);

      const second =
        process.env.DATABASE_CLIENT === 'postgres' ? await startSecondInstance() : null;
      const runs = await Promise.all([
        runDueJobs(app.strapi, due),
        runDueJobs(app.strapi, due),
        ...(second
          ? [
              second
                .command(`go ${due.toISOString()}`, 'RUN')
                .then((json) => JSON.parse(json) as SchedulerRun),
            ]
          : []),
      ]);
      await second?.stopped;

      const publishedBy = runs
        .flatMap((run) => run.published)
        .filter((key) => ids.some((id) => key === keyOf(id)));
      expect(publishedBy.sort()).toEqual(ids.map(keyOf).sort());
      for (const id of ids) {
        expect(await isLive(id)).toBe(true);
        expect((await auditActions(app, id)).filter((action) => action === 'publish')).toHaveLength(
          1,
        );
        expect(await app.strapi.db.query(A).count({ where: { documentId: id } })).toBe(2);
      }
      if (second) expect(runs[2].published.length + runs[2].skipped.length).toBeGreaterThan(0);
    },
  );
});
