import type supertest from 'supertest';
import { PUBLIC_UIDS } from '../src/constants';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

/**
 * Every operator with awkward values on a field of each column type of the public types, as
 * the database sees the model (`id` included), on the list and on a single document: a value
 * the column cannot hold (`%` for an id, `NaN` for a number, text matching on a number) is a 400
 * that names the parameter, never the database's 500 (PostgreSQL refuses what SQLite lets pass);
 * a value it can hold is answered. Generated from the model: a new field type is covered here.
 */
const app = bootTestAppForFile();

type Attribute = { type: string };
const OPERATORS = [
  '',
  '[$eq]',
  '[$ne]',
  '[$in][0]',
  '[$notIn][0]',
  '[$lt]',
  '[$gte]',
  '[$between][0]',
  '[$eqi]',
  '[$nei]',
  '[$contains]',
  '[$notContains]',
  '[$containsi]',
  '[$startsWith]',
  '[$endsWithi]',
  '[$not][$eq]',
  '[$null]',
  '[$notNull]',
];
const AWKWARD = [
  '%',
  'x',
  '',
  '1.5',
  'NaN',
  '9'.repeat(40),
  '2026-13-45',
  '2024-02-30',
  'true',
  'x\u0000',
];

/** What each column type takes for a plain comparison, so the test knows a refusal is not over-eager. */
const FITTING: Record<string, string> = {
  increments: '1',
  integer: '1',
  biginteger: '1',
  float: '1.5',
  decimal: '1.5',
  boolean: 'true',
  date: '2026-01-02',
  datetime: '2026-01-02T03:04:05.000Z',
  timestamp: '2026-01-02T03:04:05.000Z',
  time: '03:04:05.000',
};

/** One field per column type a filter can compare, each from the first public type that has one. */
const probedFields = () => {
  const seen = new Set<string>();
  return PUBLIC_UIDS.flatMap((uid) => {
    const attributes = app.strapi.db.metadata.get(uid).attributes as Record<string, Attribute>;
    // What a reader may filter on: the type's public fields and the id (database-only columns are Strapi's "Invalid key").
    const readable = app.strapi.contentType(uid).attributes as Record<
      string,
      { private?: boolean }
    >;
    return Object.entries(attributes)
      .filter(
        ([field]) => field === 'id' || (readable[field] !== undefined && !readable[field].private),
      )
      .filter(
        ([, attribute]) =>
          !['relation', 'component', 'dynamiczone', 'media', 'json', 'blocks', 'password'].includes(
            attribute.type,
          ),
      )
      .filter(([, attribute]) => !seen.has(attribute.type) && Boolean(seen.add(attribute.type)))
      .map(([field, attribute]) => ({
        uid,
        field,
        type: attribute.type,
        plural: app.strapi.contentType(uid).info.pluralName,
      }));
  });
};

test('every column type of every public type: awkward values are a 400 naming the field, fitting ones are answered', async () => {
  const fields = probedFields();
  // The model holds the column types this test is about; without them it would prove nothing.
  expect(fields.map(({ type }) => type)).toEqual(
    expect.arrayContaining(['increments', 'integer', 'string', 'datetime', 'date']),
  );

  const serverErrors: string[] = [];
  const unnamed: string[] = [];
  const refusedFitting: string[] = [];
  for (const { field, type, plural } of fields) {
    const single =
      (await app.http().get(`/api/${plural}?pagination[pageSize]=1`)).body.data?.[0]?.documentId ??
      'none';
    for (const operator of OPERATORS) {
      const values =
        operator === '[$null]' || operator === '[$notNull]'
          ? ['true', 'x']
          : [...AWKWARD, FITTING[type] ?? 'x'];
      for (const value of values) {
        for (const path of [`/api/${plural}`, `/api/${plural}/${single}`]) {
          const url = `${path}?${encodeURIComponent(`filters[${field}]${operator}`)}=${encodeURIComponent(value)}`;
          const response = await app.http().get(url);
          if (response.status >= 500) serverErrors.push(`${response.status} ${url}`);
          else if (
            response.status === 400 &&
            !String(response.body.error?.message).includes(`filters.${field}`)
          )
            unnamed.push(`${url} → ${response.body.error?.message}`);
          const plain = operator === '' || operator === '[$eq]' || operator === '[$lt]';
          if (plain && value === (FITTING[type] ?? 'x') && response.status === 400)
            refusedFitting.push(`${url} → ${response.body.error?.message}`);
        }
      }
    }
  }
  expect(serverErrors.slice(0, 20)).toEqual([]);
  expect(unnamed.slice(0, 20)).toEqual([]);
  expect(refusedFitting.slice(0, 20)).toEqual([]);
}, 600_000);

test('a NUL byte in a search or a locale is a 400 naming it (PostgreSQL text cannot hold one)', async () => {
  for (const [query, parameter] of [
    ['_q=x%00', '_q'],
    ['locale=zh%00', 'locale'],
  ]) {
    const response = await app.http().get(`/api/articles?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(parameter);
  }
});

test('the content manager’s Status column sorts (Strapi’s virtual status sort of draft-and-publish types)', async () => {
  const token = await app.adminToken(ACCOUNTS.editor);
  const list = (sort: string) =>
    app
      .http()
      .get(
        `/content-manager/collection-types/api::article.article?page=1&pageSize=10&locale=zh-CN&sort=${sort}`,
      )
      .set('Authorization', `Bearer ${token}`);
  for (const sort of ['status:ASC', 'status:DESC']) {
    const response = await list(sort);
    expect(response.status).toBe(200);
    expect(response.body.results.length).toBeGreaterThan(0);
  }
  // Only on the type itself: a relation has no virtual status to sort by.
  expect((await list('category.status:ASC')).status).toBe(400);
});

/**
 * Lists of conditions: at the top of `filters` a list (of lists) means all of them, and reads what
 * the same conditions read plainly; inside `$and`, `$or` and `$not` Strapi passed a list to SQL
 * unread (its field names as bare columns: PostgreSQL's 500, found by the fuzz test on
 * `filters[1][1][channels]`), so there it is a 400 naming where. Every field of every public type.
 */
test('a list of conditions in filters: read as all of them at the top, a 400 naming it inside $and, $or and $not, never a 5xx', async () => {
  const serverErrors: string[] = [];
  const unnamed: string[] = [];
  const differing: string[] = [];
  for (const uid of PUBLIC_UIDS) {
    const { pluralName } = app.strapi.contentType(uid).info;
    const readable = Object.entries(
      app.strapi.contentType(uid).attributes as Record<string, { type: string; private?: boolean }>,
    ).filter(([, attribute]) => !attribute.private);
    const relations = new Set(
      readable.filter(([, { type }]) => type === 'relation').map(([name]) => name),
    );
    const [first] =
      (await app.http().get(`/api/${pluralName}?pagination[pageSize]=1`)).body.data ?? [];
    expect(first).toBeDefined();

    const plain = await app.http().get(`/api/${pluralName}?filters[id]=${first.id}`);
    const listed = await app
      .http()
      .get(`/api/${pluralName}?${encodeURIComponent('filters[1][1][id]')}=${first.id}`);
    const ids = (response: supertest.Response) =>
      (response.body.data ?? []).map(({ documentId }: { documentId: string }) => documentId);
    if (
      listed.status !== 200 ||
      ids(listed).join() !== ids(plain).join() ||
      ids(plain).join() !== first.documentId
    )
      differing.push(`${pluralName}: ${listed.status} ${ids(listed)} / ${ids(plain)}`);

    for (const field of ['id', ...readable.map(([name]) => name)]) {
      // [shape, where a 400 must point; refused: a 400 is the only right answer]
      const shapes: Array<[string, string, boolean]> = [
        [`filters[1][1][${field}]`, 'filters', false],
        [`filters[0][0][0][${field}][$eq]`, 'filters', false],
        [`filters[$or][0][0][${field}]`, 'filters.$or[0]', true],
        [`filters[$and][1][0][${field}]`, 'filters.$and[0]', true],
        [`filters[$not][0][${field}]`, 'filters.$not', true],
      ];
      if (relations.has(field))
        shapes.push([`filters[${field}][$or][0][0][id]`, `filters.${field}.$or[0]`, true]);
      for (const [shape, named, refused] of shapes) {
        const url = `/api/${pluralName}?${encodeURIComponent(shape)}=1`;
        const response = await app.http().get(url);
        if (response.status >= 500) serverErrors.push(`${response.status} ${url}`);
        else if (!(refused ? [400] : [200, 400]).includes(response.status))
          unnamed.push(`${url} → ${response.status}`);
        else if (response.status === 400 && !String(response.body.error?.message).includes(named))
          unnamed.push(`${url} → ${response.body.error?.message}`);
      }
    }
  }
  expect(serverErrors.slice(0, 20)).toEqual([]);
  expect(unnamed.slice(0, 20)).toEqual([]);
  expect(differing).toEqual([]);
}, 600_000);

/**
 * The same rules for the filters of what a read populates (a relation's, a component's, a
 * file's), which the read scope joins with its own: malformed, a 400 naming where; never a 5xx.
 */
test('filters inside populate: a list inside $or or a value the column cannot hold is a 400 naming where, never a 5xx', async () => {
  const serverErrors: string[] = [];
  const unnamed: string[] = [];
  let probed = 0;
  for (const uid of PUBLIC_UIDS) {
    const { pluralName } = app.strapi.contentType(uid).info;
    const populated = Object.entries(
      app.strapi.contentType(uid).attributes as Record<string, { type: string; private?: boolean }>,
    ).filter(
      ([, { type, private: hidden }]) =>
        !hidden && ['relation', 'component', 'media'].includes(type),
    );
    for (const [field] of populated) {
      for (const [shape, refused, named] of [
        [`populate[${field}][filters][0][0][id]`, false, 'populate'],
        [`populate[${field}][filters][$or][0][0][id]`, true, `populate.${field}.filters.$or[0]`],
        [
          `populate[${field}][filters][id][$between]`,
          true,
          `populate.${field}.filters.id.$between`,
        ],
      ] as const) {
        probed += 1;
        const url = `/api/${pluralName}?${encodeURIComponent(shape)}=1`;
        const response = await app.http().get(url);
        if (response.status >= 500) serverErrors.push(`${response.status} ${url}`);
        else if (!(refused ? [400] : [200, 400]).includes(response.status))
          unnamed.push(`${url} → ${response.status}`);
        else if (
          response.status === 400 &&
          field !== 'localizations' &&
          !String(response.body.error?.message).includes(named)
        )
          unnamed.push(`${url} → ${response.body.error?.message}`);
      }
    }
  }
  expect(probed).toBeGreaterThan(30);
  expect(serverErrors.slice(0, 20)).toEqual([]);
  expect(unnamed.slice(0, 20)).toEqual([]);
}, 600_000);
