import fc from 'fast-check';
import type { Core } from '@strapi/strapi';
import { BUILT_IN_PROPERTY_NAMES, DEFAULT_BODY_MAX_DEPTH } from '../../src/http/request-input';

// What malformed requests are made of, for the fuzz tests (bad-input-fuzz, route-table-fuzz).

export const BUILT_IN_NAMES = [...BUILT_IN_PROPERTY_NAMES];

export const word = fc.constantFrom(
  'x',
  'abc',
  '',
  '../en',
  '..',
  '-1',
  '0',
  '1e999',
  'NaN',
  'true',
  'null',
  '%00',
  '%',
  '[]',
  '{}',
  '1,2',
  '*',
  ';',
  "'",
  '"',
  '\\',
  '<script>',
  '🙂',
  '9'.repeat(40),
  'id:desc',
  'publishedAt:asc',
  'title:sideways',
  'zh-CN',
  'en',
  'xx-YY',
  'published',
  'draft',
  ...BUILT_IN_NAMES,
);
export const value = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
export const segment = fc.constantFrom(
  '[id]',
  '[documentId]',
  '[slug]',
  '[title]',
  '[name]',
  '[category]',
  '[brand]',
  '[locale]',
  '[publishedAt]',
  '[localizations]',
  '[cover]',
  '[channels]',
  '[body]',
  '[$eq]',
  '[$ne]',
  '[$in]',
  '[$between]',
  '[$null]',
  '[$notNull]',
  '[$containsi]',
  '[$lt]',
  '[$or]',
  '[$and]',
  '[$not]',
  '[$foo]',
  '[0]',
  '[1]',
  '[]',
  '[*]',
  '[page]',
  '[pageSize]',
  '[start]',
  '[limit]',
  '[withCount]',
  '[populate]',
  '[fields]',
  '[sort]',
  '[on]',
  ...BUILT_IN_NAMES.map((name) => `[${name}]`),
);
export const root = fc.constantFrom(
  'filters',
  'sort',
  'pagination',
  'populate',
  'fields',
  'locale',
  'status',
  'publicationState',
  '_q',
  'category',
  'brand',
  'format',
  'token',
  'lastEventId',
  'page',
  'pageSize',
  'id',
  'plugins',
  'state',
  'period',
  'value',
  'scope',
  'dryRun',
  '__proto__',
  'constructor',
);
export const parameter = fc
  .tuple(root, fc.array(segment, { maxLength: 4 }), value)
  .map(
    ([name, path, given]) =>
      `${encodeURIComponent(name + path.join(''))}=${encodeURIComponent(given)}`,
  );
export const query = fc
  .array(parameter, { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.join('&'));
// Some queries exactly as an attacker types them, unencoded.
export const rawQuery = fc.constantFrom(
  'filters=abc',
  'filters[0]=x',
  'filters[id][$between]=x',
  'sort=../en',
  'sort[0][1][2]=x',
  'populate[0][populate]=*',
  'pagination[page]=-1',
  'pagination[pageSize]=1e9',
  'fields[0][0]=x',
  'locale[$ne]=x',
  'status=both',
  'filters[$or]=x',
  'filters[title][$in]=x',
  'filters[publishedAt][$between][0]=x',
  'populate=localizations',
  'populate[on][on]=[]',
  'populate[category][on][x]=1',
  'sort=id:desc:asc',
  'filters[category][name][$eq]=x',
  'category[name][$eq]=x',
  'brand[$eq]=x',
  'locale=../../etc',
  'filters[constructor]=1',
  'sort=toString',
  'fields[0]=__proto__',
  'populate[valueOf]=*',
  'populate[cover][fields][0]=hasOwnProperty',
  'filters[$and][0][isPrototypeOf]=1',
);

/** JSON nested `levels` deep, written out (building it as an object would overflow the test's own stack). */
export const deepJson = (levels: number, field = 'data') =>
  `{"${field}":${'{"a":'.repeat(levels - 1)}1${'}'.repeat(levels - 1)}}`;

export const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    data: fc.dictionary(
      fc.constantFrom(
        'id',
        'documentId',
        'title',
        'slug',
        'body',
        'digest',
        'channels',
        'category',
        'brand',
        'tags',
        'cover',
        'publishedAt',
        'locale',
        'localizations',
        'createdBy',
        'reviewState',
        ...BUILT_IN_NAMES,
      ),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 5 },
    ),
  }),
  fc.constantFrom(
    { data: { id: { $gt: 0 } } },
    { data: { id: { id: 1 } } },
    { data: null },
    { data: [] },
    { data: 'x' },
    { data: { title: { $ne: null } } },
    { reason: ['x'] },
    { reason: { x: 1 } },
    { publishAt: 'x' },
    { publishAt: { $gt: 1 } },
    { stage: -1 },
    { documentIds: 'x' },
    { documentIds: [{}] },
    { identifier: { $ne: null }, password: [] },
    { query: 1 },
    { query: '{ articles(filters: { id: { between: "x" } }) { documentId } }' },
    { query: '{ articles(sort: "../en") { documentId } }' },
    { query: 'mutation { deleteArticle(documentId: "x") { documentId } }' },
    { variables: 'x', query: 'query($a: Int) { articles { documentId } }' },
    { query: 'fragment F on Article { title ...F } { articles { ...F } }' },
    { receipt: { $ne: null } },
    { answer: ['x'] },
    { rating: { $gt: 0 } },
  ),
);
export type Body = { type: string; raw: string };
export const body: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 5,
    arbitrary: jsonBody.map((json) => ({
      type: 'application/json',
      raw: JSON.stringify(json) ?? 'null',
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{',
        '{"data":',
        '[1,',
        '{"data":{"title":"x"}}}',
        '\u0000',
        'null',
        '"x"',
        '1e999999',
      )
      .map((raw) => ({ type: 'application/json', raw })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(DEFAULT_BODY_MAX_DEPTH + 1, 3000)
      .map((levels) => ({ type: 'application/json', raw: deepJson(levels) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...BUILT_IN_NAMES).map((name) => ({
      type: 'application/json',
      raw: `{"${name}":{"polluted":true},"data":{"${name}":1}}`,
    })),
  },
  {
    weight: 1,
    arbitrary: jsonBody.map((json) => ({
      type: 'multipart/form-data; boundary=fuzz',
      raw: JSON.stringify(json) ?? '',
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=utf-16',
      )
      .map((type) => ({ type, raw: 'data[title]=x&data[id][$gt]=0' })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      type: 'multipart/form-data; boundary=fuzz',
      raw: '--fuzz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"title":\r\n--fuzz--\r\n',
    }),
  },
);

/** Every table's row count, in one query: a refused request must leave each as it was. */
export const rowCounts = async (strapi: Core.Strapi): Promise<Map<string, number>> => {
  const knex = strapi.db.connection;
  const tables: string[] =
    strapi.db.dialect.client === 'postgres'
      ? (
          await knex('information_schema.tables')
            .select('table_name')
            .whereRaw('table_schema = current_schema()')
        ).map((row: { table_name: string }) => row.table_name)
      : (
          await knex('sqlite_master')
            .select('name')
            .where({ type: 'table' })
            .whereNot('name', 'like', 'sqlite_%')
        ).map((row: { name: string }) => row.name);
  const union = tables
    .map((table) => `select '${table}' as name, count(*) as rows from "${table}"`)
    .join(' union all ');
  const result = await knex.raw(union);
  const rows: Array<{ name: string; rows: number | string }> = Array.isArray(result)
    ? result
    : result.rows;
  return new Map(rows.map((row) => [row.name, Number(row.rows)]));
};

export const changedTables = (before: Map<string, number>, after: Map<string, number>) =>
  [...new Set([...before.keys(), ...after.keys()])]
    .filter((table) => before.get(table) !== after.get(table))
    .map((table) => `${table} ${before.get(table)}→${after.get(table)}`);
