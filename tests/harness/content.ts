/* eslint-disable @typescript-eslint/no-explicit-any -- test answers are read as each test needs them, not typed per query */
import type { Core, UID } from '@strapi/strapi';
import type { ContentUid } from '../../src/constants';
import { releaseWithSystemApproval } from '../../src/workflow/review-actions';

/** Minimal valid article data for tests; override what the test is about. */
export const articleData = (overrides: Record<string, unknown> = {}) => ({
  title: '测试文章',
  slug: `test-article-${Math.random().toString(36).slice(2, 10)}`,
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }],
  channels: { website: true, wechat: false, screen: false },
  ...overrides,
});

/**
 * The Document Service of one type, for fixtures and checks: tests read the answers as they need
 * them, so they are not typed per query here. The public types have drafts, so they also publish.
 */
type TestDocuments = {
  findOne(params: object): Promise<any>;
  findFirst(params: object): Promise<any>;
  findMany(params: object): Promise<any[]>;
  count(params: object): Promise<number>;
  create(params: object): Promise<any>;
  update(params: object): Promise<any>;
  delete(params: object): Promise<any>;
};
type PublishableTestDocuments = TestDocuments & {
  publish(params: object): Promise<any>;
  unpublish(params: object): Promise<any>;
};

export function documents(strapi: Core.Strapi, uid: ContentUid): PublishableTestDocuments;
export function documents(strapi: Core.Strapi, uid: UID.ContentType): TestDocuments;
export function documents(strapi: Core.Strapi, uid: UID.ContentType): TestDocuments {
  return strapi.documents(uid);
}

export const contentManagerUrl = (uid: string, suffix = '') =>
  `/content-manager/collection-types/${uid}${suffix}`;

/**
 * Test fixtures that must be live: created as a draft and released through the release gate
 * on a recorded system approval, the same door the demo seed uses.
 */
export const createReleased = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  data: Record<string, unknown>,
  locale = 'zh-CN',
) => {
  const draft = await documents(strapi, uid).create({ data, locale });
  await releaseReviewed(strapi, uid, draft.documentId, locale);
  return draft as { documentId: string };
};

export const releaseReviewed = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  documentId: string,
  locale = 'zh-CN',
) => {
  await releaseWithSystemApproval(strapi, { uid, documentId, locale }, 'test fixture', {
    type: 'system',
    name: 'test fixture',
  });
};
