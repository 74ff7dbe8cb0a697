import slugify from '@sindresorhus/slugify';
import { pinyin } from 'pinyin-pro';
import type { Core, UID } from '@strapi/strapi';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { hasLocale } from '../documents/document-rows';
import { PUBLIC_UIDS, type ContentUid } from '../constants';

const isPublicUid = (uid: string): uid is ContentUid =>
  (PUBLIC_UIDS as readonly string[]).includes(uid);

const HAN = /\p{Script=Han}/u;
// Long enough to read, short enough for a URL shared on WeChat.
const MAX_SLUG_LENGTH = 64;

/**
 * A URL slug for a title: Chinese as toneless pinyin, one syllable per part with polyphones
 * read in context (重庆 → chong-qing, 行长 → hang-zhang), ü written `v` as URLs write it (旅客 →
 * lv-ke, 侵略 → qin-lve; slugifying ü gave `lue`, `luee`); any other text slugified as Strapi
 * does, except that `5G` stays `5g`. Cut at a syllable, never inside one. Slugs already made
 * stay as they are: a released address never changes.
 */
export const slugOfTitle = (title: string): string => {
  const latin = HAN.test(title)
    ? pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('-')
    : title;
  const slug = slugify(latin, { decamelize: false });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastSeparator = cut.lastIndexOf('-');
  return lastSeparator > 0 ? cut.slice(0, lastSeparator) : slug.slice(0, MAX_SLUG_LENGTH);
};

/** `base`, or `base-1`, `base-2`, … : the first no other row of this type and locale holds. */
export const uniqueSlug = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  field: string,
  base: string,
  locale: string | undefined,
): Promise<string> => {
  const rows: Array<Record<string, unknown>> = await strapi.db.query(uid).findMany({
    where: { [field]: { $startsWith: base }, ...(locale ? { locale } : {}) },
    select: [field],
  });
  const taken = new Set(rows.map((row) => row[field]));
  if (!taken.has(base)) return base;
  let suffix = 1;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
};

/** The uid attribute of a content type and the field it is made from (`slug` from `title` or `name`). */
export const slugAttributeOf = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
): { field: string; targetField: string } | null => {
  for (const [field, attribute] of Object.entries(strapi.contentType(uid).attributes)) {
    if (attribute.type === 'uid' && attribute.targetField)
      return { field, targetField: attribute.targetField };
  }
  return null;
};

/**
 * The slug the content manager's form holds before a title is typed: it asks for one when the
 * form opens (the type's name, `article`, `article-1`, …) and never again as the title is typed.
 */
const isPlaceholderSlug = (strapi: Core.Strapi, uid: UID.ContentType, slug: unknown): boolean =>
  slug === undefined ||
  slug === null ||
  slug === '' ||
  (typeof slug === 'string' &&
    new RegExp(`^${strapi.contentType(uid).info.singularName}(-\\d+)?$`).test(slug));

/**
 * A new item created without a slug (the Content API, an import, our own code), or with the
 * placeholder the content manager's form starts with, gets one from its title, unique in its
 * type and locale; so does a new translation (an `update` in a locale the document does not have
 * yet), from its own title. Only new items and locales: an existing URL never changes.
 */
export const slugsOnCreate =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async ({ uid, action, params }, next) => {
    if ((action !== 'create' && action !== 'update') || !isPublicUid(uid) || !params.data)
      return next();
    const attribute = slugAttributeOf(strapi, uid);
    const title = attribute ? params.data[attribute.targetField] : undefined;
    if (
      !attribute ||
      !isPlaceholderSlug(strapi, uid, params.data[attribute.field]) ||
      typeof title !== 'string' ||
      title.trim() === ''
    )
      return next();
    if (action === 'update') {
      const isNewLocale =
        typeof params.locale === 'string' &&
        typeof params.documentId === 'string' &&
        !(await hasLocale(strapi, { uid, documentId: params.documentId, locale: params.locale }));
      if (!isNewLocale) return next();
    }
    const base = slugOfTitle(title);
    // A copy: the caller's object stays as they passed it.
    if (base !== '')
      params.data = {
        ...params.data,
        [attribute.field]: await uniqueSlug(
          strapi,
          uid,
          attribute.field,
          base,
          typeof params.locale === 'string' ? params.locale : undefined,
        ),
      };
    return next();
  };

type UidService = {
  generateUIDField(input: {
    contentTypeUID: UID.ContentType;
    field: string;
    data: Record<string, unknown>;
    locale?: string;
  }): Promise<string>;
};

/**
 * The content manager's slug suggestion (asked while an editor types a new item's title) made by
 * slugOfTitle, as on create: Strapi's own drops every Han character, so each Chinese title
 * became `article`, `article-1`, … Without a title yet, Strapi's own (the type's name).
 */
export const pinyinSlugSuggestions = (strapi: Core.Strapi): void => {
  // Boundary: the content manager's services are untyped; this is the one method we wrap.
  const uidService = strapi.plugin('content-manager').service<UidService>('uid');
  const suggestStrapiSlug = uidService.generateUIDField.bind(uidService);
  uidService.generateUIDField = async (input) => {
    const attribute = slugAttributeOf(strapi, input.contentTypeUID);
    const title =
      attribute?.field === input.field ? input.data?.[attribute.targetField] : undefined;
    if (typeof title !== 'string') return suggestStrapiSlug(input);
    const base = slugOfTitle(title);
    return base === ''
      ? suggestStrapiSlug(input)
      : uniqueSlug(strapi, input.contentTypeUID, input.field, base, input.locale);
  };
};
