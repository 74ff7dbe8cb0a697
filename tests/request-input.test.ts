import { PUBLIC_UIDS, UID } from '../src/constants';
import { MAX_LIST_NESTING } from '../src/documents/rich-text-depth';
import { BUILT_IN_PROPERTY_NAMES, DEFAULT_BODY_MAX_DEPTH } from '../src/http/request-input';
import { articleData, contentManagerUrl, documents } from './harness/content';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

// What no request may pass off as a field name or body, generated from the content model: every
// built-in property name in every parameter that names a field, on every public type, the
// content manager and the media library; and bodies nested deeper than any valid save.
const app = bootTestAppForFile();

const NAMES = [...BUILT_IN_PROPERTY_NAMES];

type Attribute = { type: string; target?: string; relation?: string; private?: boolean };
/** A content type's schema by a uid the test holds as text (the media library's included). */
const schemaOf = (uid: string) => {
  const schema = Object.values(app.strapi.contentTypes).find((candidate) => candidate.uid === uid);
  if (!schema) throw new Error(`no content type ${uid}`);
  return schema;
};
const attributesOf = (uid: string): Record<string, Attribute> => schemaOf(uid).attributes;
/** The model's own fields a reader may name (not the private admin relations, createdBy and updatedBy). */
const readable = (uid: string) =>
  Object.entries(attributesOf(uid)).filter(
    ([, attribute]) => attribute.private !== true && !attribute.target?.startsWith('admin::'),
  );
/** Fields a read can populate: relations (but the polymorphic), media, components. */
const populatable = (uid: string) =>
  readable(uid)
    .filter(
      ([, attribute]) =>
        attribute.type === 'media' ||
        attribute.type === 'component' ||
        (attribute.type === 'relation' && !attribute.relation?.startsWith('morph')),
    )
    .map(([name]) => name);
/** Relations whose target has fields to sort by. */
const sortableRelations = (uid: string) =>
  readable(uid)
    .filter(
      ([, attribute]) => attribute.type === 'relation' && !attribute.relation?.startsWith('morph'),
    )
    .map(([name]) => name);

/** Each parameter that names a field of `uid`, with `name` in that place. */
const fieldNameParameters = (uid: string, name: string): string[] => [
  `fields[0]=${name}`,
  `fields=documentId,${name}`,
  `sort=${name}`,
  `sort[0]=${name}:desc`,
  `sort[${name}]=asc`,
  `filters[${name}][$eq]=1`,
  `filters[${name}]=1`,
  `filters[$and][0][${name}][$null]=true`,
  `filters[$or][0][${name}]=1`,
  `filters[$not][${name}]=1`,
  `populate[${name}]=true`,
  ...populatable(uid).flatMap((field) => [
    `populate[${field}][fields][0]=${name}`,
    `populate[${field}][sort]=${name}`,
    `populate[${field}][filters][${name}]=1`,
    `populate[${field}][populate][${name}]=true`,
  ]),
  ...sortableRelations(uid).map((field) => `sort=${field}.${name}`),
];

/** A 400 that names the parameter (its root) and the name, never a 500, and never a 200 with the condition dropped. */
const expectNamed = (
  label: string,
  response: { status: number; body: { error?: { message?: string } } },
  query: string,
) => {
  const root = query.split(/[[=]/)[0];
  expect([label, query, response.status]).toEqual([label, query, 400]);
  expect([label, query, response.body.error?.message]).toEqual([
    label,
    query,
    expect.stringMatching(new RegExp(`${root}[\\s\\S]*|[\\s\\S]*${root}`)),
  ]);
};

const pluralOf = (uid: string) => schemaOf(uid).info.pluralName;

test.each(PUBLIC_UIDS.map((uid) => [uid]))(
  '%s over REST: every built-in property name in every field-name parameter is a 400 naming it',
  async (uid) => {
    for (const name of NAMES) {
      for (const query of fieldNameParameters(uid, name)) {
        const response = await app.http().get(`/api/${pluralOf(uid)}?${query}`);
        expectNamed(`GET /api/${pluralOf(uid)}`, response, query);
        expect(response.body.error?.message).toContain(name);
      }
    }
  },
);

test('the content manager and the media library: the same, as an editor', async () => {
  const editor = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.editor)}` };
  for (const name of NAMES) {
    for (const query of fieldNameParameters(UID.article, name).filter(
      (text) => !text.startsWith('fields'),
    )) {
      expectNamed(
        'content manager',
        await app
          .http()
          .get(contentManagerUrl(UID.article, `?${query}`))
          .set(editor),
        query,
      );
    }
    for (const query of fieldNameParameters('plugin::upload.file', name)) {
      expectNamed(
        'media library',
        await app.http().get(`/upload/files?${query}`).set(editor),
        query,
      );
    }
  }
});

test('GraphQL: a built-in name where the schema takes a field name as text (sort) is refused, not a server error', async () => {
  for (const name of NAMES) {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: `{ articles(sort: "${name}:asc") { title } }` });
    expect([name, response.body.errors?.[0]?.extensions?.code]).toEqual([name, 'BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toMatch(new RegExp(`sort|${name}`));
  }
});

describe('bodies', () => {
  /** Rich text whose lists nest `levels` deep. */
  const nestedLists = (levels: number): unknown => {
    let list: unknown = {
      type: 'list',
      format: 'unordered',
      children: [{ type: 'list-item', children: [{ type: 'text', text: `第 ${levels} 层` }] }],
    };
    for (let level = levels - 1; level > 0; level -= 1) {
      list = {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: `第 ${level} 层` }] },
          list,
        ],
      };
    }
    return [list];
  };
  /** How deep JSON nests (the value itself is 1). */
  const depthOf = (value: unknown): number =>
    value !== null && typeof value === 'object'
      ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
      : 0;
  /** A JSON text `levels` deep, written out: building it as an object would overflow the test's own stack. */
  const deepJson = (field: string, levels: number) =>
    `{"${field}":${'{"a":'.repeat(levels - 1)}1${'}'.repeat(levels - 1)}}`;

  test('the deepest valid save (rich text lists nested as deep as allowed, in a Content API body) sits below BODY_MAX_DEPTH and is stored', async () => {
    const fullAccess = { Authorization: `Bearer ${await app.apiToken('full-access')}` };
    const deepest = {
      data: articleData({ title: '最深的列表', body: nestedLists(MAX_LIST_NESTING) }),
    };
    expect(depthOf(deepest)).toBeLessThan(DEFAULT_BODY_MAX_DEPTH);
    const saved = await app.http().post('/api/articles?status=draft').set(fullAccess).send(deepest);
    expect(saved.status).toBe(201);
    const stored = await app.strapi.db
      .query(UID.article)
      .findOne({ where: { documentId: saved.body.data.documentId } });
    expect(depthOf(stored.body)).toBe(depthOf(deepest.data.body));
    // The content manager saves it too (its body has no `data` around it).
    const editor = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.editor)}` };
    expect(
      (
        await app
          .http()
          .post(contentManagerUrl(UID.article, '?locale=zh-CN'))
          .set(editor)
          .send(articleData({ body: nestedLists(MAX_LIST_NESTING) }))
      ).status,
    ).toBe(201);
  });

  test('one list level more is a 400 naming the field, whatever the path, and nothing is stored', async () => {
    const fullAccess = { Authorization: `Bearer ${await app.apiToken('full-access')}` };
    const editor = { Authorization: `Bearer ${await app.adminToken(ACCOUNTS.editor)}` };
    const before = await app.strapi.db.query(UID.article).count({});
    const tooDeep = nestedLists(MAX_LIST_NESTING + 1);
    for (const response of [
      await app
        .http()
        .post('/api/articles?status=draft')
        .set(fullAccess)
        .send({ data: articleData({ body: tooDeep }) }),
      await app
        .http()
        .post(contentManagerUrl(UID.article, '?locale=zh-CN'))
        .set(editor)
        .send(articleData({ body: tooDeep })),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        new RegExp(`body: lists may be nested at most ${MAX_LIST_NESTING} levels`),
      );
    }
    await expect(
      documents(app.strapi, UID.article).create({ data: articleData({ body: tooDeep }) }),
    ).rejects.toThrow(/nested at most/);
    expect(await app.strapi.db.query(UID.article).count({})).toBe(before);
  });

  test.each([
    ['POST', '/api/auth/local', 'identifier'],
    ['POST', '/api/auth/forgot-password', 'email'],
    ['POST', '/api/auth/reset-password', 'code'],
    ['POST', '/admin/login', 'email'],
    ['POST', '/admin/forgot-password', 'email'],
    ['POST', '/admin/reset-password', 'resetPasswordToken'],
    ['POST', '/api/articles', 'data'],
    ['POST', '/api/participation/receipts/opinion', 'receipt'],
  ])(
    '%s %s: a body one level deeper than BODY_MAX_DEPTH, or thousands, is a 400 that echoes nothing',
    async (method, path, field) => {
      for (const levels of [DEFAULT_BODY_MAX_DEPTH + 1, 5000]) {
        const response = await app
          .http()
          .post(path)
          .set('Content-Type', 'application/json')
          .send(deepJson(field, levels));
        expect([method, path, levels, response.status]).toEqual([method, path, levels, 400]);
        expect(response.body.error.message).toMatch(
          new RegExp(
            `Invalid body\\.${field}(\\.a)*: nested deeper than ${DEFAULT_BODY_MAX_DEPTH} levels`,
          ),
        );
        expect(response.text.length).toBeLessThan(2000);
      }
      // At the limit, the body is read as any other: refused or served on its merits, never for its depth.
      const atLimit = await app
        .http()
        .post(path)
        .set('Content-Type', 'application/json')
        .send(deepJson(field, DEFAULT_BODY_MAX_DEPTH));
      expect(atLimit.status).toBeLessThan(500);
      expect(atLimit.text).not.toMatch(/BODY_MAX_DEPTH/);
    },
  );

  test('a key that is a built-in property name is a 400 naming where, in JSON and in a form’s JSON field', async () => {
    for (const name of NAMES) {
      const json = await app
        .http()
        .post('/api/auth/local')
        .set('Content-Type', 'application/json')
        .send(`{"identifier":"x","password":"y","${name}":{"polluted":true}}`);
      // (The JSON parser itself refuses __proto__, saying so.)
      expect([name, json.status, json.body.error?.message]).toEqual([
        name,
        400,
        expect.stringMatching(
          name === '__proto__' ? /forbidden prototype property/ : new RegExp(`body\\.${name}`),
        ),
      ]);
    }
    const fullAccess = { Authorization: `Bearer ${await app.apiToken('full-access')}` };
    const form = await app
      .http()
      .post('/api/articles')
      .set(fullAccess)
      .field('data', '{"title":"x","__proto__":{"admin":true}}');
    expect([form.status, form.body.error?.message]).toEqual([
      400,
      expect.stringContaining('body.data.__proto__'),
    ]);
  });

  test('an error answer never quotes the body it refused', async () => {
    const secret = 'quoted-back-'.repeat(100);
    for (const [path, body] of [
      ['/api/auth/local', { identifier: { secret }, password: 'x' }],
      ['/api/auth/reset-password', { code: [secret], password: 'x', passwordConfirmation: 'x' }],
      ['/admin/login', { email: { secret }, password: 'x' }],
      ['/api/auth/forgot-password', { email: [secret] }],
    ] as const) {
      const response = await app.http().post(path).send(body);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.text).not.toContain('quoted-back');
    }
  });
});
