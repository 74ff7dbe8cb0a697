import type { Core } from '@strapi/strapi';
import type { ContentTypeDescriptor } from '../content/descriptor';
import { contentTypes } from '../content/registry';

/**
 * The list an editor needs, per type: its columns, from its descriptor's `listColumns` (besides
 * 审核状态 and 发布时间, which the panel adds: src/admin/workflow/ReviewStateList.tsx), newest
 * change first. Strapi's default listed the first four attributes (id, title, slug, digest)
 * sorted by title.
 */
export const EDITOR_LIST_VIEWS: Readonly<Record<string, { columns: readonly string[] }>> =
  Object.fromEntries(
    contentTypes().flatMap(
      (type: ContentTypeDescriptor): Array<[string, { columns: readonly string[] }]> =>
        type.listColumns ? [[type.uid, { columns: type.listColumns }]] : [],
    ),
  );

type ListConfiguration = {
  settings: Record<string, unknown>;
  layouts: { list: string[] } & Record<string, unknown>;
} & Record<string, unknown>;
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<ListConfiguration>;
  updateConfiguration(model: { uid: string }, configuration: ListConfiguration): Promise<unknown>;
};

// Applied once per type: a list an administrator arranges afterwards is theirs.
const appliedMarker = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'brand-cms', key: 'editor-list-views-applied' });

/** Sets each type's list columns and newest-first order, once; returns the types it set. */
export const applyEditorListViews = async (strapi: Core.Strapi): Promise<string[]> => {
  const applied = new Set(((await appliedMarker(strapi).get({})) as string[] | null) ?? []);
  // Boundary: the content manager's services are untyped; these two methods are all we use.
  const service = strapi.plugin('content-manager').service<ConfigurationService>('content-types');
  const setNow: string[] = [];
  for (const [uid, { columns }] of Object.entries(EDITOR_LIST_VIEWS)) {
    if (applied.has(uid)) continue;
    const configuration = await service.findConfiguration({ uid });
    await service.updateConfiguration(
      { uid },
      {
        ...configuration,
        settings: {
          ...configuration.settings,
          defaultSortBy: 'updatedAt',
          defaultSortOrder: 'DESC',
        },
        layouts: { ...configuration.layouts, list: [...columns] },
      },
    );
    setNow.push(uid);
  }
  if (setNow.length > 0) await appliedMarker(strapi).set({ value: [...applied, ...setNow] });
  return setNow;
};
