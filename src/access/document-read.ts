import type { Core, UID } from '@strapi/strapi';
import { isLocalizedType } from '../i18n/locales';

export type AdminAbility = { can: (action: string, subject?: unknown, field?: string) => boolean };
type Located = { contentType: string; documentId: string; locale: string };

const READ = 'plugin::content-manager.explorer.read';

const checkerOf = (strapi: Core.Strapi, ability: AdminAbility, uid: string) =>
  strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ability, model: uid });

/**
 * Whether an admin may read this very row in the content manager: Strapi's own permission
 * checker, so a role's conditions (only what its users created, only some locales) hold on our
 * admin routes and previews as in the edit view. The row needs its authorship populated.
 */
export const mayReadRow = (
  strapi: Core.Strapi,
  ability: AdminAbility,
  uid: string,
  row: Record<string, unknown>,
): boolean => checkerOf(strapi, ability, uid).can.read(row);

/** The row as the content manager would show it to this admin: only the fields its role may read. */
export const readableFields = (
  strapi: Core.Strapi,
  ability: AdminAbility,
  uid: string,
  row: Record<string, unknown>,
): Promise<Record<string, unknown>> => checkerOf(strapi, ability, uid).sanitizeOutput(row);

/**
 * The items (of any publishable types) whose drafts the admin may read, in their order: the
 * type's read permission, and where the role's rules have conditions, each document's draft
 * read once per type with its authorship and checked as the content manager checks it.
 */
export const readableDocuments = async <T extends Located>(
  strapi: Core.Strapi,
  ability: AdminAbility,
  items: readonly T[],
): Promise<T[]> => {
  const readable = new Set<T>();
  for (const uid of new Set(items.map((item) => item.contentType))) {
    const ofType = items.filter((item) => item.contentType === uid);
    if (!ability.can(READ, uid)) continue;
    const checker = checkerOf(strapi, ability, uid);
    if (!checker.requiresEntity.read()) {
      ofType.forEach((item) => readable.add(item));
      continue;
    }
    const localized = isLocalizedType(strapi, uid as UID.ContentType);
    const keyOf = (documentId: string, locale: unknown) =>
      `${documentId}\u0000${localized ? String(locale) : ''}`;
    const rows: Array<Record<string, unknown> & { documentId: string; locale?: string }> = [];
    const ids = [...new Set(ofType.map((item) => item.documentId))];
    for (let start = 0; start < ids.length; start += 500) {
      rows.push(
        ...(await strapi.db.query(uid).findMany({
          where: { documentId: { $in: ids.slice(start, start + 500) }, publishedAt: null },
          populate: ['createdBy', 'updatedBy'],
        })),
      );
    }
    const allowed = new Set(
      rows.filter((row) => checker.can.read(row)).map((row) => keyOf(row.documentId, row.locale)),
    );
    ofType
      .filter((item) => allowed.has(keyOf(item.documentId, item.locale)))
      .forEach((item) => readable.add(item));
  }
  return items.filter((item) => readable.has(item));
};

export const mayReadDocument = async (
  strapi: Core.Strapi,
  ability: AdminAbility,
  ref: { uid: string; documentId: string; locale: string },
): Promise<boolean> =>
  (
    await readableDocuments(strapi, ability, [
      { contentType: ref.uid, documentId: ref.documentId, locale: ref.locale },
    ])
  ).length === 1;
