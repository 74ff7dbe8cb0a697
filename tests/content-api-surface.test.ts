import { PUBLIC_UIDS } from '../src/constants';
import { SIGN_IN_ROUTES } from '../src/access/public-model';
import { bootTestAppForFile } from './harness/strapi';

// The Content API holds the project's public model and nothing else (src/access/public-model.ts),
// proven over every content type Strapi registers: Strapi's own (review workflows, releases,
// history, admin, users and roles, locales, the media library) and the project's editorial and
// participation data have no REST route, no GraphQL query and no GraphQL mutation, for any token.
const app = bootTestAppForFile({ SEED_DEMO_PARTICIPATION: 'true' });

type Naming = Record<string, (model: unknown) => string>;
const naming = (): Naming => app.strapi.plugin('graphql').service('utils').naming;
/** The GraphQL names shadow CRUD gives a content type: its type, and its queries and mutations. */
const graphqlNamesOf = (uid: string) => {
  const model = Object.values(app.strapi.contentTypes).find((schema) => schema.uid === uid);
  const names = naming();
  return {
    type: names.getTypeName(model),
    queries: [
      names.getFindQueryName(model),
      names.getFindOneQueryName(model),
      names.getFindConnectionQueryName(model),
    ],
    mutations: [
      names.getCreateMutationTypeName(model),
      names.getUpdateMutationTypeName(model),
      names.getDeleteMutationTypeName(model),
    ],
  };
};

const contentTypes = () => Object.values(app.strapi.contentTypes);
const outsideTheModel = () =>
  contentTypes().filter((schema) => !(PUBLIC_UIDS as readonly string[]).includes(schema.uid));

type RootField = { name: string; type: TypeRef };
type TypeRef = { name: string | null; ofType: TypeRef | null };
const namedType = (type: TypeRef): string => type.name ?? namedType(type.ofType!);

const rootFields = async (headers: Record<string, string>) => {
  const response = await app.http().post('/graphql').set(headers).send({
    query:
      '{ __schema { queryType { fields { name type { name ofType { name ofType { name ofType { name } } } } } } mutationType { fields { name type { name ofType { name ofType { name } } } } } types { name } } }',
  });
  const schema = response.body.data.__schema as {
    queryType: { fields: RootField[] };
    mutationType: { fields: RootField[] };
    types: Array<{ name: string }>;
  };
  return {
    query: schema.queryType.fields,
    mutation: schema.mutationType.fields,
    types: schema.types.map((type) => type.name),
  };
};

const readers = async (): Promise<Array<{ who: string; headers: Record<string, string> }>> => [
  { who: 'Public', headers: {} },
  {
    who: 'read-only token',
    headers: { Authorization: `Bearer ${await app.apiToken('read-only')}` },
  },
  {
    who: 'full-access token',
    headers: { Authorization: `Bearer ${await app.apiToken('full-access')}` },
  },
];

test('the content model has types outside the public model to prove this over', () => {
  const uids = outsideTheModel().map((schema) => schema.uid);
  expect(uids).toEqual(
    expect.arrayContaining([
      'plugin::review-workflows.workflow',
      'plugin::content-releases.release',
      'admin::user',
      'plugin::users-permissions.user',
      'plugin::upload.file',
      'api::participation.opinion',
      'api::workflow.audit-entry',
    ]),
  );
});

test('GraphQL’s root fields are exactly the public types’ queries and mutations, for every reader', async () => {
  const expected = PUBLIC_UIDS.map(graphqlNamesOf);
  for (const { who, headers } of await readers()) {
    const { query, mutation } = await rootFields(headers);
    expect([who, query.map((field) => field.name).sort()]).toEqual([
      who,
      expected.flatMap((names) => names.queries).sort(),
    ]);
    expect([who, mutation.map((field) => field.name).sort()]).toEqual([
      who,
      expected.flatMap((names) => names.mutations).sort(),
    ]);
  }
});

describe('types outside the public model', () => {
  test('have no GraphQL query or mutation, and their types are gone but for UploadFile, the type of media fields', async () => {
    const full = (await readers())[2];
    const { query, mutation, types } = await rootFields(full.headers);
    const returned = new Set([...query, ...mutation].map((field) => namedType(field.type)));
    for (const schema of outsideTheModel()) {
      const names = graphqlNamesOf(schema.uid);
      for (const name of [...names.queries, ...names.mutations]) {
        expect([schema.uid, [...query, ...mutation].some((field) => field.name === name)]).toEqual([
          schema.uid,
          false,
        ]);
      }
      expect([
        schema.uid,
        [...returned].filter(
          (type) =>
            type === names.type ||
            type.startsWith(`${names.type}Entity`) ||
            type.startsWith(`${names.type}Relation`),
        ),
      ]).toEqual([schema.uid, []]);
      expect([schema.uid, types.includes(names.type)]).toEqual([
        schema.uid,
        schema.uid === 'plugin::upload.file',
      ]);
    }
  });

  test('asking for them anyway is GraphQL’s own 400, and writes nothing', async () => {
    const full = (await readers())[2];
    const workflows = () => app.strapi.db.query('plugin::review-workflows.workflow').count();
    const before = await workflows();
    for (const schema of outsideTheModel()) {
      const names = graphqlNamesOf(schema.uid);
      const asked = [
        `{ ${names.queries[0]} { __typename } }`,
        `mutation { ${names.mutations[0]}(data: {}) { __typename } }`,
      ];
      for (const text of asked) {
        const response = await app.http().post('/graphql').set(full.headers).send({ query: text });
        expect([schema.uid, text, response.status]).toEqual([schema.uid, text, 400]);
        expect(response.body.errors[0].message).toMatch(/Cannot query field/);
      }
    }
    const created = await app.http().post('/graphql').set(full.headers).send({
      query: 'mutation { createReviewWorkflowsWorkflow(data: { name: "x" }) { documentId } }',
    });
    expect(created.status).toBe(400);
    expect(await workflows()).toBe(before);
  });

  test('have no REST route: every Content API route is a public type’s, the project’s own, or a sign-in route', async () => {
    // Plugins' Content API routers hold users-permissions' sign-in routes and nothing else.
    for (const [name, plugin] of Object.entries(app.strapi.plugins)) {
      if (Array.isArray(plugin.routes) || !plugin.routes['content-api']) continue;
      const routes = plugin.routes['content-api'].routes.map((route) => [route.method, route.path]);
      expect([name, routes]).toEqual([
        name,
        name === 'users-permissions' ? SIGN_IN_ROUTES.map(([method, path]) => [method, path]) : [],
      ]);
    }
    // Every path the server answers under /api is a route of the project's own APIs (src/api) or one of those.
    const ownPaths = new Set(
      Object.values(app.strapi.apis).flatMap((api) =>
        Object.values(api.routes ?? {})
          .flatMap((router) => (router as { routes?: Array<{ path: string }> }).routes ?? [])
          .map((route) => `/api${route.path}`),
      ),
    );
    const signIn = new Set(SIGN_IN_ROUTES.map(([, path]) => `/api${path}`));
    const served = [
      ...new Set(
        app.strapi.server
          .listRoutes()
          .map((route) => route.path)
          .filter((path) => path.startsWith('/api/')),
      ),
    ];
    expect(served.filter((path) => !ownPaths.has(path) && !signIn.has(path))).toEqual([]);
    // And the project's own content routes are those of the public types.
    const typeRoutes = served.filter(
      (path) => !/^\/api\/(participation|screen|feeds|sitemap|sitemaps|auth)\b/.test(path),
    );
    const publicPlurals = PUBLIC_UIDS.map((uid) => app.strapi.getModel(uid).info.pluralName);
    expect(
      typeRoutes.filter(
        (path) =>
          !publicPlurals.some(
            (plural) => path === `/api/${plural}` || path === `/api/${plural}/:id`,
          ),
      ),
    ).toEqual([]);
  });

  test('their REST paths answer nothing, to any token', async () => {
    for (const { who, headers } of await readers()) {
      for (const schema of outsideTheModel()) {
        const plural = schema.info.pluralName;
        const plugin = schema.uid.startsWith('plugin::')
          ? schema.uid.slice('plugin::'.length).split('.')[0]
          : null;
        for (const path of [
          `/api/${plural}`,
          `/api/${plural}/1`,
          ...(plugin ? [`/api/${plugin}/${plural}`, `/api/${plugin}/${plural}/1`] : []),
        ]) {
          const response = await app.http().get(path).set(headers);
          expect([who, path, response.status]).toEqual([who, path, 404]);
        }
      }
      for (const path of [
        '/api/upload/files',
        '/api/users/me',
        '/api/users-permissions/roles',
        '/api/i18n/locales',
        '/api/content-type-builder/content-types',
      ]) {
        expect([who, path, (await app.http().get(path).set(headers)).status]).toEqual([
          who,
          path,
          404,
        ]);
      }
      expect([404, 405]).toContain(
        (
          await app
            .http()
            .post('/api/email')
            .set(headers)
            .send({ to: 'x@example.com', subject: 'x', text: 'x' })
        ).status,
      );
    }
  });
});
