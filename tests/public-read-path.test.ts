import { PUBLISHABLE_UIDS, UID } from '../src/constants';
import { channelTargetedUids } from '../src/content/registry';
import { channelFlags } from '../src/kernel/channel-flags';
import { touchLiveContent } from '../src/kernel/live-content-version';
import { livePages, numberedPartChanges, pageRunChange } from '../src/channels/web/website-content';
import { DEEP_OFFSET, SIGNPOST_EVERY } from '../src/documents/deep-pages';
import { readIndexesOf, readIndexName } from '../src/documents/read-indexes';
import { isLocalizedType } from '../src/i18n/locales';
import { versionHash } from '../src/workflow/content-hash';
import { articleData, createReleased, documents } from './harness/content';
import { setPublicPermission } from './harness/public-access';
import { requestQueriesDuring } from './harness/request-queries';
import { bootTestAppForFile } from './harness/strapi';

const CHANNEL_TARGETED_UIDS = channelTargetedUids();

// The miss path on its own: no response cache in front answers a repeated read.
const app = bootTestAppForFile({ RESPONSE_CACHE_ENABLED: 'false' });
const isPostgres = () => app.strapi.db.dialect.client === 'postgres';
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

type Query = ReturnType<ReturnType<typeof app.strapi.db.connection>['select']>;

/**
 * How the database would run `query`: SQLite's query plan, or PostgreSQL's with sequential scans
 * and sorts discouraged. The tables here are tiny, where reading or sorting every row is cheapest;
 * discouraged, PostgreSQL still scans or sorts where no index could serve the query.
 */
const planOf = async (query: Query): Promise<string> => {
  const knex = app.strapi.db.connection;
  if (!isPostgres())
    return (await knex.raw(`EXPLAIN QUERY PLAN ${query.toString()}`))
      .map((row: { detail: string }) => row.detail)
      .join(' | ');
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    await trx.raw('SET LOCAL enable_sort = off');
    return (await trx.raw(`EXPLAIN ${query.toString()}`)).rows
      .map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN'])
      .join(' | ');
  });
};

const tableOf = (uid: (typeof PUBLISHABLE_UIDS)[number]) =>
  app.strapi.db.metadata.get(uid).tableName;

/** Published rows of one locale: what every public read starts from. */
const published = (uid: (typeof PUBLISHABLE_UIDS)[number], columns: string[] = ['id']) => {
  const rows = app.strapi.db.connection(tableOf(uid)).select(columns).whereNotNull('published_at');
  return isLocalizedType(app.strapi, uid) ? rows.where('locale', 'zh-CN') : rows;
};

const usesReadIndex = (plan: string, uid: (typeof PUBLISHABLE_UIDS)[number]) =>
  readIndexesOf(app.strapi, uid).some(({ name }) => plan.includes(name));
/** Rows come out of the index in the order asked, so skipping to a deep page reads no row whole and sorts nothing. */
const sortsNothing = (plan: string) =>
  expect(plan).not.toMatch(isPostgres() ? /Sort/ : /TEMP B-TREE/);
const newestFirst: Array<string | { column: string; order: 'desc' }> = [
  { column: 'published_at', order: 'desc' },
  'id',
];

describe('indexes for public reads', () => {
  test.each(PUBLISHABLE_UIDS.map((uid) => [uid]))(
    'a page of %s, newest first, reads through its index',
    async (uid) => {
      const plan = await planOf(published(uid).orderBy(newestFirst).limit(10).offset(5000));
      expect(plan).toContain(readIndexName(tableOf(uid)));
      sortsNothing(plan);
    },
  );

  test.each(CHANNEL_TARGETED_UIDS.map((uid) => [uid]))(
    '%s on a channel: newest first, in id order and counted, each through a read index',
    async (uid) => {
      for (const [, flag] of channelFlags()) {
        const onChannel = () => published(uid).where(snakeCase(flag), true);
        const plan = await planOf(onChannel().orderBy(newestFirst).limit(10).offset(5000));
        expect(usesReadIndex(plan, uid)).toBe(true);
        sortsNothing(plan);
      }
      const onWebsite = () => published(uid).where('targets_website', true);
      expect(usesReadIndex(await planOf(onWebsite().orderBy('id').limit(10)), uid)).toBe(true);
      expect(
        usesReadIndex(await planOf(onWebsite().clearSelect().count({ count: 'id' })), uid),
      ).toBe(true);
      // One item by its documentId, on the website: straight to its row, not a scan of the locale.
      const [row] = await published(uid, ['document_id']).limit(1);
      const single = await planOf(
        onWebsite()
          .where('document_id', row?.document_id ?? 'none')
          .limit(1),
      );
      // SQLite plans without statistics, so the index must win on its shape; PostgreSQL weighs its
      // statistics (on these tiny tables every index costs the same), so any index will do there.
      if (isPostgres()) expect(single).toMatch(/Index Scan/);
      else expect(single).toContain(`${tableOf(uid)}_website_document_idx`);
    },
  );

  test.each([UID.article, UID.video, UID.achievement, UID.brand].map((uid) => [uid]))(
    'a sitemap part of %s, at any offset, and the newest change of every part, read from its index alone',
    async (uid) => {
      const slice = livePages(app.strapi, uid, 'zh-CN')
        .select('slug', 'updated_at')
        .orderBy('id')
        .limit(10000)
        .offset(90000);
      const segment = {
        uid: uid,
        kind: 'articles' as const,
        locale: 'zh-CN',
        pages: 1,
      };
      // The newest change of each part, as either database reads it (one query, or a run per part).
      const numbered = numberedPartChanges(app.strapi, segment, 20000, 10000);
      const run = pageRunChange(app.strapi, segment, 20000, 10000);
      for (const plan of [await planOf(slice), await planOf(numbered), await planOf(run)]) {
        expect(plan).toContain(
          uid === UID.brand
            ? `${tableOf(uid)}_live_pages_idx`
            : `${tableOf(uid)}_website_pages_idx`,
        );
        // SQLite says so; PostgreSQL reads it with an index-only scan.
        expect(plan).toMatch(isPostgres() ? /Index Only Scan/ : /COVERING INDEX/);
      }
    },
  );

  test('are kept across restarts (Strapi’s schema sync leaves them alone, the start re-ensures them)', async () => {
    await app.restart();
    const plan = await planOf(published(UID.article).orderBy(newestFirst).limit(10));
    expect(plan).toContain(readIndexName(tableOf(UID.article)));
  });
});

describe('channel columns (what reads filter on, without a join)', () => {
  const rowsOf = (documentId: string) =>
    app.strapi.db.query(UID.article).findMany({
      where: { documentId },
      select: ['publishedAt', 'targetsWebsite', 'targetsWechat', 'targetsScreen'],
      orderBy: { id: 'asc' },
    });
  const asBooleans = (row: Record<string, unknown>) =>
    [row.targetsWebsite, row.targetsWechat, row.targetsScreen].map(
      (flag) => flag === true || flag === 1,
    );

  test('follow the channels component on create, edit and release; a caller cannot set them', async () => {
    const created = await createReleased(
      app.strapi,
      UID.article,
      articleData({
        slug: 'flags-follow',
        channels: { website: false, wechat: true, screen: true },
        targetsWebsite: true,
      }),
    );
    for (const row of await rowsOf(created.documentId))
      expect(asBooleans(row)).toEqual([false, true, true]);
    await documents(app.strapi, UID.article).update({
      documentId: created.documentId,
      locale: 'zh-CN',
      data: { channels: { website: true, wechat: false, screen: false } },
    });
    const [draft, live] = await rowsOf(created.documentId);
    expect(asBooleans(draft)).toEqual([true, false, false]);
    expect(asBooleans(live)).toEqual([false, true, true]); // the live version keeps its own until released again
    await documents(app.strapi, UID.article).update({
      documentId: created.documentId,
      locale: 'zh-CN',
      data: { targetsScreen: false, targetsWechat: false },
    });
    expect(asBooleans((await rowsOf(created.documentId))[0])).toEqual([true, false, false]);
  });

  test('never appear in a response, and never enter the approval hash', async () => {
    const created = await createReleased(
      app.strapi,
      UID.article,
      articleData({ slug: 'flags-private' }),
    );
    const read = await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.data).filter((key) => key.startsWith('targets'))).toEqual([]);
    const ref = { uid: UID.article, documentId: created.documentId, locale: 'zh-CN' };
    const before = await versionHash(app.strapi, ref);
    await app.strapi.db
      .query(UID.article)
      .updateMany({ where: { documentId: created.documentId }, data: { targetsWebsite: false } });
    expect(await versionHash(app.strapi, ref)).toBe(before);
  });

  test('missing ones (rows from before, or a bulk import) are filled from the component at start', async () => {
    const created = await createReleased(
      app.strapi,
      UID.article,
      articleData({
        slug: 'flags-backfill',
        channels: { website: true, wechat: false, screen: true },
      }),
    );
    for (const uid of CHANNEL_TARGETED_UIDS) {
      await app.strapi.db.query(uid).updateMany({
        where: {},
        data: { targetsWebsite: null, targetsWechat: null, targetsScreen: null },
      });
    }
    expect((await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`)).status).toBe(
      404,
    );
    await app.restart();
    for (const row of await rowsOf(created.documentId))
      expect(asBooleans(row)).toEqual([true, false, true]);
    expect((await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`)).status).toBe(
      200,
    );
  });
});

describe('list totals', () => {
  const total = async () =>
    (await app.http().get('/api/articles?locale=zh-CN&pagination[pageSize]=1')).body.meta.pagination
      .total as number;
  const demoArticle = {
    publishedAt: { $notNull: true },
    locale: 'zh-CN',
    slug: 'bullet-train-brand-launched',
  };

  test('are counted once per change of what is live, and follow every release and takedown at once', async () => {
    const before = await total();
    // A live row changed behind the CMS's back (no release) is not counted again: the kept total is served.
    expect(
      await app.strapi.db
        .query(UID.article)
        .updateMany({ where: demoArticle, data: { targetsWebsite: false } }),
    ).toEqual({ count: 1 });
    expect(await total()).toBe(before);
    await app.strapi.db
      .query(UID.article)
      .updateMany({ where: demoArticle, data: { targetsWebsite: true } });
    // A release moves the live-content version: the next total is counted afresh, and so after a takedown.
    const created = await createReleased(
      app.strapi,
      UID.article,
      articleData({ slug: 'counted-at-once' }),
    );
    expect(await total()).toBe(before + 1);
    await documents(app.strapi, UID.article).unpublish({
      documentId: created.documentId,
      locale: 'zh-CN',
    });
    expect(await total()).toBe(before);
  });

  test('are shared by every page, size and order of one list', async () => {
    const before = await total();
    await app.strapi.db
      .query(UID.article)
      .updateMany({ where: demoArticle, data: { targetsWebsite: false } });
    try {
      // Counted afresh, these would be one less: they are the first page's kept total.
      for (const query of [
        'pagination[page]=2&pagination[pageSize]=1',
        'pagination[pageSize]=3&sort=publishedAt:desc',
        'pagination[start]=1&pagination[limit]=2&populate=category',
      ]) {
        expect(
          (await app.http().get(`/api/articles?locale=zh-CN&${query}`)).body.meta.pagination.total,
        ).toBe(before);
      }
    } finally {
      await app.strapi.db
        .query(UID.article)
        .updateMany({ where: demoArticle, data: { targetsWebsite: true } });
    }
  });
});

describe('the Public role’s permissions', () => {
  test('are read once per change of what is live, not per request, and a change to them counts at once', async () => {
    const permissionReads = ({ statements }: { statements: string[] }) =>
      statements.filter((sql) => /from [`"]up_permissions[`"]/.test(sql));
    const tags = (page: number) =>
      app.http().get(`/api/tags?locale=zh-CN&pagination[pageSize]=1&pagination[page]=${page}`);
    expect((await tags(1)).status).toBe(200);
    const warm = await requestQueriesDuring(app.strapi, async () => {
      for (const page of [2, 3, 4]) expect((await tags(page)).status).toBe(200);
    });
    expect(permissionReads(warm)).toEqual([]);
    await setPublicPermission(app, ['api::tag', 'tag', 'find'], false);
    const refused = await requestQueriesDuring(app.strapi, async () => {
      for (const page of [1, 2]) expect((await tags(page)).status).toBe(403);
    });
    expect(permissionReads(refused)).toHaveLength(1);
    await setPublicPermission(app, ['api::tag', 'tag', 'find'], true);
    expect((await tags(1)).status).toBe(200);
  });
});

describe('deep pages', () => {
  // Articles written in SQL, as a bulk import (and the read benchmark) writes them: enough for
  // pages past the second signpost.
  const ARTICLES = 3 * SIGNPOST_EVERY - 170;
  const { seedArticles } = require('../scripts/bench/read') as {
    seedArticles: (strapi: typeof app.strapi, count: number) => Promise<void>;
  };
  beforeAll(async () => {
    await seedArticles(app.strapi, ARTICLES);
    // An import releases many items in the same second: runs of seven share their time, so a
    // signpost falls inside a run and a page's ids must be told apart by the id alone.
    const live: Array<{ id: number; published_at: unknown }> = await published(UID.article, [
      'id',
      'published_at',
    ]).orderBy(newestFirst);
    for (let run = 0; run < live.length; run += 7) {
      const ids = live.slice(run, run + 7).map(({ id }) => id);
      await app.strapi.db
        .connection(tableOf(UID.article))
        .whereIn('id', ids)
        .update({ published_at: live[run].published_at });
    }
    // As `npm run reindex` does after an import: PostgreSQL plans with the new sizes, and knows the
    // pages all visible, so an index answers alone.
    if (isPostgres()) await app.strapi.db.connection.raw('VACUUM (ANALYZE) articles');
    await touchLiveContent(app.strapi);
  });

  const onWebsite = () => published(UID.article).where('targets_website', true);
  const pageOf = async (sort: string, start: number, limit = 10) =>
    (
      (
        await app
          .http()
          .get(
            `/api/articles?locale=zh-CN&sort=${sort}&pagination[start]=${start}&pagination[limit]=${limit}`,
          )
      ).body.data as Array<{ id: number }>
    ).map(({ id }) => id);
  const expected = async (
    order: Array<string | { column: string; order: 'desc' | 'asc' }>,
    start: number,
    limit = 10,
  ) =>
    (await onWebsite().orderBy(order).offset(start).limit(limit)).map(
      ({ id }: { id: number }) => id,
    );
  const articleQueries = async (read: () => Promise<unknown>) => {
    const { statements, bindings } = await requestQueriesDuring(app.strapi, read);
    return statements
      .map((sql, index) => ({ sql, bindings: bindings[index] }))
      .filter(({ sql }) => /from [`"]articles[`"]/.test(sql) && !/count\(/.test(sql));
  };
  /** The offset a statement steps over (its value is bound: the one before the last bound, `limit ? offset ?`). */
  const offsetOf = ({ sql, bindings }: { sql: string; bindings: unknown[] }) => {
    const bound = /offset (\?|\$(\d+))\s*$/.exec(sql);
    return bound ? Number(bindings[bound[2] ? Number(bound[2]) - 1 : bindings.length - 1]) : 0;
  };

  const edges = [
    0,
    DEEP_OFFSET - 1,
    DEEP_OFFSET,
    157,
    SIGNPOST_EVERY - 1,
    SIGNPOST_EVERY,
    SIGNPOST_EVERY + 1,
    2 * SIGNPOST_EVERY - 5,
    2 * SIGNPOST_EVERY,
    ARTICLES - 10,
    ARTICLES - 3,
    ARTICLES,
    ARTICLES + 50,
  ];
  test.each(edges)(
    'are the same rows in the same order at offset %i, newest first, by id and by title',
    async (start) => {
      expect(await pageOf('publishedAt:desc', start)).toEqual(await expected(newestFirst, start));
      expect(await pageOf('publishedAt:asc', start)).toEqual(
        await expected([{ column: 'published_at', order: 'asc' }, 'id'], start),
      );
      expect(await pageOf('id:desc', start)).toEqual(
        await expected([{ column: 'id', order: 'desc' }], start),
      );
      expect(await pageOf('title:asc', start)).toEqual(await expected(['title', 'id'], start));
    },
  );

  test('pages of any size that straddle a signpost', async () => {
    await touchLiveContent(app.strapi);
    // Up to the REST limit (config/api.ts maxLimit: 100).
    for (const [start, limit] of [
      [SIGNPOST_EVERY - 7, 20],
      [2 * SIGNPOST_EVERY - 60, 100],
      [SIGNPOST_EVERY - 1, 1],
      [SIGNPOST_EVERY, 1],
    ]) {
      expect(await pageOf('publishedAt:desc', start, limit)).toEqual(
        await expected(newestFirst, start, limit),
      );
    }
  });

  test('are read in two steps: the ids of the page from the index alone, then those rows', async () => {
    await touchLiveContent(app.strapi);
    const queries = await articleQueries(async () =>
      expect(await pageOf('publishedAt:desc', 250)).toHaveLength(10),
    );
    const [ids, rows] = queries.map(({ sql }) => sql);
    expect(queries).toHaveLength(2);
    expect(ids).toMatch(/^select [`"]t0[`"]\.[`"]id[`"] from/);
    expect(rows).not.toMatch(/offset/);
    const plan = await planOf(onWebsite().orderBy(newestFirst).offset(250).limit(10));
    expect(plan).toMatch(isPostgres() ? /Index Only Scan/ : /COVERING INDEX/);
    sortsNothing(plan);
  });

  test('seek past a signpost kept until what is live changes, never stepping over more than the rows between two, and are never stale', async () => {
    await touchLiveContent(app.strapi);
    const deep = ARTICLES - 20;
    // The first deep page walks the signposts, one query each, each stepping over the rows to the next.
    const first = await articleQueries(async () =>
      expect(await pageOf('publishedAt:desc', deep)).toEqual(await expected(newestFirst, deep)),
    );
    expect(first).toHaveLength(Math.floor(deep / SIGNPOST_EVERY) + 2);
    for (const query of first) expect(offsetOf(query)).toBeLessThan(SIGNPOST_EVERY);
    // Later pages of the same list, in the same version: the ids of the page past a kept signpost, then the rows.
    for (const start of [deep - 3, SIGNPOST_EVERY + 3]) {
      const later = await articleQueries(async () =>
        expect(await pageOf('publishedAt:desc', start)).toEqual(await expected(newestFirst, start)),
      );
      expect(later).toHaveLength(2);
      expect(offsetOf(later[0])).toBe(start % SIGNPOST_EVERY);
      // A range of the index from the signpost on, not a scan from its start.
      expect(later[0].sql).toMatch(/<= \(select/);
    }
    const seek = (await articleQueries(() => pageOf('publishedAt:desc', deep)))[0];
    // PostgreSQL's statements number their values ($1, $2, … in order); knex binds `?`.
    const plan = await planOf(
      app.strapi.db.connection.raw(
        seek.sql.replace(/\$\d+/g, '?'),
        seek.bindings as never[],
      ) as unknown as Query,
    );
    expect(plan).toMatch(
      isPostgres()
        ? /Index Only Scan.*Index Cond: .*published_at <=/
        : /COVERING INDEX .*published_at<\?/,
    );
    sortsNothing(plan);

    // A reader's own filter or order is not kept: it steps to its offset every time.
    for (const start of [SIGNPOST_EVERY + 50, SIGNPOST_EVERY + 60]) {
      const byTitle = await articleQueries(async () =>
        expect(await pageOf('title:desc', start)).toEqual(
          await expected([{ column: 'title', order: 'desc' }, 'id'], start),
        ),
      );
      expect(offsetOf(byTitle[0])).toBe(start);
      const filtered = await articleQueries(async () =>
        expect(
          (
            await app
              .http()
              .get(
                `/api/articles?locale=zh-CN&sort=publishedAt:desc&filters[title][$notNull]=true&pagination[start]=${start}&pagination[limit]=10`,
              )
          ).body.data,
        ).toHaveLength(10),
      );
      expect(offsetOf(filtered[0])).toBe(start);
    }

    // A release moves every page by one at once, on either database.
    const before = await pageOf('publishedAt:desc', deep);
    await createReleased(app.strapi, UID.article, articleData({}));
    const after = await articleQueries(async () =>
      expect(await pageOf('publishedAt:desc', deep)).toEqual(await expected(newestFirst, deep)),
    );
    expect(after.length).toBeGreaterThan(2);
    expect((await expected(newestFirst, deep)).slice(1)).toEqual(before.slice(0, 9));
  });
});
