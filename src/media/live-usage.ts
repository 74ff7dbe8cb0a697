import type { Core } from '@strapi/strapi';

export const FILE_UID = 'plugin::upload.file';

export type LiveUse = { uid: string; documentId: string; locale: string | null; title: string };

type Attribute = { type: string; component?: string; components?: string[] };
type Model = { uid: string; tableName: string };
type Row = Record<string, unknown>;

const modelOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as never) as unknown as Model;

/** Content types and components holding a component of `componentUid` (in a component field or a dynamic zone). */
const holdersOf = (strapi: Core.Strapi, componentUid: string): Model[] =>
  [...Object.keys(strapi.contentTypes), ...Object.keys(strapi.components)]
    .map((uid) => strapi.contentTypes[uid as never] ?? strapi.components[uid as never])
    .filter((schema) =>
      Object.values((schema as unknown as { attributes: Record<string, Attribute> }).attributes).some(
        (attribute) => (attribute.type === 'component' && attribute.component === componentUid) || (attribute.type === 'dynamiczone' && attribute.components?.includes(componentUid))
      )
    )
    .map((schema) => modelOf(strapi, (schema as unknown as { uid: string }).uid));

/** The content-type rows (uid and row) that hold row `id` of `uid`, through components of any depth. */
const owningRows = async (strapi: Core.Strapi, uid: string, id: number, depth = 0): Promise<Array<{ uid: string; row: Row }>> => {
  const knex = strapi.db.connection;
  if (strapi.contentTypes[uid as never]) {
    const row = await knex(modelOf(strapi, uid).tableName).where({ id }).first();
    return row ? [{ uid, row }] : [];
  }
  if (!strapi.components[uid as never] || depth > 5) return [];
  const owners: Array<{ uid: string; row: Row }> = [];
  for (const holder of holdersOf(strapi, uid)) {
    const links = await knex(`${holder.tableName}_cmps`).where({ cmp_id: id, component_type: uid }).select('entity_id');
    for (const link of links) owners.push(...(await owningRows(strapi, holder.uid, link.entity_id, depth + 1)));
  }
  return owners;
};

const titleOf = (row: Row) => String(row.title ?? row.name ?? row.document_id ?? row.id);

const isLive = (strapi: Core.Strapi, uid: string, row: Row) =>
  (strapi.contentTypes[uid as never] as unknown as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish !== true || (row.published_at !== null && row.published_at !== undefined);

const useOf = (uid: string, row: Row): LiveUse => ({ uid, documentId: String(row.document_id), locale: (row.locale as string | undefined) ?? null, title: titleOf(row) });

/** The live versions that hold row `id` of `uid` (a content type's row, or a component's of any depth). */
export const liveOwnersOfRow = async (strapi: Core.Strapi, uid: string, id: number): Promise<LiveUse[]> =>
  (await owningRows(strapi, uid, id)).filter(({ uid: owner, row }) => isLive(strapi, owner, row)).map(({ uid: owner, row }) => useOf(owner, row));

/** Live rows whose rich text (blocks) shows `url`: body images keep their URL, not a media link. */
const liveUsesInRichText = async (strapi: Core.Strapi, url: string): Promise<LiveUse[]> => {
  const knex = strapi.db.connection;
  const uses: LiveUse[] = [];
  for (const [uid, schema] of Object.entries(strapi.contentTypes) as Array<[string, { attributes: Record<string, Attribute> }]>) {
    if (!uid.startsWith('api::')) continue;
    const model = strapi.db.metadata.get(uid as never) as unknown as Model & { attributes: Record<string, { columnName?: string }> };
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type !== 'blocks') continue;
      const column = model.attributes[name]?.columnName ?? name;
      const rows = await knex(model.tableName).whereRaw('CAST(?? AS TEXT) LIKE ?', [column, `%${url}%`]).select('id', 'document_id', 'locale', 'published_at', ...(['title', 'name'].filter((field) => field in schema.attributes)));
      uses.push(...(rows as Row[]).filter((row) => isLive(strapi, uid, row)).map((row) => useOf(uid, row)));
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
  const links = await knex('files_related_mph').where({ file_id: fileId }).select('related_type', 'related_id');
  const uses = new Map<string, LiveUse>();
  const add = (use: LiveUse) => uses.set(`${use.uid}:${use.documentId}:${use.locale}`, use);
  for (const link of links as Array<{ related_type: string; related_id: number }>) {
    (await liveOwnersOfRow(strapi, link.related_type, link.related_id)).forEach(add);
  }
  const file = await knex('files').where({ id: fileId }).first('url');
  if (file?.url) (await liveUsesInRichText(strapi, file.url)).forEach(add);
  return [...uses.values()];
};
