import { PUBLISHABLE_UIDS, UID } from '../src/constants';
import { CHANNEL_TARGETED_UIDS } from '../src/channels/channel-targeting';
import { readIndexName } from '../src/documents/read-indexes';
import { versionHash } from '../src/workflow/content-hash';
import { articleData, createReleased, documents } from './harness/content';
import { bootTestAppForFile } from './harness/strapi';

const app = bootTestAppForFile();
const isPostgres = () => app.strapi.db.dialect.client === 'postgres';

/** How the database would read one public page of `table`: published rows, newest first. */
const planOf = async (table: string, localized: boolean): Promise<string> => {
  const knex = app.strapi.db.connection;
  const page = knex(table)
    .select('id')
    .whereNotNull('published_at')
    .modify((query) => (localized ? query.where('locale', 'zh-CN') : query))
    .orderBy([{ column: 'published_at', order: 'desc' }, 'id'])
    .limit(10)
    .toString();
  if (!isPostgres()) return (await knex.raw(`EXPLAIN QUERY PLAN ${page}`)).map((row: { detail: string }) => row.detail).join(' | ');
  // The demo tables are tiny: without this PostgreSQL would rightly scan them instead.
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    return (await trx.raw(`EXPLAIN ${page}`)).rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join(' | ');
  });
};

describe('indexes for public reads', () => {
  test.each(PUBLISHABLE_UIDS.map((uid) => [uid]))('a page of %s, newest first, reads through its index', async (uid) => {
    const table = app.strapi.db.metadata.get(uid).tableName;
    const localized = app.strapi.plugin('i18n').service('content-types').isLocalizedContentType(app.strapi.contentType(uid));
    expect(await planOf(table, localized)).toContain(readIndexName(table));
  });

  test('are kept across restarts (Strapi’s schema sync leaves them alone, the start re-ensures them)', async () => {
    await app.restart();
    const table = app.strapi.db.metadata.get(PUBLISHABLE_UIDS[0]).tableName;
    expect(await planOf(table, true)).toContain(readIndexName(table));
  });
});

describe('channel columns (what reads filter on, without a join)', () => {
  const rowsOf = (documentId: string) =>
    app.strapi.db.query(UID.article).findMany({ where: { documentId }, select: ['publishedAt', 'targetsWebsite', 'targetsWechat', 'targetsScreen'], orderBy: { id: 'asc' } });
  const asBooleans = (row: Record<string, unknown>) => [row.targetsWebsite, row.targetsWechat, row.targetsScreen].map((flag) => flag === true || flag === 1);

  test('follow the channels component on create, edit and release; a caller cannot set them', async () => {
    const created = await createReleased(app.strapi, UID.article, articleData({ slug: 'flags-follow', channels: { website: false, wechat: true, screen: true }, targetsWebsite: true }));
    for (const row of await rowsOf(created.documentId)) expect(asBooleans(row)).toEqual([false, true, true]);
    await documents(app.strapi, UID.article).update({ documentId: created.documentId, locale: 'zh-CN', data: { channels: { website: true, wechat: false, screen: false } } });
    const [draft, live] = await rowsOf(created.documentId);
    expect(asBooleans(draft)).toEqual([true, false, false]);
    expect(asBooleans(live)).toEqual([false, true, true]); // the live version keeps its own until released again
    await documents(app.strapi, UID.article).update({ documentId: created.documentId, locale: 'zh-CN', data: { targetsScreen: false, targetsWechat: false } });
    expect(asBooleans((await rowsOf(created.documentId))[0])).toEqual([true, false, false]);
  });

  test('never appear in a response, and never enter the approval hash', async () => {
    const created = await createReleased(app.strapi, UID.article, articleData({ slug: 'flags-private' }));
    const read = await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.data).filter((key) => key.startsWith('targets'))).toEqual([]);
    const ref = { uid: UID.article, documentId: created.documentId, locale: 'zh-CN' };
    const before = await versionHash(app.strapi, ref);
    await app.strapi.db.query(UID.article).updateMany({ where: { documentId: created.documentId }, data: { targetsWebsite: false } });
    expect(await versionHash(app.strapi, ref)).toBe(before);
  });

  test('missing ones (rows from before, or a bulk import) are filled from the component at start', async () => {
    const created = await createReleased(app.strapi, UID.article, articleData({ slug: 'flags-backfill', channels: { website: true, wechat: false, screen: true } }));
    for (const uid of CHANNEL_TARGETED_UIDS) {
      await app.strapi.db.query(uid).updateMany({ where: {}, data: { targetsWebsite: null, targetsWechat: null, targetsScreen: null } });
    }
    expect((await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`)).status).toBe(404);
    await app.restart();
    for (const row of await rowsOf(created.documentId)) expect(asBooleans(row)).toEqual([true, false, true]);
    expect((await app.http().get(`/api/articles/${created.documentId}?locale=zh-CN`)).status).toBe(200);
  });
});
