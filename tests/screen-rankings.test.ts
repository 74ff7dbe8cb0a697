import { PARTICIPATION_UID } from '../src/participation/participation-types';
import { periodOf } from '../src/participation/periods';
import { publishedContentVersion, touchLiveContent } from '../src/kernel/live-content-version';
import { bootTestAppForFile } from './harness/strapi';

/**
 * Rankings on the display screens (PARTICIPATION_RANKINGS_ON_SCREENS, issue 13): the demo's staff
 * and points, ranked for the quarter; a person is named only when every contribution behind their
 * points was sent with consent to be named, and nothing else of them is shown. Points are live
 * content then: an award, a rename, a consent withdrawn show on the very next read of the feed,
 * which the response cache serves.
 */
const TOKEN = 'screen-rankings-token';
const STAFF_PASSWORD = 'Demo-Staff-Pass1';
const app = bootTestAppForFile({
  SEED_DEMO_PARTICIPATION: 'true',
  DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
  DEMO_HANDLER_PASSWORD: 'Demo-Handler-Pass1',
  SCREEN_TOKENS: TOKEN,
  PARTICIPATION_RANKINGS_ON_SCREENS: 'true',
});

type Rankings = {
  periodKind: string;
  period: string;
  organizations: Array<{ rank: number; name: string; points: number; adopted: number }>;
  people: Array<{ rank: number; name: string; points: number }>;
};

// One Host for every read: the feed's media links are absolute, built from it (supertest listens on a new port each time).
const feed = (etag?: string) =>
  app
    .http()
    .get('/api/screen/feed')
    .set({
      Host: 'screens.example',
      Authorization: `Bearer ${TOKEN}`,
      ...(etag ? { 'If-None-Match': etag } : {}),
    });
const rankingsOf = (response: { body: { data: { rankings: Rankings } } }) =>
  response.body.data.rankings;

const signIn = async (identifier: string) => {
  const response = await app
    .http()
    .post('/api/auth/local')
    .send({ identifier, password: STAFF_PASSWORD });
  expect(response.status).toBe(200);
  return { Authorization: `Bearer ${response.body.jwt}` };
};

const submit = (auth: Record<string, string>, title: string, consentToBeNamed: boolean) =>
  app
    .http()
    .post('/api/participation/contributions')
    .set(auth)
    .field('title', title)
    .field('body', '班组里的一件小事。')
    .field('consentToBeNamed', String(consentToBeNamed));

const staffMember = async (employeeNumber: string) =>
  (await app.strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findOne({ where: { employeeNumber } })) as { id: number; documentId: string; name: string };

test('the screens rank organizations, and people under the names they consented to: names and points, nothing else', async () => {
  const response = await feed();
  expect(response.status).toBe(200);
  const rankings = rankingsOf(response);
  expect(rankings).toMatchObject({ periodKind: 'quarter', period: periodOf(new Date()).quarter });
  expect(rankings.organizations.map(({ name }) => name).sort()).toEqual(
    ['机务党支部', '车务党支部'].sort(),
  );
  const people = rankings.people.map(({ name }) => name);
  expect(people).toContain('周立新');
  // 吴晓岚 earned points this quarter, partly for a contribution she sent without her name.
  const wu = await staffMember('JW1002');
  expect(
    await app.strapi.db
      .query(PARTICIPATION_UID.pointEvent)
      .count({ where: { staffMemberId: wu.id } }),
  ).toBeGreaterThan(0);
  expect(people).not.toContain(wu.name);
  for (const row of [...rankings.people, ...rankings.organizations])
    expect(Object.keys(row).sort()).toEqual(expect.arrayContaining(['name', 'points', 'rank']));
  for (const row of rankings.people)
    expect(Object.keys(row).sort()).toEqual(['name', 'points', 'rank']);
  // Ranked among those shown: highest first from 1, equal points sharing a rank, no gap where someone unnamed stands.
  expect(rankings.people.map(({ points }) => points)).toEqual(
    [...rankings.people.map(({ points }) => points)].sort((a, b) => b - a),
  );
  rankings.people.forEach((row, index) =>
    expect(row.rank).toBe(
      index === 0 || row.points !== rankings.people[index - 1].points
        ? index + 1
        : rankings.people[index - 1].rank,
    ),
  );

  // Nothing else of anyone: no employee number, e-mail or phone, of any staff member, anywhere in the feed.
  const staff = (await app.strapi.db.query(PARTICIPATION_UID.staffMember).findMany({})) as Array<{
    employeeNumber: string;
    email: string | null;
    phone: string | null;
  }>;
  const identifiers = staff
    .flatMap(({ employeeNumber, email, phone }) => [employeeNumber, email, phone])
    .filter((value): value is string => Boolean(value));
  expect(identifiers.length).toBeGreaterThan(4);
  for (const identifier of identifiers) expect(response.text).not.toContain(identifier);
});

test('an award, a new name and a consent withdrawn show on the next read of the feed, which the cache served until then', async () => {
  const first = await feed();
  const etag = first.headers.etag;
  const again = await feed(etag);
  expect(again.status).toBe(304);
  const zhou = await staffMember('JW1001');
  const pointsOf = (rankings: Rankings, name: string) =>
    rankings.people.find((row) => row.name === name)?.points;
  const before = pointsOf(rankingsOf(first), zhou.name)!;

  const staff1 = await signIn('staff1@example.com');
  expect((await submit(staff1, '检修库的一次应急演练', true)).status).toBe(201);
  const afterAward = await feed(etag);
  expect(afterAward.status).toBe(200);
  expect(pointsOf(rankingsOf(afterAward), zhou.name)).toBe(before + 2);

  await app.strapi
    .documents(PARTICIPATION_UID.staffMember)
    .update({ documentId: zhou.documentId, data: { name: '周立新同志' } });
  const renamed = rankingsOf(await feed(afterAward.headers.etag));
  expect(renamed.people.map(({ name }) => name)).toEqual(expect.arrayContaining(['周立新同志']));
  expect(renamed.people.map(({ name }) => name)).not.toContain(zhou.name);

  // A contribution sent without the name: the points it earns are not shown under it, nor are the others.
  expect((await submit(staff1, '夜班路上的一盏灯', false)).status).toBe(201);
  expect(rankingsOf(await feed()).people.map(({ name }) => name)).not.toContain('周立新同志');
});

test('a blocked staff member is not named, nor one whose contribution behind their points is gone', async () => {
  const named = async () => rankingsOf(await feed()).people.map(({ name }) => name);
  const zheng = await staffMember('CW2001');
  expect(await named()).toContain(zheng.name);
  await app.strapi
    .documents(PARTICIPATION_UID.staffMember)
    .update({ documentId: zheng.documentId, data: { active: false } });
  expect(await named()).not.toContain(zheng.name);
  await app.strapi
    .documents(PARTICIPATION_UID.staffMember)
    .update({ documentId: zheng.documentId, data: { active: true } });
  expect(await named()).toContain(zheng.name);

  // 冯雨桐's points without the contribution that earned them: nothing shows she consented, so she is not named.
  const feng = await staffMember('CW2002');
  expect(await named()).toContain(feng.name);
  const [earned] = (await app.strapi.db
    .query(PARTICIPATION_UID.pointEvent)
    .findMany({ where: { staffMemberId: feng.id }, limit: 1 })) as Array<{
    contributionDocumentId: string;
  }>;
  await app.strapi.db
    .query(PARTICIPATION_UID.contribution)
    .delete({ where: { documentId: earned.contributionDocumentId } });
  expect(await named()).not.toContain(feng.name);
});

test('only what the rankings read moves the live-content version: an award, not an edit of a text or a consent sent again', async () => {
  // This app shows them; tests/participation.test.ts (rankings off) checks that an award leaves the version alone.
  const staff2 = await signIn('staff2@example.com');
  let version = await publishedContentVersion(app.strapi);
  const sent = await submit(staff2, '车间里的读书角', true);
  expect(sent.status).toBe(201);
  expect(await publishedContentVersion(app.strapi)).not.toBe(version);

  version = await publishedContentVersion(app.strapi);
  const edit = (data: Record<string, unknown>) =>
    app
      .http()
      .put(`/api/participation/contributions/${sent.body.data.documentId}`)
      .set(staff2)
      .send(data);
  expect((await edit({ title: '车间里的读书角（修改）', consentToBeNamed: true })).status).toBe(
    200,
  );
  expect(await publishedContentVersion(app.strapi)).toBe(version);
  expect((await edit({ consentToBeNamed: false })).status).toBe(200);
  expect(await publishedContentVersion(app.strapi)).not.toBe(version);
});

test('past the monthly cap a submission earns no points: it names no one less and moves nothing', async () => {
  const staff3 = await signIn('staff3@example.com');
  const zheng = await staffMember('CW2001');
  const pointsOf = async (documentId: string) =>
    (
      (await app.strapi.db
        .query(PARTICIPATION_UID.pointEvent)
        .findOne({ where: { contributionDocumentId: documentId, pointEvent: 'submitted' } })) as {
        points: number;
      }
    ).points;
  // Up to the cap (POINTS_SUBMITTED_MONTHLY_CAP, 20 by default) with his name.
  let sent = 0;
  for (; sent < 15; sent += 1) {
    const response = await submit(staff3, `第${sent + 1}篇`, true);
    expect(response.status).toBe(201);
    if ((await pointsOf(response.body.data.documentId)) === 0) break;
  }
  expect(sent).toBeLessThan(15);
  const version = await publishedContentVersion(app.strapi);
  const unnamedPastCap = await submit(staff3, '不署名的一篇', false);
  expect(await pointsOf(unnamedPastCap.body.data.documentId)).toBe(0);
  expect(await publishedContentVersion(app.strapi)).toBe(version);
  // Read anew (not from the cache): he is still named, the unnamed one earned him nothing.
  await touchLiveContent(app.strapi);
  expect(rankingsOf(await feed()).people.map(({ name }) => name)).toContain(zheng.name);
});
