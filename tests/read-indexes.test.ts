import { PUBLISHABLE_UIDS } from '../src/constants';
import { readIndexName } from '../src/documents/read-indexes';
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
