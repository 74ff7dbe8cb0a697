import { allOf } from '../documents/all-of';
import { ownAttribute } from '../documents/own-attribute';
import { targetedAt, type Channel } from '../kernel/channel-flags';
import { isChannelTargeted } from '../content/registry';

type Attribute = {
  type: string;
  target?: string;
  relation?: string;
  component?: string;
  components?: string[];
};
/** What the read scope reads of a schema: Strapi's content-type and component schemas are ones. */
export type Schema = {
  attributes: Record<string, Attribute>;
  options?: { draftAndPublish?: boolean };
};

/** How the read scope finds the schemas it walks: content types and components by uid. */
export type SchemaLookup = {
  contentType: (uid: string) => Schema | undefined;
  component: (uid: string) => Schema | undefined;
};

type PopulateEntry =
  | true
  | { populate?: unknown; filters?: unknown; on?: Record<string, unknown>; [key: string]: unknown };
type PopulateTree = Record<string, PopulateEntry>;

export const MEDIA_UID = 'plugin::upload.file';

/**
 * Fields of a media file no reader follows: `related` reaches every document that uses the file
 * (drafts, other channels, other types), `folder` is the media library's own filing.
 */
const MEDIA_BACK_REFERENCES = new Set(['related', 'folder', 'folderPath']);

const isMorph = (attribute: Attribute) =>
  attribute.type === 'relation' && (attribute.relation ?? '').startsWith('morph');

const populatable = (attribute: Attribute) =>
  ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type);

/** Every form Strapi accepts (`'*'`, `'a.b,c'`, `['a.b', 'c']`, `{ a: { populate } }`, `true`) as one object tree. */
export const populateTree = (schema: Schema, populate: unknown): PopulateTree => {
  if (populate === '*') {
    return Object.fromEntries(
      Object.entries(schema.attributes)
        .filter(([, attribute]) => populatable(attribute))
        .map(([name]) => [name, true]),
    );
  }
  if (typeof populate === 'string') return populateTree(schema, populate.split(','));
  if (Array.isArray(populate)) {
    const tree: Record<string, unknown> = {};
    for (const path of populate.filter((item): item is string => typeof item === 'string')) {
      const [head, ...rest] = path.split('.');
      if (head === '*') Object.assign(tree, populateTree(schema, '*'));
      else if (rest.length === 0) tree[head] = tree[head] ?? true;
      else {
        const existing = tree[head];
        const nested =
          typeof existing === 'object' && existing !== null
            ? ((existing as { populate?: string[] }).populate ?? [])
            : [];
        tree[head] = { populate: [...(Array.isArray(nested) ? nested : []), rest.join('.')] };
      }
    }
    return tree as PopulateTree;
  }
  if (typeof populate === 'object' && populate !== null) return populate as PopulateTree;
  return {};
};

const withFilters = (entry: PopulateEntry, filters: object[]): PopulateEntry => {
  if (filters.length === 0) return entry;
  const base = entry === true || (entry as unknown) === 'true' ? {} : entry;
  const all = base.filters === undefined ? filters : [base.filters, ...filters];
  return { ...base, filters: all.length === 1 ? all[0] : allOf(...all) };
};

/**
 * A populate tree narrowed to what a reader of `channel` may see, whatever the query asked:
 * relations to publishable types reach only published versions, relations to channel-targeted
 * types only items (and locales) targeted at the channel, and no media file leads back to the
 * documents that use it. Components and dynamic zones are walked, so a file inside `seo` is
 * narrowed like a cover.
 */
export const scopePopulate = (
  schemas: SchemaLookup,
  schema: Schema,
  populate: unknown,
  channel: Channel,
): PopulateTree | undefined => {
  if (populate === undefined || populate === null || populate === false) return undefined;
  const scoped: PopulateTree = {};
  for (const [name, entry] of Object.entries(populateTree(schema, populate))) {
    const attribute = ownAttribute(schema.attributes, name);
    // Unknown keys are left for Strapi's own validation to refuse.
    if (!attribute) {
      scoped[name] = entry;
      continue;
    }
    if (isMorph(attribute)) continue;
    const nestedOf = (target: Schema | undefined, value: PopulateEntry) =>
      typeof value === 'object' && value !== null && value.populate !== undefined && target
        ? { ...value, populate: scopePopulate(schemas, target, value.populate, channel) }
        : value;

    if (attribute.type === 'media') {
      const narrowed = nestedOf(schemas.contentType(MEDIA_UID), entry);
      scoped[name] =
        typeof narrowed === 'object' && narrowed.populate !== undefined
          ? {
              ...narrowed,
              populate: Object.fromEntries(
                Object.entries(narrowed.populate as PopulateTree).filter(
                  ([key]) => !MEDIA_BACK_REFERENCES.has(key),
                ),
              ),
            }
          : narrowed;
    } else if (attribute.type === 'relation') {
      const target = schemas.contentType(attribute.target ?? '');
      const filters: object[] = [];
      if (target?.options?.draftAndPublish === true)
        filters.push({ publishedAt: { $notNull: true } });
      if (attribute.target && isChannelTargeted(attribute.target))
        filters.push(targetedAt(channel));
      scoped[name] = withFilters(nestedOf(target, entry), filters);
    } else if (attribute.type === 'component') {
      scoped[name] = nestedOf(schemas.component(attribute.component ?? ''), entry);
    } else if (attribute.type === 'dynamiczone' && typeof entry === 'object' && entry.on) {
      scoped[name] = {
        ...entry,
        on: Object.fromEntries(
          Object.entries(entry.on).map(([uid, value]) => [
            uid,
            nestedOf(schemas.component(uid), value as PopulateEntry),
          ]),
        ),
      };
    } else {
      scoped[name] = entry;
    }
  }
  return scoped;
};
