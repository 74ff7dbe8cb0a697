import { UID } from '../../constants';
import { renderBlocks } from './body-html';
import { responsiveImage, type MediaFile } from './responsive-image';

type Item = Record<string, unknown>;

/** The types whose Content API responses carry a website rendering. */
export type RenderedUid = typeof UID.article | typeof UID.achievement | typeof UID.brand | typeof UID.video;

/**
 * What the website channel adds next to each item's structured content: sanitised HTML of its
 * rich text and responsive image data (every size with its width and height, and a srcset).
 */
const RENDERERS: Record<RenderedUid, (item: Item) => Record<string, unknown>> = {
  [UID.article]: (item) => ({ bodyHtml: renderBlocks(item.body), cover: responsiveImage(item.cover as MediaFile) }),
  [UID.achievement]: (item) => ({
    bodyHtml: renderBlocks(item.body),
    gallery: Array.isArray(item.gallery) ? (item.gallery as MediaFile[]).map((file) => responsiveImage(file)) : [],
  }),
  [UID.brand]: (item) => ({ storyHtml: renderBlocks(item.story), logo: responsiveImage(item.logo as MediaFile), cover: responsiveImage(item.cover as MediaFile) }),
  [UID.video]: (item) => ({ poster: responsiveImage(item.poster as MediaFile) }),
};

/** Adds `rendered` to every item of a Content API response ({ data, meta }). */
export const withRendered = <T extends { data?: unknown } | null | undefined>(uid: RenderedUid, response: T): T => {
  const render = RENDERERS[uid];
  if (!response?.data) return response;
  const add = (item: Item) => ({ ...item, rendered: render(item) });
  const data = Array.isArray(response.data) ? (response.data as Item[]).map(add) : add(response.data as Item);
  return { ...response, data };
};
