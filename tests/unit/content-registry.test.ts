import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import {
  isPublishable,
  PUBLIC_UIDS,
  PUBLISHABLE_UIDS,
  TAXONOMY_UIDS,
  UID,
} from '../../src/constants';
import type { ContentTypeDescriptor } from '../../src/content/descriptor';
import {
  contentTypes,
  descriptorOf,
  isChannelTargeted,
  publishableUids,
  registerContentType,
} from '../../src/content/registry';
import {
  missingFromChainEnum,
  REVIEW_CHAIN_UID,
  registryMismatches,
  type ModelShape,
} from '../../src/content/registry-check';

const API = path.join(__dirname, '../../src/api');

/** Every schema under src/api, by uid, as Strapi reads them. */
const schemas = (): Map<string, ModelShape> => {
  const found = new Map<string, ModelShape>();
  for (const api of readdirSync(API)) {
    const folder = path.join(API, api, 'content-types');
    let types: string[] = [];
    try {
      types = readdirSync(folder);
    } catch {
      continue;
    }
    for (const type of types) {
      const schema = JSON.parse(
        readFileSync(path.join(folder, type, 'schema.json'), 'utf8'),
      ) as ModelShape;
      found.set(`api::${api}.${type}`, schema);
    }
  }
  return found;
};

const withChainEnum = (models: Map<string, ModelShape>, values: string[]) => {
  const chain = models.get(REVIEW_CHAIN_UID);
  if (!chain) throw new Error('no review chain schema');
  const copy = new Map(models);
  copy.set(REVIEW_CHAIN_UID, {
    ...chain,
    attributes: { ...chain.attributes, contentType: { type: 'enumeration', enum: values } },
  });
  return copy;
};

const news: ContentTypeDescriptor = {
  uid: 'api::news-flash.news-flash',
  name: 'newsFlash',
  position: 8,
  publishable: true,
  taxonomy: false,
  channelTargeted: false,
  localized: false,
  labels: { zh: '快讯', en: 'News flash' },
  fieldLabels: {},
  reviewChain: [{ name: '审核', role: 'Reviewer' }],
};

describe('the content-type registry', () => {
  test('agrees with every schema and the review chain enum', () => {
    const models = schemas();
    expect(registryMismatches((uid) => models.get(uid))).toEqual([]);
    expect(
      missingFromChainEnum(models.get(REVIEW_CHAIN_UID)?.attributes.contentType?.enum ?? []),
    ).toEqual([]);
  });

  test('the lists derived from it are those the code always had', () => {
    expect(Object.entries(UID)).toEqual([
      ['brand', 'api::brand.brand'],
      ['organization', 'api::organization.organization'],
      ['article', 'api::article.article'],
      ['video', 'api::video.video'],
      ['achievement', 'api::achievement.achievement'],
      ['category', 'api::category.category'],
      ['tag', 'api::tag.tag'],
    ]);
    expect(PUBLIC_UIDS).toEqual(Object.values(UID));
    expect([...TAXONOMY_UIDS].sort()).toEqual([UID.category, UID.organization, UID.tag].sort());
    expect([...PUBLISHABLE_UIDS].sort()).toEqual([...PUBLIC_UIDS].sort());
    expect(descriptorOf(UID.article)?.labels).toEqual({ zh: '文章', en: 'Article' });
    expect(new Set(contentTypes().map(({ name }) => name)).size).toBe(contentTypes().length);
  });

  test('an enum naming a type no publishable descriptor declares is refused, naming it', () => {
    const models = withChainEnum(schemas(), [...PUBLISHABLE_UIDS, 'api::gone.gone']);
    const problems = registryMismatches((uid) => models.get(uid));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('api::gone.gone');
    expect(problems[0]).toContain('review-chain/schema.json');
  });

  test('a publishable type the enum lacks is named, so register adds it', () => {
    const models = schemas();
    const chainEnum = models.get(REVIEW_CHAIN_UID)?.attributes.contentType?.enum ?? [];
    expect(missingFromChainEnum(chainEnum, [...contentTypes(), news])).toEqual([news.uid]);
    expect(missingFromChainEnum(chainEnum, [{ ...news, publishable: false }])).toEqual([]);
  });

  test('a descriptor without a schema, or saying otherwise than its schema, is refused', () => {
    const models = schemas();
    expect(registryMismatches((uid) => models.get(uid), [news])).toEqual([
      'api::news-flash.news-flash is registered (src/content/types.ts) but has no schema',
      ...registryMismatches((uid) => models.get(uid), []),
    ]);
    const wrong = { ...contentTypes()[2], channelTargeted: false, localized: false };
    const problems = registryMismatches((uid) => models.get(uid), [wrong]);
    expect(problems.filter((problem) => problem.startsWith('api::article.article:'))).toEqual([
      'api::article.article: its descriptor says localized (i18n) false, its schema true',
      'api::article.article: its descriptor says channelTargeted (a `channels` attribute) false, its schema true',
    ]);
  });

  // Last: it changes this file's copy of the registry.
  test('a type registered at run time joins every list at its position, once', () => {
    registerContentType({ ...news, position: 3.5 });
    expect(contentTypes().map(({ name }) => name)).toEqual([
      'brand',
      'organization',
      'article',
      'newsFlash',
      'video',
      'achievement',
      'category',
      'tag',
    ]);
    expect(publishableUids()).toContain(news.uid);
    expect(isPublishable(news.uid)).toBe(true);
    expect(isChannelTargeted(news.uid)).toBe(false);
    expect(descriptorOf(news.uid)?.labels.zh).toBe('快讯');
    expect(() => registerContentType(news)).toThrow(/registered already/);
  });
});
