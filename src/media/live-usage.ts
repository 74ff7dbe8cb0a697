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

/**
 * Every live version (a published row, or any row of a type without drafts) that shows file
 * `fileId`, directly or through a component. Media are shared by a document's draft, its live
 * version and its locales; a change to the file would change what readers see without review.
 */
export const liveUsesOfFile = async (strapi: Core.Strapi, fileId: number): Promise<LiveUse[]> => {
  const links = await strapi.db.connection('files_related_mph').where({ file_id: fileId }).select('related_type', 'related_id');
  const uses = new Map<string, LiveUse>();
  for (const link of links as Array<{ related_type: string; related_id: number }>) {
    for (const { uid, row } of await owningRows(strapi, link.related_type, link.related_id)) {
      const hasDrafts = (strapi.contentTypes[uid as never] as unknown as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish === true;
      if (hasDrafts && (row.published_at === null || row.published_at === undefined)) continue;
      const use = { uid, documentId: String(row.document_id), locale: (row.locale as string | undefined) ?? null, title: titleOf(row) };
      uses.set(`${uid}:${use.documentId}:${use.locale}`, use);
    }
  }
  return [...uses.values()];
};
