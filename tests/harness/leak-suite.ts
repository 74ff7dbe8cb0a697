import type { Core, Struct, UID } from '@strapi/strapi';
import { PUBLIC_UIDS } from '../../src/constants';
import { componentSchema, contentTypeSchema } from '../../src/read-scope/content-model';
import { MEDIA_UID } from '../../src/read-scope/populate-scope';
import {
  buildLeakWorld,
  FIXTURES,
  publicMark,
  SECRET,
  type AddedType,
  type LeakWorld,
} from './leak-world';
import type { TestApp } from './strapi';

const MAX_DEPTH = 4;

type Attribute = {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  components?: string[];
  private?: boolean;
};
type Schema = { attributes: Record<string, Attribute> };
type Reader = { who: string; headers: () => Record<string, string> };
const known = <T>(schema: T | undefined, uid: string): T => {
  if (!schema) throw new Error(`No schema for ${uid}`);
  return schema;
};

/** Where a field leads: the schema behind it, or null where a walk stops (a morph reaches any type). */
const targetOf = (
  strapi: Core.Strapi,
  attribute: Attribute,
): { key: string; schema: Schema } | null => {
  if (attribute.type === 'media')
    return { key: MEDIA_UID, schema: known(contentTypeSchema(strapi, MEDIA_UID), MEDIA_UID) };
  if (attribute.type === 'relation' && attribute.target)
    return {
      key: attribute.target,
      schema: known(contentTypeSchema(strapi, attribute.target), attribute.target),
    };
  if (attribute.type === 'component' && attribute.component)
    return {
      key: attribute.component,
      schema: known(componentSchema(strapi, attribute.component), attribute.component),
    };
  return null;
};

const schemaOf = (strapi: Core.Strapi, uid: string): Struct.ContentTypeSchema =>
  strapi.contentType(uid as UID.ContentType);

type RestProbe = { root: string; path: string[]; pair: string };
type WalkNode = { root: string; key: string; schema: Schema; path: string[] };

/** Breadth-first over the content model: the shortest path from a public type to each reachable (type, field) pair. */
const restProbes = (strapi: Core.Strapi, publicUids: readonly string[]): RestProbe[] => {
  const probes: RestProbe[] = [];
  const seen = new Set<string>();
  const queue: WalkNode[] = publicUids.map((uid) => ({
    root: uid,
    key: uid,
    schema: schemaOf(strapi, uid),
    path: [],
  }));
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const [name, attribute] of Object.entries(node.schema.attributes)) {
      if (!['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) continue;
      // Private fields (admin authors, the file's folder) are refused by Strapi's own validation.
      if (attribute.private === true || ['createdBy', 'updatedBy'].includes(name)) continue;
      const pair = `${node.key}.${name}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const path = [...node.path, name];
      probes.push({ root: node.root, path, pair });
      const target = targetOf(strapi, attribute);
      if (target && path.length < MAX_DEPTH)
        queue.push({ root: node.root, key: target.key, schema: target.schema, path });
    }
  }
  return probes;
};

const populateQuery = (path: string[]) =>
  `${path.map((field, index) => (index === 0 ? `populate[${field}]` : `[populate][${field}]`)).join('')}=true`;

const pluralOf = (strapi: Core.Strapi, uid: string) => schemaOf(strapi, uid).info.pluralName;
/** The GraphQL query of a type's list: its plural name in camel case (`photo-stories` → `photoStories`). */
const graphqlPluralOf = (strapi: Core.Strapi, uid: string) =>
  pluralOf(strapi, uid).replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());

/**
 * The read scope's proof, generated from the content model: every (type, field) pair a public
 * reader can reach from a public type, up to depth 4 — relations, media, `localizations`, a
 * file's `related`, components — is probed over REST and GraphQL, as Public and with a
 * read-only token, with a draft, an off-channel item and an off-channel translation behind it.
 * Each probe must answer 200 with the published item and none of the secrets. A new type or
 * field is covered without a line written here; a type a test registers (`added`, with its
 * fixture) is probed with the built-in ones.
 */
export const describeReadScopeLeaks = (app: TestApp, added: readonly AddedType[] = []): void => {
  const publicUids: readonly string[] = [
    ...new Set<string>([...PUBLIC_UIDS, ...added.map(({ uid }) => uid)]),
  ];
  const fixtures: Record<string, unknown> = {
    ...FIXTURES,
    ...Object.fromEntries(added.map(({ uid, fixture }) => [uid, fixture])),
  };
  let world: LeakWorld;
  let readOnlyToken: string;
  const readers: Reader[] = [
    { who: 'Public', headers: () => ({}) },
    { who: 'read-only token', headers: () => ({ Authorization: `Bearer ${readOnlyToken}` }) },
  ];

  beforeAll(async () => {
    world = await buildLeakWorld(app, added);
    readOnlyToken = await app.apiToken('read-only');
  });

  test('every public type has a fixture in the leak world', () => {
    expect(publicUids.filter((uid) => !(uid in fixtures))).toEqual([]);
  });

  describe.each(readers)('REST as $who', (reader) => {
    test('every reachable (type, field) pair shows the published item and no hidden version', async () => {
      const probes = restProbes(app.strapi, publicUids);
      // The walk reaches the doors that leaked: a file's `related`, and other locales.
      expect(probes.map((probe) => probe.pair)).toEqual(
        expect.arrayContaining([
          'plugin::upload.file.related',
          'api::article.article.localizations',
          'shared.seo.shareImage',
        ]),
      );
      // An added type is walked from its own items.
      expect(
        added
          .filter(({ uid }) => !probes.some((probe) => probe.root === uid))
          .map(({ uid }) => uid),
      ).toEqual([]);
      const failures: string[] = [];
      for (const probe of probes) {
        const url = `/api/${pluralOf(app.strapi, probe.root)}?locale=zh-CN&filters[documentId][$eq]=${world.published[probe.root]}&${populateQuery(probe.path)}`;
        const response = await app.http().get(url).set(reader.headers());
        const text = JSON.stringify(response.body);
        if (response.status !== 200)
          failures.push(`${probe.pair} via ${url}: ${response.status} ${text.slice(0, 200)}`);
        else if (!text.includes(publicMark(probe.root)))
          failures.push(`${probe.pair} via ${url}: the published item is missing`);
        else if (text.includes(SECRET))
          failures.push(
            `${probe.pair} via ${url}: leaks ${text.slice(text.indexOf(SECRET) - 80, text.indexOf(SECRET) + 40)}`,
          );
      }
      expect(failures).toEqual([]);
    });

    test('the single-item route holds too', async () => {
      for (const probe of restProbes(app.strapi, publicUids).filter(
        (candidate) => candidate.path.length <= 2,
      )) {
        const response = await app
          .http()
          .get(
            `/api/${pluralOf(app.strapi, probe.root)}/${world.published[probe.root]}?locale=zh-CN&${populateQuery(probe.path)}`,
          )
          .set(reader.headers());
        expect([probe.pair, response.status]).toEqual([probe.pair, 200]);
        expect(JSON.stringify(response.body)).not.toContain(SECRET);
      }
    });

    // Strapi puts the Document Service's own conditions (published, the locale) under the reader's
    // filters, key by key: a filter on the same field would replace them.
    test('no filter on publishedAt or locale widens a list to drafts or off-channel versions, on any type', async () => {
      const failures: string[] = [];
      for (const uid of publicUids) {
        for (const query of [
          'filters[publishedAt][$null]=true',
          'filters[publishedAt][$notNull]=false',
          'filters[publishedAt][$lt]=2999-01-01&filters[locale][$in][0]=zh-CN&filters[locale][$in][1]=en',
          'locale=zh-CN&filters[locale][$ne]=zh-CN',
        ]) {
          const url = `/api/${pluralOf(app.strapi, uid)}?${query}&pagination[pageSize]=100`;
          const response = await app.http().get(url).set(reader.headers());
          const text = JSON.stringify(response.body);
          if (response.status !== 200 && response.status !== 400)
            failures.push(`${url}: ${response.status}`);
          else if (text.includes(SECRET))
            failures.push(
              `${url}: leaks ${text.slice(text.indexOf(SECRET) - 80, text.indexOf(SECRET) + 40)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });

    test('no filter or sort, at the top or inside a populate, reaches through another locale or a file back to its documents', async () => {
      for (const query of [
        'filters[localizations][title][$startsWith]=LEAK',
        'filters[cover][related][title][$startsWith]=LEAK',
        'populate[brand][filters][localizations][name][$startsWith]=LEAK',
        'populate[localizations][filters][localizations][title][$startsWith]=LEAK',
        'sort=localizations.title:asc',
        'sort[0]=title&sort[1]=localizations.updatedAt:desc',
        'populate[brand][sort]=localizations.name',
      ]) {
        const response = await app.http().get(`/api/articles?${query}`).set(reader.headers());
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.body.error.message).toMatch(
          /(filters|sort|populate)\[.*localizations\]|Invalid key related/,
        );
      }
    });

    test('the media library is not listed: it has no Content API route, for any token', async () => {
      const integration = { Authorization: `Bearer ${await app.apiToken('full-access')}` };
      for (const headers of [reader.headers(), integration]) {
        for (const path of [
          '/api/upload/files?populate=related',
          `/api/upload/files/${world.file.id}?populate=related`,
          '/api/upload/files',
        ]) {
          const response = await app.http().get(path).set(headers);
          expect([path, response.status]).toEqual([path, 404]);
          expect(JSON.stringify(response.body)).not.toContain(SECRET);
        }
      }
    });
  });

  type GqlType = {
    kind: string;
    name: string;
    fields: GqlField[] | null;
    possibleTypes: Array<{ name: string }> | null;
  };
  type GqlField = {
    name: string;
    args: Array<{ name: string; type: GqlTypeRef }>;
    type: GqlTypeRef;
  };
  type GqlTypeRef = { kind: string; name: string | null; ofType: GqlTypeRef | null };

  const named = (ref: GqlTypeRef): GqlTypeRef => (ref.ofType ? named(ref.ofType) : ref);
  const INTROSPECTION =
    '{ __schema { types { kind name possibleTypes { name } fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }';

  describe.each(readers)('GraphQL as $who', (reader) => {
    test('every reachable (type, field) pair shows the published item and no hidden version', async () => {
      const schema = await app
        .http()
        .post('/graphql')
        .set(reader.headers())
        .send({ query: INTROSPECTION });
      const types = new Map<string, GqlType>(
        (schema.body.data.__schema.types as GqlType[]).map((type) => [type.name, type]),
      );
      const scalars = (type: GqlType) =>
        (type.fields ?? [])
          .filter(
            (field) =>
              ['SCALAR', 'ENUM'].includes(named(field.type).kind) &&
              !field.args.some((arg) => arg.type.kind === 'NON_NULL'),
          )
          .map((field) => field.name);
      const selection = (typeName: string, inner = ''): string => {
        const type = types.get(typeName)!;
        if (type.kind === 'UNION')
          return `{ __typename ${(type.possibleTypes ?? []).map((possible) => `... on ${possible.name} { ${scalars(types.get(possible.name)!).join(' ')} }`).join(' ')} }`;
        return `{ __typename ${scalars(type).join(' ')} ${inner} }`;
      };
      const argsOf = (field: GqlField, extra: string[] = []) => {
        const args = [
          ...extra,
          ...(field.args.some((arg) => arg.name === 'pagination')
            ? ['pagination: { limit: 5 }']
            : []),
        ];
        return args.length > 0 ? `(${args.join(', ')})` : '';
      };

      const query = types.get('Query')!;
      const roots = publicUids.map((uid) => ({
        uid,
        field: query.fields!.find((field) => field.name === graphqlPluralOf(app.strapi, uid))!,
      }));
      type Node = { root: (typeof roots)[number]; typeName: string; path: GqlField[] };
      const queue: Node[] = roots.map((root) => ({
        root,
        typeName: named(root.field.type).name!,
        path: [],
      }));
      const seen = new Set<string>();
      const probes: Array<{ root: (typeof roots)[number]; path: GqlField[]; pair: string }> = [];
      while (queue.length > 0) {
        const node = queue.shift()!;
        const type = types.get(node.typeName)!;
        for (const field of type.fields ?? []) {
          const target = named(field.type);
          if (!['OBJECT', 'UNION'].includes(target.kind) || target.name!.startsWith('__')) continue;
          const pair = `${node.typeName}.${field.name}`;
          if (seen.has(pair)) continue;
          seen.add(pair);
          const path = [...node.path, field];
          probes.push({ root: node.root, path, pair });
          if (target.kind === 'OBJECT' && path.length < MAX_DEPTH)
            queue.push({ root: node.root, typeName: target.name!, path });
        }
      }
      expect(probes.map((probe) => probe.pair)).toEqual(
        expect.arrayContaining([
          'Article.localizations',
          'Article.cover',
          'ComponentSharedSeo.shareImage',
        ]),
      );

      const failures: string[] = [];
      for (const probe of probes) {
        let body = '';
        for (const field of [...probe.path].reverse())
          body = `${field.name}${argsOf(field)} ${selection(named(field.type).name!, body)}`;
        const rootArgs = [
          `filters: { documentId: { eq: "${world.published[probe.root.uid]}" } }`,
          ...(probe.root.field.args.some((arg) => arg.name === 'locale')
            ? ['locale: "zh-CN"']
            : []),
        ];
        const text = `{ ${probe.root.field.name}${argsOf(probe.root.field, rootArgs)} ${selection(named(probe.root.field.type).name!, body)} }`;
        const response = await app
          .http()
          .post('/graphql')
          .set(reader.headers())
          .send({ query: text });
        const answer = JSON.stringify(response.body);
        if (response.status !== 200 || response.body.errors)
          failures.push(`${probe.pair}: ${response.status} ${answer.slice(0, 300)} for ${text}`);
        else if (!answer.includes(publicMark(probe.root.uid)))
          failures.push(`${probe.pair}: the published item is missing in ${answer.slice(0, 200)}`);
        else if (answer.includes(SECRET))
          failures.push(
            `${probe.pair}: leaks ${answer.slice(answer.indexOf(SECRET) - 80, answer.indexOf(SECRET) + 40)}`,
          );
      }
      expect(failures).toEqual([]);
    });

    test('no selecting on "has unpublished changes": those arguments are ignored', async () => {
      const plain = await app
        .http()
        .post('/graphql')
        .set(reader.headers())
        .send({ query: '{ articles(pagination: { limit: 100 }) { documentId } }' });
      const selected = await app.http().post('/graphql').set(reader.headers()).send({
        query:
          '{ articles(hasPublishedVersion: false, pagination: { limit: 100 }) { documentId } }',
      });
      expect(plain.body.data.articles.length).toBeGreaterThan(0);
      expect(selected.body).toEqual(plain.body);
    });

    test('no sort reaches through another locale', async () => {
      for (const text of [
        '{ articles(sort: "localizations.title:asc") { title } }',
        '{ articles { localizations(sort: "localizations.title") { title } } }',
      ]) {
        const response = await app
          .http()
          .post('/graphql')
          .set(reader.headers())
          .send({ query: text });
        expect([text, response.body.errors?.[0]?.message]).toEqual([
          text,
          expect.stringMatching(/localizations.* is not allowed/),
        ]);
      }
    });

    test('no media library queries and no way from a file back to its documents', async () => {
      for (const text of [
        '{ uploadFiles { documentId name related { __typename } } }',
        '{ articles { cover { related { __typename } } } }',
      ]) {
        const response = await app
          .http()
          .post('/graphql')
          .set(reader.headers())
          .send({ query: text });
        expect(response.body.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(response.body)).not.toContain(SECRET);
      }
    });
  });
};
