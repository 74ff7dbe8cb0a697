import crypto from 'crypto';
import stringify from 'safe-stable-stringify';
import type { Core } from '@strapi/strapi';

type Attribute = { type: string; component?: string; repeatable?: boolean; multiple?: boolean; relation?: string };
type Schema = { attributes: Record<string, Attribute> };

// Bookkeeping, not content: never part of what a reviewer approves.
const NOT_CONTENT = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const contentAttributes = (schema: Schema) => Object.entries(schema.attributes).filter(([name]) => !NOT_CONTENT.has(name));

/** Populate tree reaching every component, relation and media of a schema. */
const populateFor = (strapi: Core.Strapi, schema: Schema): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of contentAttributes(schema)) {
    if (attribute.type === 'component') {
      const nested = populateFor(strapi, strapi.components[attribute.component as never] as unknown as Schema);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'relation' || attribute.type === 'media') {
      populate[name] = { fields: ['documentId'] };
    } else if (attribute.type === 'dynamiczone') {
      populate[name] = '*';
    }
  }
  return populate;
};

const documentIds = (value: unknown): string[] => (Array.isArray(value) ? value : value ? [value] : []).map((item) => (item as { documentId: string }).documentId);

/**
 * One canonical form per content, whatever the database returns: booleans stored as 0/1,
 * decimals as strings, dates as Date objects or strings, relations in any order.
 */
const normalise = (strapi: Core.Strapi, schema: Schema, entry: Record<string, unknown>): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [name, attribute] of contentAttributes(schema)) {
    const value = entry[name];
    if (value === undefined || value === null) {
      result[name] = attribute.type === 'relation' || (attribute.type === 'media' && attribute.multiple) || attribute.repeatable ? [] : null;
      continue;
    }
    switch (attribute.type) {
      case 'boolean':
        result[name] = value === true || value === 1 || value === '1' || value === 'true';
        break;
      case 'integer':
      case 'float':
      case 'decimal':
        result[name] = Number(value);
        break;
      case 'biginteger':
        result[name] = String(value);
        break;
      case 'date':
        result[name] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
        break;
      case 'datetime':
      case 'timestamp':
        result[name] = new Date(value as string).toISOString();
        break;
      case 'relation':
        result[name] = documentIds(value).sort();
        break;
      case 'media':
        // Gallery order is part of the content; a single file is just its id.
        result[name] = attribute.multiple ? documentIds(value) : documentIds(value)[0] ?? null;
        break;
      case 'component': {
        const componentSchema = strapi.components[attribute.component as never] as unknown as Schema;
        const items = Array.isArray(value) ? value : [value];
        const normalised = items.map((item) => normalise(strapi, componentSchema, item as Record<string, unknown>));
        result[name] = attribute.repeatable ? normalised : normalised[0];
        break;
      }
      default:
        result[name] = value;
    }
  }
  return result;
};

/** The draft of one document locale in canonical form, or null when it has none. */
export const loadReviewableContent = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string, status: 'draft' | 'published' = 'draft') => {
  const schema = strapi.contentType(uid as never) as unknown as Schema;
  // Outside any request: the Content API scope must not narrow what the workflow reads.
  const outsideRequest = strapi.requestContext.run as unknown as <T>(store: object, work: () => T) => T;
  const entry = await outsideRequest({}, () =>
    strapi.documents(uid as never).findOne({ documentId, locale, status, populate: populateFor(strapi, schema) } as never)
  );
  return entry ? normalise(strapi, schema, entry as Record<string, unknown>) : null;
};

export const hashContent = (content: Record<string, unknown>): string => crypto.createHash('sha256').update(stringify(content) as string).digest('hex');

/** Hash of the current draft; schedule fields live outside the content, so they never change it. */
export const draftHash = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<string | null> => {
  const content = await loadReviewableContent(strapi, uid, documentId, locale);
  return content ? hashContent(content) : null;
};
