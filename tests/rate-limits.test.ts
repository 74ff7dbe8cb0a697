import crypto from 'crypto';
import type { AddressInfo } from 'net';
import supertest from 'supertest';
import { openEventStream } from './harness/event-stream';
import { startSecondInstance } from './harness/second-instance';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

// The only suite with rate limits on (every other one runs with RATE_LIMIT_ENABLED=false), with
// small allowances so each limit is reached in a few requests. One proxy hop is trusted, so each
// test reads as clients of its own addresses (X-Forwarded-For, as the proxy writes it).
const LIMITS = {
  READS: 5,
  TOKEN_READS: 8,
  ACTIONS: 6,
  CREDENTIAL_FAILURES: 3,
  LOGIN_ATTEMPTS: 3,
  LOGIN_ATTEMPTS_PER_ADDRESS: 6,
  STREAMS_PER_TOKEN: 2,
  STREAMS_TOTAL: 3,
  STAFF_WRITES: 3,
};
const SCREEN_TOKEN = 'rate-limited-screen';
const OTHER_SCREEN_TOKEN = 'another-rate-limited-screen';
const FEED_SCREEN_TOKEN = 'feed-reading-screen';
const sharedServices = process.env.DATABASE_CLIENT === 'postgres' && Boolean(process.env.TEST_REDIS_URL);

const app = bootTestAppForFile({
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_READS_PER_MINUTE: String(LIMITS.READS),
  RATE_LIMIT_TOKEN_READS_PER_MINUTE: String(LIMITS.TOKEN_READS),
  RATE_LIMIT_ACTIONS_PER_MINUTE: String(LIMITS.ACTIONS),
  RATE_LIMIT_CREDENTIAL_FAILURES: String(LIMITS.CREDENTIAL_FAILURES),
  RATE_LIMIT_LOGIN_ATTEMPTS: String(LIMITS.LOGIN_ATTEMPTS),
  RATE_LIMIT_LOGIN_ATTEMPTS_PER_ADDRESS: String(LIMITS.LOGIN_ATTEMPTS_PER_ADDRESS),
  RATE_LIMIT_STREAMS_PER_TOKEN: String(LIMITS.STREAMS_PER_TOKEN),
  RATE_LIMIT_STREAMS_TOTAL: String(LIMITS.STREAMS_TOTAL),
  RATE_LIMIT_STREAM_IDLE_SECONDS: '1',
  RATE_LIMIT_STAFF_WRITES_PER_MINUTE: String(LIMITS.STAFF_WRITES),
  PROXY_HOPS: '1',
  SCREEN_TOKENS: `${SCREEN_TOKEN},${OTHER_SCREEN_TOKEN},${FEED_SCREEN_TOKEN}`,
  // On the PostgreSQL run the counts live in Redis, shared with the second instance below.
  REDIS_URL: process.env.TEST_REDIS_URL ?? '',
  RATE_LIMIT_REDIS_PREFIX: `brand-cms-test:rate:${crypto.randomBytes(4).toString('hex')}`,
  REDIS_PREFIX: `brand-cms-test:${crypto.randomBytes(4).toString('hex')}`,
  RESPONSE_CACHE_REDIS_PREFIX: `brand-cms-test:responses:${crypto.randomBytes(4).toString('hex')}`,
});

/** A client address no other test uses. */
let addresses = 0;
const newAddress = () => `203.0.113.${(addresses += 1)}`;
const get = (address: string, path: string) => app.http().get(path).set('X-Forwarded-For', address);
const post = (address: string, path: string) => app.http().post(path).set('X-Forwarded-For', address);

const expectRefused = (response: supertest.Response, words: RegExp) => {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(response.body.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { retryAfterSeconds: retryAfter } });
  // Chinese and English, each with the wait.
  expect(response.body.error.message).toMatch(words);
  expect(response.body.error.message).toMatch(/请.*(秒|分钟)后重试/);
  expect(response.body.error.message).toMatch(/try again in \d+ (s|min)/);
};

const LIST = '/api/articles?locale=zh-CN';

describe('reads', () => {
  test('each address has its allowance of reads a minute, cache hits counted, then a 429 with Retry-After', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1) expect((await get(address, LIST)).status).toBe(200);
    const refused = await get(address, LIST).set('Origin', 'https://partner.example.org');
    expectRefused(refused, /请求过于频繁.*Too many requests/);
    expect(refused.headers['cache-control']).toBe('no-store');
    // A browser on a partner site can read why (CORS allows every origin outside production).
    expect(refused.headers['access-control-allow-origin']).toBe('https://partner.example.org');
    // Other addresses are not held back by it.
    expect((await get(newAddress(), LIST)).status).toBe(200);
  });

  test('GraphQL, feeds, the sitemap and the screen feed count as reads', async () => {
    const address = newAddress();
    const reads = [
      () => post(address, '/graphql').send({ query: '{ articles { documentId } }' }),
      () => get(address, '/api/feeds/rss'),
      () => get(address, '/api/sitemap.xml'),
      () => get(address, '/api/sitemaps/1.xml'),
      () => get(address, '/api/categories'),
    ];
    for (const read of reads) expect((await read()).status).toBe(200);
    // Preview links are checked on every open, valid or not: counted by address like reads.
    expect((await get(address, '/preview?token=made-up')).status).toBe(429);
    expect((await get(newAddress(), '/preview/screen-feed?preview=made-up')).status).toBe(401);
    expect((await post(address, '/graphql').send({ query: '{ articles { documentId } }' })).status).toBe(429);
    // The screen feed is counted by the screen's token (many screens, one token, one allowance).
    const screen = () => get(newAddress(), '/api/screen/feed').set('Authorization', `Bearer ${FEED_SCREEN_TOKEN}`);
    for (let read = 0; read < LIMITS.TOKEN_READS; read += 1) expect((await screen()).status).toBe(200);
    expect((await screen()).status).toBe(429);
  });

  test('the address is the one the trusted proxy wrote: entries a client adds before it change nothing', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1) {
      expect((await app.http().get(LIST).set('X-Forwarded-For', `198.51.100.${read}, ${address}`)).status).toBe(200);
    }
    expect((await app.http().get(LIST).set('X-Forwarded-For', `198.51.100.99, ${address}`)).status).toBe(429);
  });

  test('a made-up ?token= outside the screen routes buys no allowance of its own', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1) expect((await get(address, `${LIST}&token=made-up-${read}`)).status).toBe(200);
    expect((await get(address, `${LIST}&token=made-up-again`)).status).toBe(429);
  });

  test('a caller with an API token is counted by its token, wherever it asks from', async () => {
    const token = await app.apiToken('read-only');
    for (let read = 0; read < LIMITS.TOKEN_READS; read += 1) {
      expect((await get(newAddress(), LIST).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    }
    expectRefused(await get(newAddress(), LIST).set('Authorization', `Bearer ${token}`), /Too many requests/);
  });
});

describe('wrong credentials', () => {
  test('an address that keeps presenting wrong tokens is refused every request with a token, for the window', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect((await get(address, '/api/screen/feed').set('Authorization', `Bearer guess-${attempt}`)).status).toBe(403);
    }
    // Even the right screen token, and an API token (a made-up one is a new token each time).
    expectRefused(await get(address, '/api/screen/feed').set('Authorization', `Bearer ${SCREEN_TOKEN}`), /凭证错误次数过多.*wrong token/);
    expect((await get(address, `/api/screen/feed?token=${SCREEN_TOKEN}`)).status).toBe(429);
    expect((await get(address, LIST).set('Authorization', 'Bearer made-up')).status).toBe(429);
    // Reads without a credential go on, under their own allowance.
    expect((await get(address, LIST)).status).toBe(200);
    // The right token from elsewhere is served.
    expect((await get(newAddress(), '/api/screen/feed').set('Authorization', `Bearer ${SCREEN_TOKEN}`)).status).toBe(200);
  });

  test('made-up API tokens lock the address out too', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect((await get(address, LIST).set('Authorization', `Bearer ${crypto.randomBytes(16).toString('hex')}`)).status).toBe(401);
    }
    expect((await get(address, LIST).set('Authorization', `Bearer ${crypto.randomBytes(16).toString('hex')}`)).status).toBe(429);
  });
});

describe('actions', () => {
  test('writes of every kind share an allowance per address', async () => {
    const address = newAddress();
    const editor = await app.adminToken(ACCOUNTS.editor);
    const attempts = [
      () => post(address, '/api/articles').send({ data: { title: 'x' } }),
      () => post(address, '/content-manager/collection-types/api::article.article').set('Authorization', `Bearer ${editor}`).send({}),
      () => app.http().put('/api/articles/x').set('X-Forwarded-For', address).send({}),
      () => app.http().delete('/api/articles/x').set('X-Forwarded-For', address),
      () => post(address, '/upload').set('Authorization', `Bearer ${editor}`),
      () => post(address, '/api/auth/local').send({ identifier: 'nobody', password: 'x' }),
    ];
    expect(attempts).toHaveLength(LIMITS.ACTIONS);
    for (const attempt of attempts) expect((await attempt()).status).not.toBe(429);
    expectRefused(await post(address, '/api/articles').send({ data: { title: 'x' } }), /Too many requests/);
    // Reads from that address are still served: they have their own allowance.
    expect((await get(address, LIST)).status).toBe(200);
  });
});

describe('sign-in', () => {
  const adminLogin = (address: string, email: string, password: string) => post(address, '/admin/login').send({ email, password });

  test('refused sign-ins of an account from an address are limited, with the wait in both languages', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
      expect((await adminLogin(address, ACCOUNTS.editor.email, 'wrong-password')).status).toBe(400);
    }
    // The right password too, until the window ends.
    const refused = await adminLogin(address, ACCOUNTS.editor.email, ACCOUNTS.editor.password);
    expectRefused(refused, /登录尝试次数过多.*Too many sign-in attempts/);
    expect(refused.body.error.message).toMatch(/5 分钟.*5 min/);
    // The same account from elsewhere, and another account from this address, still sign in.
    expect((await adminLogin(newAddress(), ACCOUNTS.editor.email, ACCOUNTS.editor.password)).status).toBe(200);
    expect((await adminLogin(address, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).status).toBe(200);
  });

  test('a successful sign-in clears its account’s count', async () => {
    const address = newAddress();
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS - 1; attempt += 1) {
        expect((await adminLogin(address, ACCOUNTS.reviewer.email, 'wrong')).status).toBe(400);
      }
      expect((await adminLogin(address, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).status).toBe(200);
    }
  });

  test('naming a new account each time gains nothing: an address has its own allowance', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      expect((await adminLogin(address, `nobody-${attempt}@example.com`, 'wrong')).status).toBe(400);
    }
    expect((await adminLogin(address, 'someone-else@example.com', 'wrong')).status).toBe(429);
  });

  test('staff sign-in (users-permissions) is limited the same way', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
      expect((await post(address, '/api/auth/local').send({ identifier: 'E1001', password: 'wrong' })).status).toBe(400);
    }
    expectRefused(await post(address, '/api/auth/local').send({ identifier: 'e1001', password: 'wrong' }), /Too many sign-in attempts/);
  });
});

describe('screen streams', () => {
  let port: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    port = (app.strapi.server.httpServer.address() as AddressInfo).port;
  });
  const stream = (address: string) => openEventStream(port, `/api/screen/stream?token=${SCREEN_TOKEN}`, { 'X-Forwarded-For': address });

  test('a token has a cap on open streams; at the cap, the stream idle longest (past its idle time) makes room', async () => {
    const first = await stream(newAddress());
    const second = await stream(newAddress());
    expect([first.status, second.status]).toEqual([200, 200]);
    // Both have just opened: not idle, so a third of the same token is refused.
    const third = await stream(newAddress());
    expect(third.status).toBe(429);
    third.close();
    // Past the idle time (1 s here) with nothing but heartbeats, the idlest is closed for a newcomer.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const fourth = await stream(newAddress());
    expect(fourth.status).toBe(200);
    const ended = await Promise.race([new Promise((resolve) => first.ended.then(() => resolve('first'))), new Promise((resolve) => second.ended.then(() => resolve('second')))]);
    expect(ended).toBe('first');
    for (const open of [second, fourth]) open.close();
  });

  test('all streams together have a cap too', async () => {
    // The streams of the test before have gone (closed by their screens).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const byToken = (token: string) => openEventStream(port, '/api/screen/stream', { Authorization: `Bearer ${token}`, 'X-Forwarded-For': newAddress() });
    const open = [await byToken(SCREEN_TOKEN), await byToken(SCREEN_TOKEN), await byToken(OTHER_SCREEN_TOKEN), await byToken(OTHER_SCREEN_TOKEN)];
    // The other token has room of its own (one stream of two), but all three places are taken.
    expect(open.map((opened) => opened.status)).toEqual([200, 200, 200, 429]);
    open.forEach((opened) => opened.close());
  });
});

(sharedServices ? describe : describe.skip)('two instances share the counts (PostgreSQL and Redis)', () => {
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  let secondUrl: string;
  beforeAll(async () => {
    second = await startSecondInstance();
    secondUrl = `http://127.0.0.1:${await second.command('serve', 'LISTENING')}`;
  });
  afterAll(() => second?.kill());

  test('reads on one instance use up the allowance on the other', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1) {
      const instance = read % 2 === 0 ? app.http() : supertest(secondUrl);
      expect((await instance.get(LIST).set('X-Forwarded-For', address)).status).toBe(200);
    }
    expect((await supertest(secondUrl).get(LIST).set('X-Forwarded-For', address)).status).toBe(429);
    expect((await get(address, LIST)).status).toBe(429);
  });

  test('refused sign-ins on one instance count on the other', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
      expect((await post(address, '/admin/login').send({ email: ACCOUNTS.editor.email, password: 'wrong' })).status).toBe(400);
    }
    const refused = await supertest(secondUrl).post('/admin/login').set('X-Forwarded-For', address).send(ACCOUNTS.editor);
    expect(refused.status).toBe(429);
  });
});

describe('staff participation', () => {
  test('each staff member has their allowance of writes a minute, wherever they send from; their reads are not counted', async () => {
    const organization = await app.strapi.db.query('api::organization.organization').findOne({ where: { slug: 'signal-branch', publishedAt: { $notNull: true } } });
    const member = await app.strapi.documents('api::participation.staff-member').create({ data: { employeeNumber: 'RL001', name: '限流', phone: '13800000099', organization: organization.documentId } as never });
    const row = await app.strapi.db.query('api::participation.staff-member').findOne({ where: { documentId: member.documentId }, populate: ['account'] });
    await app.strapi.plugin('users-permissions').service('user').edit(row.account.id, { password: 'Rate-Limit-Pass1' });
    const login = await post(newAddress(), '/api/auth/local').send({ identifier: 'RL001', password: 'Rate-Limit-Pass1' });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.jwt}` };
    const send = () => post(newAddress(), '/api/participation/opinions').set(auth).send({ title: '限流测试', body: '一条意见' });
    for (let write = 0; write < LIMITS.STAFF_WRITES; write += 1) expect((await send()).status).toBe(201);
    expect((await get(newAddress(), '/api/participation/me').set(auth)).status).toBe(200);
    expectRefused(await send(), /请求过于频繁.*Too many requests/);
  });
});
