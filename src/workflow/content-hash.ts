import crypto from 'crypto';
import stringify from 'safe-stable-stringify';
import type { Core, Struct } from '@strapi/strapi';
import { BOOKKEEPING_FIELDS, type DocumentRef, type Version } from '../documents/document-rows';
import { isChannelFlag } from '../kernel/channel-flags';

type Schema = Pick<Struct.Schema, 'attributes'>;

// Bookkeeping, and data derived from the content (the channel columns), are never part of what
// a reviewer approves: approvals made before a derived column existed still release after it.
const contentAttributes = (schema: Schema) =>
  Object.entries(schema.attributes).filter(
    ([name]) => !BOOKKEEPING_FIELDS.has(name) && !isChannelFlag(name),
  );

/** Populate tree reaching every component, relation and media of a schema. */
const populateFor = (strapi: Core.Strapi, schema: Schema): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of contentAttributes(schema)) {
    if (attribute.type === 'component') {
      const nested = populateFor(strapi, strapi.components[attribute.component]);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'relation' || attribute.type === 'media') {
      populate[name] = { fields: ['documentId'] };
    } else if (attribute.type === 'dynamiczone') {
      populate[name] = '*';
    }
  }
  return populate;
};

const documentIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map(
    (item) => (item as { documentId: string }).documentId,
  );

/**
 * One canonical form per content, whatever the database returns: booleans stored as 0/1,
 * decimals as strings, dates as Date objects or strings, relations in any order.
 */
const normalise = (
  strapi: Core.Strapi,
  schema: Schema,
  entry: Record<string, unknown>,
): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [name, attribute] of contentAttributes(schema)) {
    const value = entry[name];
    if (value === undefined || value === null) {
      const isList =
        attribute.type === 'relation' ||
        (attribute.type === 'media' && attribute.multiple) ||
        (attribute.type === 'component' && attribute.repeatable);
      result[name] = isList ? [] : null;
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
        result[name] =
          value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
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
        result[name] = attribute.multiple ? documentIds(value) : (documentIds(value)[0] ?? null);
        break;
      case 'component': {
        const componentSchema = strapi.components[attribute.component];
        const items = Array.isArray(value) ? value : [value];
        const normalised = items.map((item) =>
          normalise(strapi, componentSchema, item as Record<string, unknown>),
        );
        result[name] = attribute.repeatable ? normalised : normalised[0];
        break;
      }
      default:
        result[name] = value;
    }
  }
  return result;
};

/** One version of a document locale in canonical form, or null when it has none. */
export const loadReviewableContent = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  version: Version = 'draft',
): Promise<Record<string, unknown> | null> => {
  const schema = strapi.contentType(ref.uid);
  let entry: Record<string, unknown> | null = null;
  // Read outside any request: the Content API scope must not narrow what the workflow reads.
  // Boundary: Strapi types the store as a full Koa context; an empty store is what "no request" is.
  await strapi.requestContext.run(Object.create(null), async () => {
    entry = await strapi.documents(ref.uid).findOne({
      documentId: ref.documentId,
      locale: ref.locale,
      status: version === 'draft' ? 'draft' : 'published',
      populate: populateFor(strapi, schema),
    });
  });
  return entry ? normalise(strapi, schema, entry) : null;
};

export const hashContent = (content: Record<string, unknown>): string =>
  crypto.createHash('sha256').update(stringify(content)).digest('hex');

/** Hash of one version (the draft unless told); schedule fields live outside the content, so they never change it. */
export const versionHash = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  version: Version = 'draft',
): Promise<string | null> => {
  const content = await loadReviewableContent(strapi, ref, version);
  return content ? hashContent(content) : null;
};
