import type { Core } from '@strapi/strapi';

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
