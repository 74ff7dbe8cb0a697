import type { Core } from '@strapi/strapi';
import type { ContentUid } from '../constants';
import { isLocalizedType, workflowLocales } from '../i18n/locales';

/** One locale of one document of a content type: what the workflow and the channels act on. */
export type DocumentRef = { uid: ContentUid; documentId: string; locale: string };

/** A document locale has at most two rows: the draft, and the live (published) version. */
export type Version = 'draft' | 'live';

// Fields every row carries that are bookkeeping, not content: never hashed, approved or validated.
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const publishedAt = (version: Version) => (version === 'draft' ? null : { $notNull: true });

/** The database column of an attribute of a content type or component, as Strapi's metadata names it. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const meta = strapi.db.metadata.get(uid).attributes[attribute];
  return meta && 'columnName' in meta && typeof meta.columnName === 'string'
    ? meta.columnName
    : attribute;
};

/** The row filter for one version of a document locale (no locale for a type without translations). */
export const versionWhere = (
  strapi: Core.Strapi,
  { uid, documentId, locale }: DocumentRef,
  version: Version,
): Record<string, unknown> => ({
  documentId,
  ...(isLocalizedType(strapi, uid) ? { locale } : {}),
  publishedAt: publishedAt(version),
});

/** The raw row of one version, read straight from the database (no read scope, no sanitising). */
export const findVersionRow = (
  strapi: Core.Strapi,
  ref: DocumentRef,
  version: Version,
  options: { populate?: string[]; select?: string[] } = {},
) => strapi.db.query(ref.uid).findOne({ where: versionWhere(strapi, ref, version), ...options });

/** What a document is called in lists: its title, or the name of a type that has one instead. */
export const documentTitle = (
  row: { title?: string | null; name?: string | null } | null | undefined,
): string | null => row?.title ?? row?.name ?? null;

/** One document locale as a map key (the same string the workflow keys its review states by). */
export const refKey = ({ uid, documentId, locale }: DocumentRef): string =>
  `${uid}:${documentId}:${locale}`;

/** The titles (or names) of many documents' drafts, by refKey: one read per type and 500 documents. */
export const draftTitles = async (
  strapi: Core.Strapi,
  refs: readonly DocumentRef[],
): Promise<Map<string, string | null>> => {
  const titles = new Map<string, string | null>();
  for (const uid of new Set(refs.map((ref) => ref.uid))) {
    const ofType = refs.filter((ref) => ref.uid === uid);
    const localized = isLocalizedType(strapi, uid);
    const titleField = 'title' in strapi.contentType(uid).attributes ? 'title' : 'name';
    const ids = [...new Set(ofType.map((ref) => ref.documentId))];
    for (let start = 0; start < ids.length; start += 500) {
      const rows: Array<{ documentId: string; locale?: string; title?: string; name?: string }> =
        await strapi.db.query(uid).findMany({
          where: { documentId: { $in: ids.slice(start, start + 500) }, publishedAt: null },
          select: ['documentId', titleField, ...(localized ? ['locale'] : [])],
        });
      for (const row of rows) {
        for (const ref of ofType)
          if (ref.documentId === row.documentId && (!localized || ref.locale === row.locale))
            titles.set(refKey(ref), documentTitle(row));
      }
    }
  }
  return titles;
};

export const hasVersion = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  version: Version,
): Promise<boolean> =>
  (await strapi.db.query(ref.uid).count({ where: versionWhere(strapi, ref, version) })) > 0;

/** Whether the document has any row in this locale, draft or live. */
export const hasLocale = async (strapi: Core.Strapi, ref: DocumentRef): Promise<boolean> => {
  const { publishedAt: _either, ...where } = versionWhere(strapi, ref, 'draft');
  return (await strapi.db.query(ref.uid).count({ where })) > 0;
};

/**
 * The locales in which a document has a `version`, named as the workflow names them; `among`
 * narrows them ('*' or undefined: all).
 */
export const versionLocales = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  documentId: string,
  version: Version,
  among?: string | string[],
): Promise<string[]> => {
  const localized = isLocalizedType(strapi, uid);
  const narrowed =
    !localized || among === undefined || among === '*'
      ? {}
      : { locale: Array.isArray(among) ? { $in: among } : among };
  const rows = await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: publishedAt(version), ...narrowed },
    select: ['locale'],
  });
  return workflowLocales(strapi, uid, rows);
};
