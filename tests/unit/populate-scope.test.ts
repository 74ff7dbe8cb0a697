import {
  populateTree,
  scopePopulate,
  type Schema,
  type SchemaLookup,
} from '../../src/read-scope/populate-scope';

const schemas: Record<string, Schema> = {
  'api::article.article': {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      cover: { type: 'media' },
      brand: { type: 'relation', relation: 'manyToOne', target: 'api::brand.brand' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
      seo: { type: 'component', component: 'shared.seo' },
      channels: { type: 'component', component: 'publishing.channels' },
    },
  },
  'api::brand.brand': {
    options: { draftAndPublish: true },
    attributes: {
      name: { type: 'string' },
      organization: {
        type: 'relation',
        relation: 'manyToOne',
        target: 'api::organization.organization',
      },
    },
  },
  'api::organization.organization': {
    options: { draftAndPublish: false },
    attributes: { name: { type: 'string' } },
  },
  'plugin::upload.file': {
    attributes: {
      url: { type: 'string' },
      related: { type: 'relation', relation: 'morphToMany' },
      folder: { type: 'relation', relation: 'manyToOne', target: 'plugin::upload.folder' },
    },
  },
  'shared.seo': { attributes: { shareImage: { type: 'media' } } },
  'publishing.channels': { attributes: { website: { type: 'boolean' } } },
};
const lookup: SchemaLookup = {
  contentType: (uid) => schemas[uid],
  component: (uid) => schemas[uid],
};
const article = schemas['api::article.article'];
const published = { publishedAt: { $notNull: true } };

describe('populate forms', () => {
  test("'*', comma lists, dotted arrays and objects become one tree", () => {
    expect(populateTree(article, '*')).toEqual({
      cover: true,
      brand: true,
      localizations: true,
      seo: true,
      channels: true,
    });
    expect(populateTree(article, 'cover,brand')).toEqual({ cover: true, brand: true });
    expect(populateTree(article, ['cover.related', 'brand.organization', 'brand'])).toEqual({
      cover: { populate: ['related'] },
      brand: { populate: ['organization'] },
    });
    expect(populateTree(article, { brand: { populate: '*' } })).toEqual({
      brand: { populate: '*' },
    });
  });
});

describe('the read scope on populate', () => {
  test('relations reach published versions; channel-targeted types only the channel', () => {
    expect(scopePopulate(lookup, article, { brand: true, localizations: true }, 'website')).toEqual(
      {
        brand: { filters: published },
        localizations: { filters: { $and: [published, { targetsWebsite: true }] } },
      },
    );
  });

  test('a file never leads back to the documents using it, at any depth and in any form', () => {
    for (const populate of [
      ['cover.related'],
      { cover: { populate: { related: true, folder: true } } },
      { seo: { populate: { shareImage: { populate: '*' } } } },
      'cover.related',
    ]) {
      expect(JSON.stringify(scopePopulate(lookup, article, populate, 'website'))).not.toMatch(
        /related|folder/,
      );
    }
  });

  test("a reader's own filters are kept and narrowed, never replaced", () => {
    expect(
      scopePopulate(
        lookup,
        article,
        { localizations: { filters: { title: { $eq: 'x' } }, populate: { brand: true } } },
        'screen',
      ),
    ).toEqual({
      localizations: {
        filters: { $and: [{ title: { $eq: 'x' } }, published, { targetsScreen: true }] },
        populate: { brand: { filters: published } },
      },
    });
  });

  test('relations to types without drafts get no status filter; unknown keys are left for Strapi to refuse', () => {
    expect(
      scopePopulate(
        lookup,
        schemas['api::brand.brand'],
        { organization: true, nonsense: true },
        'website',
      ),
    ).toEqual({ organization: true, nonsense: true });
  });
});
