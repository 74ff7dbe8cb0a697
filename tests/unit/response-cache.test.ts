import fc from 'fast-check';
import { cacheableQuery } from '../../src/response-cache/graphql-operation';
import { normalisedQuery } from '../../src/response-cache/request-key';
import { memoryResponseStore } from '../../src/response-cache/response-store';

const parameterName = fc.constantFrom(
  'locale',
  'sort',
  'sort[]',
  'populate',
  'pagination[page]',
  'pagination[pageSize]',
  'filters[slug][$eq]',
  'token',
);
const parameter = fc
  .tuple(parameterName, fc.string({ maxLength: 6 }))
  .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);

describe('request keys', () => {
  test('parameters in any order are one key; repeated names keep their order; credentials are never in it', () => {
    fc.assert(
      fc.property(
        fc.array(parameter, { maxLength: 8 }),
        fc.func(fc.integer()),
        (pairs, shuffleBy) => {
          const shuffled = pairs
            .map((pair, index) => ({ pair, rank: shuffleBy(index) }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ pair }) => pair);
          // The parameter qs merges a name into: `sort` for `sort[]`.
          const nameOf = (pair: string) =>
            decodeURIComponent(pair.split('=')[0]).replace(/\[.*$/, '');
          // Only the order among different names may change: a repeated name's values keep their order.
          const sameNameOrder = (list: string[]) =>
            [...new Set(list.map(nameOf))]
              .sort()
              .map((name) => list.filter((pair) => nameOf(pair) === name));
          const sameNamesKept =
            JSON.stringify(sameNameOrder(shuffled)) === JSON.stringify(sameNameOrder(pairs));
          const key = normalisedQuery(pairs.join('&'));
          if (sameNamesKept) expect(normalisedQuery(shuffled.join('&'))).toBe(key);
          expect(
            key
              .split('&')
              .filter(Boolean)
              .map((pair) => decodeURIComponent(pair.split('=')[0])),
          ).not.toContain('token');
          expect(sameNameOrder(key.split('&').filter(Boolean))).toEqual(
            sameNameOrder(pairs.filter((pair) => nameOf(pair) !== 'token')),
          );
        },
      ),
    );
  });

  test('a different order of one parameter’s values is a different key (it is a different sort)', () => {
    expect(normalisedQuery('sort[]=title&sort[]=publishedAt')).not.toBe(
      normalisedQuery('sort[]=publishedAt&sort[]=title'),
    );
    // qs merges `sort` and `sort[]` into one list, in the order they come.
    expect(normalisedQuery('sort[]=title&sort=publishedAt')).not.toBe(
      normalisedQuery('sort=publishedAt&sort[]=title'),
    );
  });

  test('a document larger than the GraphQL server parses is not parsed here either', () => {
    const fields = Array.from({ length: 50 }, (_, index) => `f${index}`).join(' ');
    expect(cacheableQuery({ query: `{ articles { ${fields} } }` }, 2000)).not.toBeNull();
    expect(cacheableQuery({ query: `{ articles { ${fields} } }` }, 20)).toBeNull();
  });
});

describe('GraphQL documents', () => {
  test('formatting and comments do not split entries', () => {
    const compact = cacheableQuery({ query: '{articles{title}}' }, 2000);
    expect(compact).not.toBeNull();
    expect(
      cacheableQuery({ query: '# newest\nquery {\n  articles {\n    title\n  }\n}' }, 2000)
        ?.document,
    ).toBe(compact?.document);
  });

  test('only the query that would run is kept: never a mutation or subscription, never what does not parse', () => {
    expect(
      cacheableQuery({ query: 'mutation { createArticle(data: {}) { title } }' }, 2000),
    ).toBeNull();
    expect(cacheableQuery({ query: 'subscription { x }' }, 2000)).toBeNull();
    expect(cacheableQuery({ query: '{ articles { title }' }, 2000)).toBeNull();
    const both =
      'query Read { articles { title } } mutation Write { createArticle(data: {}) { title } }';
    expect(cacheableQuery({ query: both, operationName: 'Read' }, 2000)).not.toBeNull();
    expect(cacheableQuery({ query: both, operationName: 'Write' }, 2000)).toBeNull();
    expect(cacheableQuery({ query: both }, 2000)).toBeNull(); // ambiguous: the server refuses it
    expect(cacheableQuery({ query: '{ articles { title } }', variables: [1] }, 2000)).toBeNull();
  });
});

describe('the memory tier', () => {
  const response = (bytes: number) => ({
    status: 200,
    headers: [['content-type', 'application/json']] as Array<[string, string]>,
    body: Buffer.alloc(bytes, 120),
  });

  test('is bounded by bytes, not entries: the least recently used go first', async () => {
    const store = memoryResponseStore(100_000, 300);
    for (let i = 0; i < 50; i += 1) await store.set(`key ${i}`, 'v1', response(10_000));
    let kept = 0;
    for (let i = 0; i < 50; i += 1) if (await store.get(`key ${i}`, 'v1')) kept += 1;
    expect(kept).toBeGreaterThan(0);
    expect(kept * 10_000).toBeLessThanOrEqual(100_000);
    expect(await store.get('key 49', 'v1')).toBeDefined();
    expect(await store.get('key 0', 'v1')).toBeUndefined();
  });

  test('serves an entry only under the version it was stored with', async () => {
    const store = memoryResponseStore(100_000, 300);
    await store.set('list', 'v1', response(10));
    expect(await store.get('list', 'v1')).toBeDefined();
    expect(await store.get('list', 'v2')).toBeUndefined();
  });
});
