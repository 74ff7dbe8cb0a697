import { UID } from '../src/constants';
import { ACCOUNTS, bootTestApp, type TestApp } from './harness/strapi';
import { workflowClient } from './harness/workflow';

// The one suite with the wall-clock scheduler on (every second), to prove the cron wiring in
// config/ fires a due job in a running server. Every other suite drives the scheduler itself.
let app: TestApp;
beforeAll(async () => {
  app = await bootTestApp({ CRON_ENABLED: 'true', SCHEDULER_RULE: '* * * * * *' });
});
afterAll(async () => {
  app?.strapi.cron.stop();
  // Let a tick already in flight finish before the instance goes away.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await app?.close();
});

test('a scheduled, approved article goes live within seconds of its publishAt without anyone acting', async () => {
  const wf = workflowClient(app);
  const reviewers = [ACCOUNTS.reviewer, ACCOUNTS.secondReviewer, ACCOUNTS.chiefReviewer];
  // Sign everyone in first: on a loaded machine three logins alone can outlast a short schedule.
  for (const account of [ACCOUNTS.editor, ...reviewers]) await app.adminToken(account);
  const id = await wf.createArticle(ACCOUNTS.editor);
  await wf.schedule(ACCOUNTS.editor, UID.article, id, {
    publishAt: new Date(Date.now() + 5000).toISOString(),
  });
  await wf.submit(ACCOUNTS.editor, UID.article, id);
  for (const account of reviewers) await wf.approve(account, UID.article, id);
  expect((await app.http().get(`/api/articles/${id}`)).status).toBe(404);

  let status = 404;
  for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = (await app.http().get(`/api/articles/${id}`)).status;
  }
  expect(status).toBe(200);
  const history = await wf.history(ACCOUNTS.reviewer, UID.article, id);
  expect(
    history.filter((entry) => entry.action === 'publish').map((entry) => entry.actorName),
  ).toEqual(['scheduler']);
});
