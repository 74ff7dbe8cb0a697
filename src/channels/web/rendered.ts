import type { Core } from '@strapi/strapi';
import type { WebsiteKit, WebsitePages } from '../../content/descriptor';
import { descriptorOf, websiteTypes, type WebsiteUid } from '../../content/registry';
import { renderBlocks } from './body-html';
import { rebuildRenderings, renderedBodies, storeReleasedRenderings } from './stored-renderings';
import { responsiveImage, type MediaFile } from './responsive-image';

type Item = Record<string, unknown>;

/** The types whose Content API responses carry a website rendering: those with website pages. */
export type RenderedUid = WebsiteUid;

/**
 * What the website channel gives each type's renderer (src/content/<type>.ts), which adds next to
 * the item's structured content sanitised HTML of its rich text (rendered once per released
 * version, stored-renderings.ts) and responsive image data (every size with its width and
 * height, and a srcset).
 */
const KIT: WebsiteKit = { image: (file) => responsiveImage(file as MediaFile) };

/** The website part of a type's descriptor, if it has pages. */
const pagesOf = (uid: string): WebsitePages | undefined => descriptorOf(uid)?.website;

const render = (uid: RenderedUid, item: Item, html: string): Record<string, unknown> => {
  const pages = pagesOf(uid);
  if (!pages) throw new Error(`${uid} has no website pages`);
  return pages.render(item, html, KIT);
};

/** Adds `rendered` to every item of a Content API response ({ data, meta }). */
export const withRendered = async <T extends { data?: unknown } | null | undefined>(
  strapi: Core.Strapi,
  uid: RenderedUid,
  response: T,
): Promise<T> => {
  if (!response?.data) return response;
  const items = (Array.isArray(response.data) ? response.data : [response.data]) as Item[];
  const field = pagesOf(uid)?.richText;
  const html = field
    ? await renderedBodies(
        strapi,
        items.map((item) => item[field]),
      )
    : [];
  const rendered = items.map((item, index) => ({
    ...item,
    rendered: render(uid, item, html[index] ?? ''),
  }));
  return { ...response, data: Array.isArray(response.data) ? rendered : rendered[0] };
};

/**
 * `rendered` of one version not released (a preview): the same renderer and sanitiser as the API's,
 * run now and never stored, since the version may never go live.
 */
export const renderedUnreleased = (uid: RenderedUid, item: Item): Record<string, unknown> => {
  const field = pagesOf(uid)?.richText;
  return render(uid, item, field ? renderBlocks(item[field]) : '');
};

/** The live rows of one document a release just wrote: their rich text is rendered and stored before it commits. */
export const storeLiveRenderings = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locales: string[],
): Promise<void> => {
  const field = pagesOf(uid)?.richText;
  if (!field) return;
  const rows = await strapi.db.query(uid).findMany({
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
  for (const { uid, richText: field } of websiteTypes()) {
    if (!field) continue;
    for (let after = 0; ;) {
      const rows = (await strapi.db.query(uid).findMany({
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
