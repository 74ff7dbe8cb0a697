import type { Core, Schema, Struct } from '@strapi/strapi';
import { columnOf } from '../documents/document-rows';
import { contentTypeSchema, isComponentUid, isContentTypeUid } from '../read-scope/content-model';

export const FILE_UID = 'plugin::upload.file';

export type LiveUse = { uid: string; documentId: string; locale: string | null; title: string };

type Row = Record<string, unknown>;

const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid).tableName;

const holds = (attribute: Schema.Attribute.AnyAttribute, componentUid: string) =>
  (attribute.type === 'component' && attribute.component === componentUid) ||
  (attribute.type === 'dynamiczone' && attribute.components.some((uid) => uid === componentUid));

/** Content types and components holding a component of `componentUid` (in a component field or a dynamic zone). */
const holdersOf = (
  strapi: Core.Strapi,
  componentUid: string,
): Array<Struct.ContentTypeSchema | Struct.ComponentSchema> => {
  const schemas: Array<Struct.ContentTypeSchema | Struct.ComponentSchema> = [
    ...Object.values(strapi.contentTypes),
    ...Object.values(strapi.components),
  ];
  return schemas.filter((schema) =>
    Object.values(schema.attributes).some((attribute) => holds(attribute, componentUid)),
  );
};

/** The content-type rows (uid and row) that hold row `id` of `uid`, through components of any depth. */
const owningRows = async (
  strapi: Core.Strapi,
  uid: string,
  id: number,
  depth = 0,
): Promise<Array<{ uid: string; row: Row }>> => {
  const knex = strapi.db.connection;
  if (isContentTypeUid(strapi, uid)) {
    const row = await knex(tableOf(strapi, uid)).where({ id }).first();
    return row ? [{ uid, row }] : [];
  }
  if (!isComponentUid(strapi, uid) || depth > 5) return [];
  const owners: Array<{ uid: string; row: Row }> = [];
  for (const holder of holdersOf(strapi, uid)) {
    const links = await knex(`${tableOf(strapi, holder.uid)}_cmps`)
      .where({ cmp_id: id, component_type: uid })
      .select('entity_id');
    for (const link of links)
      owners.push(...(await owningRows(strapi, holder.uid, link.entity_id, depth + 1)));
  }
  return owners;
};

const titleOf = (row: Row) => String(row.title ?? row.name ?? row.document_id ?? row.id);

const isLive = (strapi: Core.Strapi, uid: string, row: Row) =>
  contentTypeSchema(strapi, uid)?.options?.draftAndPublish !== true ||
  (row.published_at !== null && row.published_at !== undefined);

const useOf = (uid: string, row: Row): LiveUse => ({
  uid,
  documentId: String(row.document_id),
  locale: (row.locale as string | undefined) ?? null,
  title: titleOf(row),
});

/** The live versions that hold row `id` of `uid` (a content type's row, or a component's of any depth). */
export const liveOwnersOfRow = async (
  strapi: Core.Strapi,
  uid: string,
  id: number,
): Promise<LiveUse[]> =>
  (await owningRows(strapi, uid, id))
    .filter(({ uid: owner, row }) => isLive(strapi, owner, row))
    .map(({ uid: owner, row }) => useOf(owner, row));

/** Live rows whose rich text (blocks) shows `url`: body images keep their URL, not a media link. */
const liveUsesInRichText = async (strapi: Core.Strapi, url: string): Promise<LiveUse[]> => {
  const knex = strapi.db.connection;
  const uses: LiveUse[] = [];
  const contentTypes: Array<[string, Struct.ContentTypeSchema]> = Object.entries(
    strapi.contentTypes,
  );
  for (const [uid, schema] of contentTypes) {
    if (!uid.startsWith('api::')) continue;
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type !== 'blocks') continue;
      const rows = await knex(tableOf(strapi, uid))
        .whereRaw('CAST(?? AS TEXT) LIKE ?', [columnOf(strapi, uid, name), `%${url}%`])
        .select(
          'id',
          'document_id',
          'locale',
          'published_at',
          ...['title', 'name'].filter((field) => field in schema.attributes),
        );
      uses.push(
        ...(rows as Row[]).filter((row) => isLive(strapi, uid, row)).map((row) => useOf(uid, row)),
      );
    }
  }
  return uses;
};

/**
 * Every live version (a published row, or any row of a type without drafts) that shows file
 * `fileId`: as a media field, inside a component, or as an image in rich text. Media are shared by
 * a document's draft, its live version and its locales; a change to the file would change what
 * readers see without review.
 */
export const liveUsesOfFile = async (strapi: Core.Strapi, fileId: number): Promise<LiveUse[]> => {
  const knex = strapi.db.connection;
  const links = await knex('files_related_mph')
    .where({ file_id: fileId })
    .select('related_type', 'related_id');
  const uses = new Map<string, LiveUse>();
  const add = (use: LiveUse) => uses.set(`${use.uid}:${use.documentId}:${use.locale}`, use);
  for (const link of links as Array<{ related_type: string; related_id: number }>) {
    (await liveOwnersOfRow(strapi, link.related_type, link.related_id)).forEach(add);
  }
  const file = await knex('files').where({ id: fileId }).first('url');
  if (file?.url) (await liveUsesInRichText(strapi, file.url)).forEach(add);
  return [...uses.values()];
};
