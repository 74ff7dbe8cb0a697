import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS } from '../constants';

/**
 * What the published content looks like, in a few cheap queries: per type, how many published
 * versions there are and when the latest was published. Any publish, re-publish, unpublish or
 * delete changes it, on whichever instance it happened, and nothing else does.
 */
export const publishedContentVersion = async (strapi: Core.Strapi): Promise<string> => {
  const parts = await Promise.all(
    PUBLISHABLE_UIDS.map(async (uid) => {
      const rows = strapi.db.query(uid);
      const [count, latest] = await Promise.all([
        rows.count({ where: { publishedAt: { $notNull: true } } }),
        rows.findOne({ where: { publishedAt: { $notNull: true } }, select: ['publishedAt'], orderBy: { publishedAt: 'desc' } }),
      ]);
      return `${count}@${latest ? new Date(latest.publishedAt).getTime() : 0}`;
    })
  );
  return parts.join('|');
};

/**
 * Something built from the published content (the screen feed, the sitemap), per key, rebuilt
 * only when the published content changed: the many readers asking again cost a few count
 * queries each, and a publish on any instance is seen by the next read.
 */
export const liveContentCache = <T>() => {
  const entries = new Map<string, { version: string; value: T }>();
  return async (strapi: Core.Strapi, key: string, build: () => Promise<T>): Promise<T> => {
    const version = await publishedContentVersion(strapi);
    const cached = entries.get(key);
    if (cached?.version === version) return cached.value;
    const value = await build();
    // Keep it only if nothing was published while it was being built.
    if ((await publishedContentVersion(strapi)) === version) entries.set(key, { version, value });
    return value;
  };
};
