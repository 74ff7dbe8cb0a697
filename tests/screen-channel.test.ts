import crypto from 'crypto';
import type { AddressInfo } from 'net';
import { UID, type ContentUid } from '../src/constants';
import { articleData, createReleased, documents } from './harness/content';
import { openEventStream } from './harness/event-stream';
import { startSecondInstance } from './harness/second-instance';
import { bootTestAppForFile } from './harness/strapi';

const TOKEN = 'screen-secret-for-tests';
const bearer = { Authorization: `Bearer ${TOKEN}` };
const everywhere = { website: true, wechat: true, screen: true };
const app = bootTestAppForFile({
  SCREEN_TOKENS: `another-screen,${TOKEN}`,
  SCREEN_HEARTBEAT_SECONDS: '1',
  // The SQLite run needs nothing installed and uses the in-process bus; the PostgreSQL run
  // (npm run test:postgres sets TEST_REDIS_URL) goes through Redis, as several instances do.
  REDIS_URL: process.env.TEST_REDIS_URL ?? '',
  // Test apps run in parallel on one Redis: each keeps to its own keys and channel.
  REDIS_PREFIX: `brand-cms-test:${crypto.randomBytes(4).toString('hex')}`,
});
let port: number;

beforeAll(async () => {
  await new Promise<void>((resolve) =>
    app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve),
  );
  port = (app.strapi.server.httpServer.address() as AddressInfo).port;
});

const feed = (headers: Record<string, string> = bearer, query = '') =>
  app.http().get(`/api/screen/feed${query}`).set(headers);

describe('screen access', () => {
  test('needs a screen token, as a Bearer header or ?token=', async () => {
    const anonymous = await feed({});
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.message).toMatch(/screen token is required/);
    expect((await feed({ Authorization: 'Bearer wrong' })).body.error.message).toMatch(/not valid/);
    expect((await feed()).status).toBe(200);
    expect((await feed({}, `?token=${TOKEN}`)).status).toBe(200);
    expect((await app.http().get('/api/screen/stream')).status).toBe(403);
  });

  test('the access log never holds a screen token given as ?token=', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(app.strapi.log, 'http').mockImplementation((line) => {
      logged.push(String(line));
      return app.strapi.log;
    });
    try {
      expect((await feed({}, `?locale=zh-CN&token=${TOKEN}`)).status).toBe(200);
      expect((await feed({}, `?Token=${TOKEN}&x=%E0%A4%A`)).status).toBe(403);
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(
      /^GET \/api\/screen\/feed\?locale=zh-CN&token=\[REDACTED\] \(\d+ ms\) 200$/,
    );
    expect(logged.join('\n')).not.toContain(TOKEN);
  });
});

describe('screen feed', () => {
  test('holds only published items targeted at screens, with achievements, pillars, playlist and counts', async () => {
    const { data } = (await feed()).body;
    expect(data.brand).toMatchObject({ name: '党建动车组' });
    expect(data.brand.pillars.map((pillar: { title: string }) => pillar.title)).toEqual([
      '双提升',
      '三服务',
      '四争先',
    ]);

    const onScreens = async (uid: ContentUid) =>
      (
        await documents(app.strapi, uid).findMany({
          status: 'published',
          locale: 'zh-CN',
          filters: { channels: { screen: true } },
          fields: ['documentId'],
        })
      ).map((row: { documentId: string }) => row.documentId);
    const screenArticles = await onScreens(UID.article);
    const screenVideos = await onScreens(UID.video);
    const screenAchievements = await onScreens(UID.achievement);
    for (const item of data.latest) {
      const expected = {
        article: screenArticles,
        video: screenVideos,
        achievement: screenAchievements,
      }[item.kind as 'article'];
      expect(expected).toContain(item.documentId);
      // Labelled with its live 栏目's name (an achievement has none).
      const uid: ContentUid = {
        article: UID.article,
        video: UID.video,
        achievement: UID.achievement,
      }[item.kind as 'article' | 'video' | 'achievement'];
      const live = await documents(app.strapi, uid).findOne({
        documentId: item.documentId,
        status: 'published',
        locale: 'zh-CN',
        populate: uid === UID.achievement ? [] : ['category'],
      });
      expect([item.documentId, item.category]).toEqual([
        item.documentId,
        live?.category?.name ?? null,
      ]);
    }
    expect(data.latest.some((item: { category: string | null }) => item.category !== null)).toBe(
      true,
    );
    expect(data.latest.map((item: { publishedAt: string }) => item.publishedAt)).toEqual(
      [...data.latest.map((item: { publishedAt: string }) => item.publishedAt)].sort().reverse(),
    );
    expect(data.playlist.map((video: { documentId: string }) => video.documentId).sort()).toEqual(
      [...screenVideos].sort(),
    );
    expect(
      data.achievements.map((achievement: { documentId: string }) => achievement.documentId).sort(),
    ).toEqual([...screenAchievements].sort());
    for (const achievement of data.achievements)
      expect(achievement.metrics.length).toBeGreaterThan(0);

    const byLevel = data.counts.achievementsByLevel as Record<string, number>;
    expect(Object.values(byLevel).reduce((sum, count) => sum + count, 0)).toBe(
      screenAchievements.length,
    );
    // The demo was published just now: everything on screens counts for this month.
    expect(data.counts.publishedThisMonth).toBe(
      screenArticles.length + screenVideos.length + screenAchievements.length,
    );
    // Staff rankings are opt-in (PARTICIPATION_RANKINGS_ON_SCREENS; tests/screen-rankings.test.ts).
    expect(data.rankings).toBeNull();
  });

  test('has a strong ETag: 304 while unchanged, a new tag after a publish', async () => {
    const first = await feed();
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await feed({ ...bearer, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await feed({ ...bearer, 'If-None-Match': `"other", ${etag}` })).status).toBe(304);

    await createReleased(
      app.strapi,
      UID.article,
      articleData({ title: '大屏新消息', channels: everywhere }),
    );
    const changed = await feed({ ...bearer, 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.data.latest[0].title).toBe('大屏新消息');
  });

  test('unknown locale is a 400 naming it', async () => {
    const response = await feed(bearer, '?locale=fr');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/fr/);
  });
});

describe('live stream', () => {
  test('notifies on publish and unpublish of screen items only, with heartbeats and increasing ids', async () => {
    const stream = await openEventStream(port, `/api/screen/stream?token=${TOKEN}`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      await stream.waitFor((event) => event.comment === 'heartbeat');

      const websiteOnly = await createReleased(
        app.strapi,
        UID.article,
        articleData({ title: '仅网站', channels: { website: true, wechat: false, screen: false } }),
      );
      const onScreens = await createReleased(
        app.strapi,
        UID.article,
        articleData({ title: '上大屏', channels: everywhere }),
      );
      const published = await stream.waitFor(
        (event) =>
          event.event === 'publish' && JSON.parse(event.data!).documentId === onScreens.documentId,
      );
      await documents(app.strapi, UID.article).unpublish({
        documentId: onScreens.documentId,
        locale: 'zh-CN',
      });
      const unpublished = await stream.waitFor((event) => event.event === 'unpublish');
      expect(JSON.parse(unpublished.data!)).toMatchObject({
        type: 'unpublish',
        uid: UID.article,
        documentId: onScreens.documentId,
        locale: 'zh-CN',
      });
      expect(Number(unpublished.id)).toBeGreaterThan(Number(published.id));
      expect(stream.events.some((event) => event.data?.includes(websiteOnly.documentId))).toBe(
        false,
      );

      // Deleting live content takes it off the screens too.
      const doomed = await createReleased(
        app.strapi,
        UID.article,
        articleData({ title: '将被删除', channels: everywhere }),
      );
      await documents(app.strapi, UID.article).delete({
        documentId: doomed.documentId,
        locale: 'zh-CN',
      });
      await stream.waitFor(
        (event) =>
          event.event === 'unpublish' && JSON.parse(event.data!).documentId === doomed.documentId,
      );
    } finally {
      stream.close();
    }
  });

  test('a screen that reconnects with Last-Event-ID gets what it missed, once', async () => {
    const first = await openEventStream(port, '/api/screen/stream', bearer);
    const a = await createReleased(
      app.strapi,
      UID.article,
      articleData({ title: '断线前', channels: everywhere }),
    );
    const seen = await first.waitFor((event) => event.data?.includes(a.documentId) ?? false);
    first.close();

    const missed = await createReleased(
      app.strapi,
      UID.article,
      articleData({ title: '断线期间', channels: everywhere }),
    );
    const again = await openEventStream(port, '/api/screen/stream', {
      ...bearer,
      'Last-Event-ID': seen.id!,
    });
    try {
      const replayed = await again.waitFor(
        (event) => event.data?.includes(missed.documentId) ?? false,
      );
      expect(Number(replayed.id)).toBeGreaterThan(Number(seen.id));
      expect(again.events.filter((event) => event.data?.includes(a.documentId))).toEqual([]);
    } finally {
      again.close();
    }
  });

  // Two processes need a shared database server and Redis: the PostgreSQL run has both.
  (process.env.DATABASE_CLIENT === 'postgres' && process.env.TEST_REDIS_URL ? test : test.skip)(
    'hears a publish made on another server instance, through Redis',
    async () => {
      const stream = await openEventStream(port, '/api/screen/stream', bearer);
      try {
        const draft = await documents(app.strapi, UID.article).create({
          data: articleData({ title: '另一台服务器发布', channels: everywhere }),
          locale: 'zh-CN',
        });
        const second = await startSecondInstance();
        expect(
          await second.command(`release ${UID.article} ${draft.documentId} zh-CN`, 'RELEASED'),
        ).toBe('');
        await second.stopped;
        const event = await stream.waitFor(
          (candidate) => candidate.data?.includes(draft.documentId) ?? false,
        );
        expect(event.event).toBe('publish');
      } finally {
        stream.close();
      }
    },
  );
});
