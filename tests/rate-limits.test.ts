import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import supertest from 'supertest';
import { openEventStream } from './harness/event-stream';
import { startSecondInstance } from './harness/second-instance';
import jwt from 'jsonwebtoken';
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
  ADMIN_READS: 6,
  RECEIPTS: 3,
};
const SCREEN_TOKEN = 'rate-limited-screen';
const OTHER_SCREEN_TOKEN = 'another-rate-limited-screen';
const FEED_SCREEN_TOKEN = 'feed-reading-screen';
const OFFICE_SCREEN_TOKEN = 'screen-in-the-office';
const sharedServices =
  process.env.DATABASE_CLIENT === 'postgres' && Boolean(process.env.TEST_REDIS_URL);

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
  RATE_LIMIT_ADMIN_READS_PER_MINUTE: String(LIMITS.ADMIN_READS),
  RATE_LIMIT_RECEIPTS_PER_MINUTE: String(LIMITS.RECEIPTS),
  // Downloads keep their default: 50 screens behind one address must never be refused (below).
  PROXY_HOPS: '1',
  SCREEN_TOKENS: `${SCREEN_TOKEN},${OTHER_SCREEN_TOKEN},${FEED_SCREEN_TOKEN},${OFFICE_SCREEN_TOKEN}`,
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
const post = (address: string, path: string) =>
  app.http().post(path).set('X-Forwarded-For', address);

/** A 429 that says, in both languages, what was counted (`counted`, a bucket of too-many-requests.ts) and when to come back. */
const expectRefused = (response: supertest.Response, words: RegExp, counted?: string) => {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(response.body.error).toMatchObject({
    status: 429,
    name: 'RateLimitError',
    details: {
      retryAfterSeconds: retryAfter,
      counted: counted ?? expect.any(String),
      limit: expect.any(Number),
    },
  });
  // Chinese and English, each with the wait.
  expect(response.body.error.message).toMatch(words);
  expect(response.body.error.message).toMatch(/请.*(秒|分钟)后重试/);
  expect(response.body.error.message).toMatch(/try again in \d+ (s|min)/);
};

const LIST = '/api/articles?locale=zh-CN';

/** The app's server on a port of its own, for clients supertest cannot play (streams, raw request lines). */
const listeningPort = async (): Promise<number> => {
  const server = app.strapi.server.httpServer;
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** A new staff member of 信号党支部 (the password set by code: no request, so no change is asked), signed in from `address`. */
const staffSignIn = async (
  employeeNumber: string,
  address: string,
): Promise<Record<string, string>> => {
  const organization = await app.strapi.db
    .query('api::organization.organization')
    .findOne({ where: { slug: 'signal-branch', publishedAt: { $notNull: true } } });
  const member = await app.strapi.documents('api::participation.staff-member').create({
    data: {
      employeeNumber,
      name: `限流${employeeNumber}`,
      organization: organization.documentId,
    } as never,
  });
  const row = await app.strapi.db
    .query('api::participation.staff-member')
    .findOne({ where: { documentId: member.documentId }, populate: ['account'] });
  await app.strapi
    .plugin('users-permissions')
    .service('user')
    .edit(row.account.id, { password: 'Rate-Limit-Pass1' });
  const login = await post(address, '/api/auth/local').send({
    identifier: employeeNumber,
    password: 'Rate-Limit-Pass1',
  });
  expect(login.status).toBe(200);
  return { Authorization: `Bearer ${login.body.jwt}` };
};

describe('reads', () => {
  test('each address has its allowance of reads a minute, cache hits counted, then a 429 with Retry-After', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1)
      expect((await get(address, LIST)).status).toBe(200);
    const refused = await get(address, LIST).set('Origin', 'https://partner.example.org');
    expectRefused(
      refused,
      /此地址的读取请求已达上限（每分钟 5 次）.*reads from this address reached the limit of 5 per minute/,
      'reads',
    );
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
    expect(
      (await post(address, '/graphql').send({ query: '{ articles { documentId } }' })).status,
    ).toBe(429);
    // The screen feed is counted by the screen's token (many screens, one token, one allowance).
    const screen = () =>
      get(newAddress(), '/api/screen/feed').set('Authorization', `Bearer ${FEED_SCREEN_TOKEN}`);
    for (let read = 0; read < LIMITS.TOKEN_READS; read += 1)
      expect((await screen()).status).toBe(200);
    expect((await screen()).status).toBe(429);
  });

  test('the address is the one the trusted proxy wrote: entries a client adds before it change nothing', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1) {
      expect(
        (await app.http().get(LIST).set('X-Forwarded-For', `198.51.100.${read}, ${address}`))
          .status,
      ).toBe(200);
    }
    expect(
      (await app.http().get(LIST).set('X-Forwarded-For', `198.51.100.99, ${address}`)).status,
    ).toBe(429);
  });

  test('a made-up ?token= outside the screen routes buys no allowance of its own', async () => {
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1)
      expect((await get(address, `${LIST}&token=made-up-${read}`)).status).toBe(200);
    expect((await get(address, `${LIST}&token=made-up-again`)).status).toBe(429);
  });

  test('a caller with an API token is counted by its token, wherever it asks from', async () => {
    const token = await app.apiToken('read-only');
    for (let read = 0; read < LIMITS.TOKEN_READS; read += 1) {
      expect((await get(newAddress(), LIST).set('Authorization', `Bearer ${token}`)).status).toBe(
        200,
      );
    }
    expectRefused(
      await get(newAddress(), LIST).set('Authorization', `Bearer ${token}`),
      /此令牌的读取请求.*reads with this token/,
      'tokenReads',
    );
  });
});

describe('wrong credentials', () => {
  test('an address that keeps presenting wrong tokens is refused every request with a token, for the window', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect(
        (await get(address, '/api/screen/feed').set('Authorization', `Bearer guess-${attempt}`))
          .status,
      ).toBe(403);
    }
    // Even the right screen token, and an API token (a made-up one is a new token each time).
    expectRefused(
      await get(address, '/api/screen/feed').set('Authorization', `Bearer ${SCREEN_TOKEN}`),
      /无效、过期或格式错误的令牌.*unknown, expired or malformed token/,
      'credentials',
    );
    expect((await get(address, `/api/screen/feed?token=${SCREEN_TOKEN}`)).status).toBe(429);
    expect((await get(address, LIST).set('Authorization', 'Bearer made-up')).status).toBe(429);
    // Reads without a credential go on, under their own allowance.
    expect((await get(address, LIST)).status).toBe(200);
    // The right token from elsewhere is served.
    expect(
      (await get(newAddress(), '/api/screen/feed').set('Authorization', `Bearer ${SCREEN_TOKEN}`))
        .status,
    ).toBe(200);
  });

  test('a valid token’s refusals lock nobody out: a staff member asking for what they may not, a token reading past its scope', async () => {
    const address = newAddress();
    const staff = await staffSignIn('RL002', address);
    const readOnly = `Bearer ${await app.apiToken('read-only')}`;
    // Writes have an allowance of their own per address: two refused writes, then refused reads.
    expect(
      (
        await post(address, '/api/articles')
          .set(staff)
          .send({ data: { title: 'x' } })
      ).status,
    ).toBe(403);
    expect(
      (
        await post(address, '/api/categories')
          .set('Authorization', readOnly)
          .send({ data: { name: 'x' } })
      ).status,
    ).toBe(403);
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES * 2; attempt += 1) {
      expect(
        (await get(address, '/api/participation/me').set('Authorization', readOnly)).status,
      ).toBe(403);
    }
    // The screens' routes read a credential of their own kind: a staff member's session refused there is not a wrong one either.
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1)
      expect((await get(address, '/api/screen/feed').set(staff)).status).toBe(403);
    // The screens behind the same office address stay on the air.
    expect(
      (await get(address, '/api/screen/feed').set('Authorization', `Bearer ${OFFICE_SCREEN_TOKEN}`))
        .status,
    ).toBe(200);
    // A screen token refused where it does not belong is still a token the server issued.
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect([401, 403]).toContain(
        (await get(address, LIST).set('Authorization', `Bearer ${OFFICE_SCREEN_TOKEN}`)).status,
      );
    }
    expect(
      (await get(address, '/api/screen/feed').set('Authorization', `Bearer ${OFFICE_SCREEN_TOKEN}`))
        .status,
    ).toBe(200);
    // Unknown tokens from that address still count, and then lock it out.
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect(
        (await get(address, LIST).set('Authorization', `Bearer made-up-${attempt}`)).status,
      ).toBe(401);
    }
    expectRefused(
      await get(address, '/api/screen/feed').set('Authorization', `Bearer ${OFFICE_SCREEN_TOKEN}`),
      /unknown, expired or malformed token/,
      'credentials',
    );
  });

  test('a valid credential beside a guess does not make the guess free: only the credential counted is looked at', async () => {
    const address = newAddress();
    const staff = await staffSignIn('RL004', address);
    const valid = staff.Authorization.slice('Bearer '.length);
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect(
        (
          await get(address, `${LIST}&token=${valid}`).set(
            'Authorization',
            `bearer made-up-${attempt}`,
          )
        ).status,
      ).toBe(401);
    }
    expect((await get(address, LIST).set(staff)).status).toBe(429);
  });

  test('an IPv6 client is counted by its /64, and a request line in absolute form by its path', async () => {
    const prefix = `2001:db8:${(addresses += 1).toString(16)}:1`;
    for (let read = 0; read < LIMITS.READS; read += 1)
      expect((await get(`${prefix}::${read + 1}`, LIST)).status).toBe(200);
    expect((await get(`${prefix}:0:0:0:ffff`, LIST)).status).toBe(429);
    const address = newAddress();
    for (let read = 0; read < LIMITS.READS; read += 1)
      expect((await get(address, LIST)).status).toBe(200);
    const port = await listeningPort();
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `http://127.0.0.1:${port}${LIST}`,
          headers: { 'X-Forwarded-For': address },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(429);
  });

  test('an expired token counts like an unknown one', async () => {
    const address = newAddress();
    const staff = await staffSignIn('RL003', address);
    const expired = jwt.sign(
      { id: Number(jwt.decode(staff.Authorization.slice(7), { json: true })?.id) },
      'test-jwt-secret',
      { expiresIn: -10 },
    );
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect((await get(address, LIST).set('Authorization', `Bearer ${expired}`)).status).toBe(401);
    }
    expect((await get(address, LIST).set(staff)).status).toBe(429);
  });

  test('made-up API tokens lock the address out too', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.CREDENTIAL_FAILURES; attempt += 1) {
      expect(
        (
          await get(address, LIST).set(
            'Authorization',
            `Bearer ${crypto.randomBytes(16).toString('hex')}`,
          )
        ).status,
      ).toBe(401);
    }
    expect(
      (
        await get(address, LIST).set(
          'Authorization',
          `Bearer ${crypto.randomBytes(16).toString('hex')}`,
        )
      ).status,
    ).toBe(429);
  });
});

describe('actions', () => {
  test('writes of every kind share an allowance per address', async () => {
    const address = newAddress();
    const editor = await app.adminToken(ACCOUNTS.editor);
    const attempts = [
      () => post(address, '/api/articles').send({ data: { title: 'x' } }),
      () =>
        post(address, '/content-manager/collection-types/api::article.article')
          .set('Authorization', `Bearer ${editor}`)
          .send({}),
      () => app.http().put('/api/articles/x').set('X-Forwarded-For', address).send({}),
      () => app.http().delete('/api/articles/x').set('X-Forwarded-For', address),
      () => post(address, '/upload').set('Authorization', `Bearer ${editor}`),
      () => post(address, '/api/auth/local').send({ identifier: 'nobody', password: 'x' }),
    ];
    expect(attempts).toHaveLength(LIMITS.ACTIONS);
    for (const attempt of attempts) expect((await attempt()).status).not.toBe(429);
    expectRefused(
      await post(address, '/api/articles').send({ data: { title: 'x' } }),
      /此地址的写入操作.*writes from this address/,
      'actions',
    );
    // Reads from that address are still served: they have their own allowance.
    expect((await get(address, LIST)).status).toBe(200);
  });
});

describe('sign-in', () => {
  const adminLogin = (address: string, email: string, password: string) =>
    post(address, '/admin/login').send({ email, password });

  test('refused sign-ins of an account from an address are limited, with the wait in both languages', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
      expect((await adminLogin(address, ACCOUNTS.editor.email, 'wrong-password')).status).toBe(400);
    }
    // The right password too, until the window ends.
    const refused = await adminLogin(address, ACCOUNTS.editor.email, ACCOUNTS.editor.password);
    expectRefused(refused, /登录尝试已达上限.*sign-in attempts reached the limit/, 'logins');
    expect(refused.body.error.message).toMatch(/5 分钟.*5 min/);
    // The same account from elsewhere, and another account from this address, still sign in.
    expect(
      (await adminLogin(newAddress(), ACCOUNTS.editor.email, ACCOUNTS.editor.password)).status,
    ).toBe(200);
    expect(
      (await adminLogin(address, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).status,
    ).toBe(200);
  });

  test('a successful sign-in clears its account’s count', async () => {
    const address = newAddress();
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS - 1; attempt += 1) {
        expect((await adminLogin(address, ACCOUNTS.reviewer.email, 'wrong')).status).toBe(400);
      }
      expect(
        (await adminLogin(address, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).status,
      ).toBe(200);
    }
  });

  test('naming a new account each time gains nothing: an address has its own allowance', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      expect((await adminLogin(address, `nobody-${attempt}@example.com`, 'wrong')).status).toBe(
        400,
      );
    }
    expect((await adminLogin(address, 'someone-else@example.com', 'wrong')).status).toBe(429);
  });

  test('staff sign-in (users-permissions) is limited the same way', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
      expect(
        (await post(address, '/api/auth/local').send({ identifier: 'E1001', password: 'wrong' }))
          .status,
      ).toBe(400);
    }
    expectRefused(
      await post(address, '/api/auth/local').send({ identifier: 'e1001', password: 'wrong' }),
      /sign-in attempts/,
      'logins',
    );
  });
});

describe('screen streams', () => {
  let port: number;
  beforeAll(async () => {
    port = await listeningPort();
  });
  const stream = (address: string) =>
    openEventStream(port, `/api/screen/stream?token=${SCREEN_TOKEN}`, {
      'X-Forwarded-For': address,
    });

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
    const ended = await Promise.race([
      first.ended.then(() => 'first'),
      second.ended.then(() => 'second'),
    ]);
    expect(ended).toBe('first');
    for (const open of [second, fourth]) open.close();
  });

  test('all streams together have a cap too', async () => {
    // The streams of the test before have gone (closed by their screens).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const byToken = (token: string) =>
      openEventStream(port, '/api/screen/stream', {
        Authorization: `Bearer ${token}`,
        'X-Forwarded-For': newAddress(),
      });
    const open = [
      await byToken(SCREEN_TOKEN),
      await byToken(SCREEN_TOKEN),
      await byToken(OTHER_SCREEN_TOKEN),
      await byToken(OTHER_SCREEN_TOKEN),
    ];
    // The other token has room of its own (one stream of two), but all three places are taken.
    expect(open.map((opened) => opened.status)).toEqual([200, 200, 200, 429]);
    open.forEach((opened) => opened.close());
  });
});

(sharedServices ? describe : describe.skip)(
  'two instances share the counts (PostgreSQL and Redis)',
  () => {
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
      expect((await supertest(secondUrl).get(LIST).set('X-Forwarded-For', address)).status).toBe(
        429,
      );
      expect((await get(address, LIST)).status).toBe(429);
    });

    test('refused sign-ins on one instance count on the other', async () => {
      const address = newAddress();
      for (let attempt = 0; attempt < LIMITS.LOGIN_ATTEMPTS; attempt += 1) {
        expect(
          (
            await post(address, '/admin/login').send({
              email: ACCOUNTS.editor.email,
              password: 'wrong',
            })
          ).status,
        ).toBe(400);
      }
      const refused = await supertest(secondUrl)
        .post('/admin/login')
        .set('X-Forwarded-For', address)
        .send(ACCOUNTS.editor);
      expect(refused.status).toBe(429);
    });
  },
);

describe('staff participation', () => {
  test('each staff member has their allowance of writes a minute, wherever they send from; their reads are not counted', async () => {
    const auth = await staffSignIn('RL001', newAddress());
    const send = () =>
      post(newAddress(), '/api/participation/opinions')
        .set(auth)
        .send({ title: '限流测试', body: '一条意见' });
    for (let write = 0; write < LIMITS.STAFF_WRITES; write += 1)
      expect((await send()).status).toBe(201);
    expect((await get(newAddress(), '/api/participation/me').set(auth)).status).toBe(200);
    expectRefused(await send(), /您的提交.*your submissions/, 'staffWrites');
  });
});

describe('anonymous opinions by receipt code', () => {
  test('look-ups and ratings by receipt have their own allowance per address, and carry no account', async () => {
    const address = newAddress();
    const lookUp = () =>
      post(address, '/api/participation/receipts/opinion').send({
        receipt: 'ZZZZZZZZ-ZZZZZZZZZZZZZZZZZZZZ',
      });
    for (let attempt = 0; attempt < LIMITS.RECEIPTS; attempt += 1)
      expect((await lookUp()).status).toBe(404);
    expectRefused(
      await post(address, '/api/participation/receipts/rating').send({
        receipt: 'ZZZZZZZZ-ZZZZZZZZZZZZZZZZZZZZ',
        rating: 'satisfied',
      }),
      /查询码查询.*receipt look-ups from this address/,
      'receipts',
    );
    expect(
      (
        await post(newAddress(), '/api/participation/receipts/opinion').send({
          receipt: 'ZZZZZZZZ-ZZZZZZZZZZZZZZZZZZZZ',
        })
      ).status,
    ).toBe(404);
  });
});

describe('the admin API and files', () => {
  test('each admin user has an allowance of reads a minute, wherever they work from; the panel’s own files are not counted', async () => {
    const editor = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.editor)}` };
    const list = (address: string) =>
      get(
        address,
        '/content-manager/collection-types/api::article.article?page=1&pageSize=100',
      ).set(editor);
    for (let read = 0; read < LIMITS.ADMIN_READS; read += 1)
      expect((await list(newAddress())).status).toBe(200);
    expectRefused(
      await list(newAddress()),
      /此管理员账号的读取请求.*reads by this admin account/,
      'adminReads',
    );
    // Another admin at the same desk is not held back, and the editor's saves have their own allowance.
    const reviewer = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.reviewer)}` };
    expect(
      (
        await get(newAddress(), '/content-manager/collection-types/api::article.article').set(
          reviewer,
        )
      ).status,
    ).toBe(200);
    expect((await get(newAddress(), '/admin/project-type')).status).not.toBe(429);
  });

  test('50 display screens behind one office address load every picture and video the display page shows, never refused; past the allowance, files are', async () => {
    const address = newAddress();
    const feed = (
      await get(newAddress(), '/api/screen/feed?locale=zh-CN').set(
        'Authorization',
        `Bearer ${OTHER_SCREEN_TOKEN}`,
      )
    ).body.data;
    type Image = { url?: string; sources?: Array<{ url: string }> } | null;
    const largest = (image: Image) => image?.sources?.at(-1)?.url ?? image?.url;
    const smallest = (image: Image) => image?.sources?.[0]?.url ?? image?.url;
    // What public/screen/screen.js loads: each featured item's picture, the brand's logo, four posters; and the videos a screen may play, in three ranges each.
    // The feed's URLs are absolute when a media base is known: the file's path is what is asked for here.
    const uploaded = (urls: unknown[]) => [
      ...new Set(
        urls.flatMap((url) =>
          typeof url === 'string' && url.includes('/uploads/')
            ? [url.slice(url.indexOf('/uploads/'))]
            : [],
        ),
      ),
    ];
    const files = uploaded([
      ...feed.latest.map((item: { image: Image }) => largest(item.image)),
      smallest(feed.brand?.logo),
      ...feed.playlist.slice(0, 4).map((video: { poster: Image }) => smallest(video.poster)),
    ]);
    const videos = uploaded(feed.playlist.map((video: { url: string | null }) => video.url));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const perScreen = [
      ...files.map((url) => () => get(address, url)),
      ...videos.flatMap((url: string) =>
        ['bytes=0-', 'bytes=0-65535', 'bytes=65536-'].map(
          (range) => () => get(address, url).set('Range', range),
        ),
      ),
    ];
    let loaded = 0;
    for (let screen = 0; screen < 50; screen += 1) {
      const answers = await Promise.all(perScreen.map((load) => load()));
      for (const answer of answers) expect([200, 206]).toContain(answer.status);
      loaded += answers.length;
    }
    // A margin above that load: the default allowance is more than twice what 50 screens ask a minute.
    const allowance = 3000;
    expect(loaded * 2).toBeLessThan(allowance);
    for (let more = loaded; more < allowance; more += 50) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(50, allowance - more) }, () => get(address, files[0])),
      );
      for (const answer of answers) expect(answer.status).toBe(200);
    }
    expectRefused(
      await get(address, files[0]),
      /此地址的文件下载.*file downloads from this address reached the limit of 3000 per minute/,
      'downloads',
    );
    expect((await get(newAddress(), files[0])).status).toBe(200);
  });
});
