import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { renderBlocks } from './body-html';
import { rebuildRenderings, renderedBodies, storeReleasedRenderings } from './stored-renderings';
import { responsiveImage, type MediaFile } from './responsive-image';

type Item = Record<string, unknown>;

/** The types whose Content API responses carry a website rendering. */
export type RenderedUid =
  typeof UID.article | typeof UID.achievement | typeof UID.brand | typeof UID.video;

/** The rich text of each type that has one: rendered to HTML once per released version (stored-renderings.ts). */
const RICH_TEXT: Partial<Record<string, string>> = {
  [UID.article]: 'body',
  [UID.achievement]: 'body',
  [UID.brand]: 'story',
};

/**
 * What the website channel adds next to each item's structured content: sanitised HTML of its
 * rich text and responsive image data (every size with its width and height, and a srcset).
 */
const RENDERERS: Record<RenderedUid, (item: Item, html: string) => Record<string, unknown>> = {
  [UID.article]: (item, html) => ({
    bodyHtml: html,
    cover: responsiveImage(item.cover as MediaFile),
  }),
  [UID.achievement]: (item, html) => ({
    bodyHtml: html,
    gallery: Array.isArray(item.gallery)
      ? (item.gallery as MediaFile[]).map((file) => responsiveImage(file))
      : [],
  }),
  [UID.brand]: (item, html) => ({
    storyHtml: html,
    logo: responsiveImage(item.logo as MediaFile),
    cover: responsiveImage(item.cover as MediaFile),
  }),
  [UID.video]: (item) => ({ poster: responsiveImage(item.poster as MediaFile) }),
};

/** Adds `rendered` to every item of a Content API response ({ data, meta }). */
export const withRendered = async <T extends { data?: unknown } | null | undefined>(
  strapi: Core.Strapi,
  uid: RenderedUid,
  response: T,
): Promise<T> => {
  if (!response?.data) return response;
  const items = (Array.isArray(response.data) ? response.data : [response.data]) as Item[];
  const field = RICH_TEXT[uid];
  const html = field
    ? await renderedBodies(
        strapi,
        items.map((item) => item[field]),
      )
    : [];
  const rendered = items.map((item, index) => ({
    ...item,
    rendered: RENDERERS[uid](item, html[index] ?? ''),
  }));
  return { ...response, data: Array.isArray(response.data) ? rendered : rendered[0] };
};

/**
 * `rendered` of one version not released (a preview): the same renderer and sanitiser as the API's,
 * run now and never stored, since the version may never go live.
 */
export const renderedUnreleased = (uid: RenderedUid, item: Item): Record<string, unknown> => {
  const field = RICH_TEXT[uid];
  return RENDERERS[uid](item, field ? renderBlocks(item[field]) : '');
};

/** The live rows of one document a release just wrote: their rich text is rendered and stored before it commits. */
export const storeLiveRenderings = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locales: string[],
): Promise<void> => {
  const field = RICH_TEXT[uid];
  if (!field) return;
  const rows = await strapi.db
    .query(uid as RenderedUid)
    .findMany({
      where: { documentId, locale: { $in: locales }, publishedAt: { $notNull: true } },
      select: [field],
    });
  await storeReleasedRenderings(
    strapi,
    rows.map((row) => (row as Item)[field]),
  );
};

/** Every live rich text, a batch at a time, in id order. */
async function* liveRichTexts(strapi: Core.Strapi): AsyncGenerator<unknown[]> {
  for (const [uid, field] of Object.entries(RICH_TEXT) as Array<[RenderedUid, string]>) {
    for (let after = 0; ;) {
      const rows = (await strapi.db
        .query(uid)
        .findMany({
          where: { publishedAt: { $notNull: true }, id: { $gt: after } },
          select: ['id', field],
          orderBy: { id: 'asc' },
          limit: 500,
        })) as Item[];
      if (rows.length === 0) break;
      yield rows.map((row) => row[field]);
      after = rows[rows.length - 1].id as number;
    }
  }
}

/** For `npm run reindex`: every live version's HTML rendered again, and renderings nothing live uses dropped. */
export const rebuildLiveRenderings = (strapi: Core.Strapi) =>
  rebuildRenderings(strapi, liveRichTexts(strapi));
