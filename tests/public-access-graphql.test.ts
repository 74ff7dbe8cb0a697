import { UID } from '../src/constants';
import { bootTestAppForFile } from './harness/strapi';
import { createReleased } from './harness/content';
import {
  buildHiddenVersions,
  DRAFT_ONLY,
  WECHAT_ONLY,
  type HiddenVersions,
  type Reader,
} from './harness/public-access';

const app = bootTestAppForFile();
let hidden: HiddenVersions;
let readOnlyToken: string;

beforeAll(async () => {
  hidden = await buildHiddenVersions(app);
  readOnlyToken = await app.apiToken('read-only');
});

const readers: Reader[] = [
  { who: 'Public', auth: () => ({}) },
  { who: 'read-only API token', auth: () => ({ Authorization: `Bearer ${readOnlyToken}` }) },
];

const graphql = async (reader: Reader, query: string, variables: Record<string, unknown> = {}) => {
  const response = await app.http().post('/graphql').set(reader.auth()).send({ query, variables });
  expect(response.status).toBeLessThan(500);
  return response;
};

describe.each(readers)('$who reading over GraphQL', (reader) => {
  test('lists the published website articles', async () => {
    const response = await graphql(
      reader,
      '{ articles(locale: "zh-CN", pagination: { limit: 100 }) { slug publishedAt } }',
    );
    expect(response.body.errors).toBeUndefined();
    const slugs = response.body.data.articles.map((article: { slug: string }) => article.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['bullet-train-brand-launched', 'edited-after-publish']),
    );
    expect(slugs).not.toContain(DRAFT_ONLY);
    expect(slugs).not.toContain(WECHAT_ONLY);
    for (const article of response.body.data.articles) expect(article.publishedAt).toBeTruthy();
  });

  test.each([
    ['status: DRAFT', '{ articles(status: DRAFT, pagination: { limit: 100 }) { slug title } }'],
    [
      'status: DRAFT with a filter',
      `{ articles(status: DRAFT, filters: { slug: { eq: "${DRAFT_ONLY}" } }) { slug title } }`,
    ],
    [
      'publishedAt null',
      '{ articles(status: DRAFT, filters: { publishedAt: { null: true } }) { slug title } }',
    ],
    [
      'connection with status: DRAFT',
      '{ articles_connection(status: DRAFT, pagination: { limit: 100 }) { nodes { slug title } pageInfo { total } } }',
    ],
    [
      'channel filter widened',
      '{ articles(filters: { or: [{ channels: { website: { eq: false } } }, { slug: { eq: "my-view-of-four-firsts" } }] }) { slug } }',
    ],
  ])('never sees a draft or an off-channel item: %s', async (_name, query) => {
    const response = await graphql(reader, query);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(DRAFT_ONLY);
    expect(text).not.toContain(WECHAT_ONLY);
    expect(text).not.toContain('未发布的修改');
  });

  test('gets null for a draft-only or off-channel document, and the published version of an edited one', async () => {
    for (const documentId of [hidden.draftOnlyId, hidden.wechatOnlyId]) {
      const response = await graphql(
        reader,
        'query ($id: ID!) { article(documentId: $id, status: DRAFT) { slug } }',
        { id: documentId },
      );
      expect(response.body.data?.article ?? null).toBeNull();
    }
    const edited = await graphql(
      reader,
      'query ($id: ID!) { article(documentId: $id, status: DRAFT) { title } }',
      { id: hidden.editedArticleId },
    );
    expect(edited.body.data.article.title).toBe('已发布的标题');
  });

  test('never reaches a draft brand through a relation', async () => {
    const response = await graphql(
      reader,
      'query ($id: ID!) { article(documentId: $id) { slug brand { name } } }',
      { id: hidden.linkedToDraftBrandId },
    );
    expect(response.body.data.article.slug).toBe('linked-to-draft-brand');
    expect(response.body.data.article.brand).toBeNull();
    const brands = await graphql(reader, '{ brands(status: DRAFT) { name } }');
    expect(JSON.stringify(brands.body)).not.toContain('未发布品牌');
  });

  test('cannot query user accounts', async () => {
    for (const query of [
      '{ usersPermissionsUsers { documentId email } }',
      '{ usersPermissionsUsers_connection { nodes { email } } }',
      '{ usersPermissionsRoles { name } }',
    ]) {
      const response = await graphql(reader, query);
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/@example\.com/);
    }
  });
});

describe('API tokens and accounts over GraphQL', () => {
  test('even a full-access token cannot create, change or delete users or roles', async () => {
    const accessKey = await app.apiToken('full-access');
    const fullAccess: Reader = {
      who: 'full-access token',
      auth: () => ({ Authorization: `Bearer ${accessKey}` }),
    };
    const users = () => app.strapi.db.query('plugin::users-permissions.user').count();
    const roles = () => app.strapi.db.query('plugin::users-permissions.role').count();
    const before = { users: await users(), roles: await roles() };
    const publicRole = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });

    for (const mutation of [
      'mutation { createUsersPermissionsUser(data: { username: "intruder", email: "intruder@example.net", password: "Intruder-Pass1" }) { data { documentId } } }',
      'mutation { createUsersPermissionsRole(data: { name: "Intruders", description: "x" }) { ok } }',
      `mutation { updateUsersPermissionsRole(id: "${publicRole.id}", data: { name: "Renamed" }) { ok } }`,
      `mutation { deleteUsersPermissionsRole(id: "${publicRole.id}") { ok } }`,
      'mutation { updateUsersPermissionsUser(id: "1", data: { blocked: true }) { data { documentId } } }',
      'mutation { deleteUsersPermissionsUser(id: "1") { data { documentId } } }',
    ]) {
      // The schema has no such mutation at all (access/public-model.ts): GraphQL's own 400.
      const response = await graphql(fullAccess, mutation);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field/);
    }
    expect({ users: await users(), roles: await roles() }).toEqual(before);
    expect(
      (
        await app.strapi.db
          .query('plugin::users-permissions.role')
          .findOne({ where: { id: publicRole.id } })
      ).name,
    ).toBe(publicRole.name);
  });
});

describe('GraphQL limits', () => {
  const reader = readers[0];

  test('rejects a query nested deeper than the depth limit', async () => {
    const deep =
      '{ organizations { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } }';
    const response = await graphql(reader, deep);
    expect(response.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
    const shallow = await graphql(reader, '{ organizations { name parent { name } } }');
    expect(shallow.body.errors).toBeUndefined();
  });

  test('refuses, with a 400 before running it, a query of too many aliases, fields or rows', async () => {
    const aliases = Array.from(
      { length: 500 },
      (_, index) => `a${index}: articles(pagination: { limit: 100 }) { ...full }`,
    ).join(' ');
    const flood = await app
      .http()
      .post('/graphql')
      .send({
        query: `{ ${aliases} } fragment full on Article { title body brand { name story } }`,
      });
    expect(flood.status).toBe(400);
    expect(flood.body.errors[0].message).toMatch(/more that 2000 tokens/);
    const sixteen = Array.from({ length: 16 }, (_, index) => `a${index}: articles { title }`).join(
      ' ',
    );
    const aliased = await app
      .http()
      .post('/graphql')
      .send({ query: `{ ${sixteen} }` });
    expect(aliased.status).toBe(400);
    expect(aliased.body.errors[0].message).toMatch(/Aliases limit of 15 exceeded/);

    const nested =
      '{ articles(pagination: { limit: 100 }) { title tags(pagination: { limit: 100 }) { name } localizations(pagination: { limit: 100 }) { title tags(pagination: { limit: 100 }) { name } } } }';
    const rows = await app.http().post('/graphql').send({ query: nested });
    expect(rows.status).toBe(400);
    expect(rows.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/rows; the limit is 5000/),
      extensions: { code: 'GRAPHQL_QUERY_TOO_COSTLY' },
    });

    // The same shape with page sizes from variables is estimated with their values.
    const query =
      'query ($n: Int) { articles(pagination: { limit: $n }) { title tags(pagination: { limit: $n }) { name } localizations(pagination: { limit: $n }) { title } } }';
    expect(
      (
        await app
          .http()
          .post('/graphql')
          .send({ query, variables: { n: 100 } })
      ).status,
    ).toBe(400);
    // limit: -1 means "as many as allowed" (100): it is counted so.
    expect(
      (
        await app
          .http()
          .post('/graphql')
          .send({ query, variables: { n: -1 } })
      ).status,
    ).toBe(400);
    const small = await app
      .http()
      .post('/graphql')
      .send({ query, variables: { n: 10 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.articles.length).toBeGreaterThan(0);
  });

  test('a fragment cycle is GraphQL’s own 400: the other rules run only on documents its standard validation accepts', async () => {
    for (const query of [
      'fragment F on Article { title ...F } { articles { ...F } }',
      'fragment A on Article { title ...B } fragment B on Article { slug ...A } { articles { ...A } }',
      'fragment O on Organization { name parent { ...O } } { organizations { ...O } }',
    ]) {
      const response = await app.http().post('/graphql').send({ query });
      expect([query, response.status, response.body.errors?.[0]?.extensions?.code]).toEqual([
        query,
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ]);
      expect(response.body.errors[0].message).toMatch(/Cannot spread fragment/);
    }
  });

  test('variables that do not fit their types are a 400 that does not quote them; too deep, a 400 before anything reads them', async () => {
    const secret = 'quoted-back-'.repeat(50);
    for (const [query, variables] of [
      ['query ($n: Int) { articles(pagination: { limit: $n }) { title } }', { n: secret }],
      ['query ($id: ID!) { article(documentId: $id) { title } }', { id: { secret } }],
      [
        'query ($f: ArticleFiltersInput) { articles(filters: $f) { title } }',
        { f: { title: { eq: [secret] } } },
      ],
    ] as const) {
      const response = await app.http().post('/graphql').send({ query, variables });
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.text).not.toContain('quoted-back');
    }
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const tooDeep = await app
      .http()
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send(`{"query":"{ articles { title } }","variables":{"deep":${deep}}}`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.text).toMatch(/nested deeper than 64 levels/);
  });

  test('returns 25 items by default and never more than 100', async () => {
    for (let index = 0; index < 105; index += 1) {
      await createReleased(app.strapi, UID.tag, {
        name: `标签${index}`,
        slug: `bulk-tag-${index}`,
      });
    }
    const byDefault = await graphql(reader, '{ tags { slug } }');
    expect(byDefault.body.data.tags).toHaveLength(25);
    const tooMany = await graphql(reader, '{ tags(pagination: { limit: 1000 }) { slug } }');
    expect(tooMany.body.data.tags).toHaveLength(100);
  });

  test('serves the English brand profile with locale: "en"', async () => {
    const response = await graphql(
      reader,
      '{ brands(locale: "en") { name locale pillars { title } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.brands).toHaveLength(1);
    expect(response.body.data.brands[0].locale).toBe('en');
    expect(response.body.data.brands[0].pillars).toHaveLength(3);
    const chinese = await graphql(reader, '{ brands { name locale } }');
    expect(chinese.body.data.brands[0]).toMatchObject({ name: '党建动车组', locale: 'zh-CN' });
  });
});
