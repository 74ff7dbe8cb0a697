import type { Core } from '@strapi/strapi';
import { appModule } from './strapi';

/** Minimal valid article data for tests; override what the test is about. */
export const articleData = (overrides: Record<string, unknown> = {}) => ({
  title: '测试文章',
  slug: `test-article-${Math.random().toString(36).slice(2, 10)}`,
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }],
  channels: { website: true, wechat: false, screen: false },
  ...overrides,
});

export const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as any;

export const contentManagerUrl = (uid: string, suffix = '') => `/content-manager/collection-types/${uid}${suffix}`;

/**
 * Test fixtures that must be live: created as a draft and released through the release gate
 * on a recorded system approval, the same door the demo seed uses.
 */
export const createReleased = async (strapi: Core.Strapi, uid: string, data: Record<string, unknown>, locale = 'zh-CN') => {
  const draft = await documents(strapi, uid).create({ data, locale });
  await releaseReviewed(strapi, uid, draft.documentId, locale);
  return draft as { documentId: string };
};

export const releaseReviewed = async (strapi: Core.Strapi, uid: string, documentId: string, locale = 'zh-CN') => {
  const { recordSystemApproval, releaseApproved } = appModule<typeof import('../../src/workflow/review-actions')>('workflow/review-actions.js');
  const ref = { uid, documentId, locale };
  await recordSystemApproval(strapi, ref, 'test fixture');
  await releaseApproved(strapi, ref, { type: 'system', name: 'test fixture' });
};
