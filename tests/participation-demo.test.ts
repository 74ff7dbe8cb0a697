import fs from 'fs';
import path from 'path';
import { PARTICIPATION_UID } from '../src/participation/participation-types';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';
import { workflowClient } from './harness/workflow';

/** The demo shows staff participation working: four staff, contributions in every state, their points. */
const STAFF_PASSWORD = 'Demo-Staff-Pass1';
const HANDLER = { email: 'secretary@example.com', password: 'Demo-Handler-Pass1' };
const app = bootTestAppForFile({
  SEED_DEMO_PARTICIPATION: 'true',
  DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
  DEMO_HANDLER_PASSWORD: HANDLER.password,
});
const wf = workflowClient(app);

const signIn = async (identifier: string) => {
  const response = await app
    .http()
    .post('/api/auth/local')
    .send({ identifier, password: STAFF_PASSWORD });
  expect(response.status).toBe(200);
  return { Authorization: `Bearer ${response.body.jwt}` };
};

test('the demo staff sign in with their e-mail or employee number and see their contributions and points', async () => {
  const staff1 = await signIn('staff1@example.com');
  await signIn('JW1001');
  const me = (await app.http().get('/api/participation/me').set(staff1)).body.data;
  expect(me).toMatchObject({
    name: '周立新',
    correspondent: true,
    organization: { slug: 'locomotive-branch' },
  });
  // Two submitted (2 + 2), two adopted (4 + 4), one released (2).
  expect(me.points.month).toBe(14);
  const mine = (await app.http().get('/api/participation/contributions').set(staff1)).body.data;
  expect(mine.map((item: { state: string }) => item.state).sort()).toEqual([
    'adopted',
    'published',
  ]);
  // WEBSITE_URL is not set here: no link to an address that is not the site.
  for (const item of mine) expect(item.articleUrl).toBeNull();
  for (const account of ['staff2@example.com', 'staff3@example.com', 'staff4@example.com'])
    await signIn(account);
});

test('the inbox holds contributions in every state, and the released one is public under the name its contributor consented to', async () => {
  const inbox = (
    await app
      .http()
      .get('/participation/contributions')
      .set(await wf.auth(ACCOUNTS.editor))
  ).body.data as Array<{
    contributionState: string;
    articleDocumentId: string | null;
    title: string;
  }>;
  expect(new Set(inbox.map((item) => item.contributionState))).toEqual(
    new Set(['received', 'adopted', 'declined']),
  );
  const released = inbox.find((item) => item.title.includes('党员先锋岗'))!;
  const article = await app.http().get(`/api/articles/${released.articleDocumentId}`);
  expect(article.status).toBe(200);
  expect(article.body.data).toMatchObject({ author: '周立新', source: '机务党支部' });
  expect(await app.strapi.db.query(PARTICIPATION_UID.staffMember).count({})).toBe(4);
});

test('two opinions were answered by the branch secretary: the anonymous one without its sender, the named one rated', async () => {
  const answered = (
    await app
      .http()
      .get('/participation/opinions?state=answered')
      .set(await wf.auth(HANDLER))
  ).body.data as Array<{
    title: string;
    sender: unknown;
    anonymous: boolean;
    rating: string | null;
  }>;
  expect(answered).toHaveLength(2);
  expect(answered.find((item) => item.anonymous)).toMatchObject({ sender: null });
  expect(answered.find((item) => !item.anonymous)).toMatchObject({
    sender: { name: '吴晓岚' },
    rating: 'satisfied',
  });
  // The anonymous one's sender does not find it through the account: only its receipt code opens it.
  expect(
    (
      await app
        .http()
        .get('/api/participation/opinions')
        .set(await signIn('staff4@example.com'))
    ).body.data,
  ).toEqual([]);
  const stored = await app.strapi.db
    .query(PARTICIPATION_UID.opinion)
    .findOne({ where: { anonymous: true }, populate: ['sender'] });
  expect(stored).toMatchObject({
    sender: null,
    receiptLookup: expect.stringMatching(/^[0-9A-Z]{8}$/),
  });
});

test('the staff page is served by the CMS, with no script from elsewhere', async () => {
  // The test app serves a folder of its own: the page is put there as a deployment ships it.
  fs.cpSync(
    path.join(process.cwd(), 'public', 'participate'),
    path.join(app.env().PUBLIC_DIR, 'participate'),
    { recursive: true },
  );
  const page = await app.http().get('/participate/');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<script src="participate.js"></script>');
  expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
});
