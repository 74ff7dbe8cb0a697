import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

type Taxonomy = typeof UID.organization | typeof UID.category;

/** A released organization (taxonomies are not translated): what staff and handlers address. */
export type PublishedOrganization = {
  documentId: string;
  name: string;
  slug: string;
  parentDocumentId: string | null;
};

export const publishedOrganization = async (
  strapi: Core.Strapi,
  where: { documentId?: string; slug?: string },
): Promise<PublishedOrganization | null> => {
  const row = (await strapi.db.query(UID.organization).findOne({
    where: { ...where, publishedAt: { $notNull: true } },
    select: ['documentId', 'name', 'slug'],
    populate: { parent: { select: ['documentId'] } },
  })) as {
    documentId: string;
    name: string;
    slug: string;
    parent?: { documentId: string } | null;
  } | null;
  return row
    ? {
        documentId: row.documentId,
        name: row.name,
        slug: row.slug,
        parentDocumentId: row.parent?.documentId ?? null,
      }
    : null;
};

/** A released organization's or category's documentId and name by its slug. */
export const publishedBySlug = async (
  strapi: Core.Strapi,
  uid: Taxonomy,
  slug: string,
): Promise<{ documentId: string; name: string } | null> =>
  (await strapi.db.query(uid).findOne({
    where: { slug, publishedAt: { $notNull: true } },
    select: ['documentId', 'name'],
  })) as { documentId: string; name: string } | null;

/** Names of released organizations or categories, by documentId (all of them when no documentIds are given). */
export const publishedNames = async (
  strapi: Core.Strapi,
  uid: Taxonomy,
  documentIds?: string[],
): Promise<Map<string, string>> => {
  if (documentIds?.length === 0) return new Map();
  const rows = (await strapi.db.query(uid).findMany({
    where: {
      publishedAt: { $notNull: true },
      ...(documentIds ? { documentId: { $in: documentIds } } : {}),
    },
    select: ['documentId', 'name'],
  })) as Array<{ documentId: string; name: string }>;
  return new Map(rows.map((row) => [row.documentId, row.name]));
};
