import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '../content/registry';
import type { FieldLabels } from '../content/descriptor';

/**
 * The labels editors read in the content manager, in Chinese: each content type's from its
 * descriptor (src/content), then the components' (the `channels` component's from the channels,
 * added at register).
 * Strapi's default label is the attribute's API name (`digest`, `responsibleEditor`).
 */
export const FIELD_LABELS: Partial<Record<UID.ContentType | UID.Component, FieldLabels>> = {
  ...Object.fromEntries(contentTypes().map(({ uid, fieldLabels }) => [uid, fieldLabels])),
  'brand.pillar': {
    title: { label: '名称' },
    text: { label: '说明' },
  },
  'shared.metric': {
    label: { label: '指标' },
    value: { label: '数值' },
    unit: { label: '单位' },
  },
  'shared.seo': {
    metaTitle: { label: '页面标题' },
    metaDescription: { label: '页面描述' },
    keywords: { label: '关键词' },
    shareImage: { label: '分享图' },
  },
};

/** Labels declared where their fields are (the channels' in the `channels` component), at register. */
export const addFieldLabels = (labels: Record<string, FieldLabels>): void => {
  for (const [uid, fields] of Object.entries(labels))
    FIELD_LABELS[uid as UID.Component] = { ...FIELD_LABELS[uid as UID.Component], ...fields };
};

type FieldMetadata = { edit?: { label?: string; description?: string }; list?: { label?: string } };
type Configuration = { metadatas?: Record<string, FieldMetadata> };
type ConfigurationService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

/**
 * The labels of FIELD_LABELS set where they are still Strapi's defaults (the API name, an empty
 * description): an administrator who renamed a label in the panel keeps their wording.
 * Returns the labels changed.
 */
export const labelFieldsInChinese = async (strapi: Core.Strapi): Promise<number> => {
  const contentManager = strapi.plugin('content-manager');
  let changed = 0;
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    if (!labels) continue;
    const isComponent = uid in strapi.components;
    if (!isComponent && !(uid in strapi.contentTypes)) continue;
    // Boundary: the content manager's services are untyped; these two methods are all we use.
    const service = contentManager.service<ConfigurationService>(
      isComponent ? 'components' : 'content-types',
    );
    const configuration = await service.findConfiguration({ uid });
    const metadatas = configuration.metadatas ?? {};
    let changedHere = 0;
    for (const [field, { label, description }] of Object.entries(labels)) {
      const { edit, list } = metadatas[field] ?? {};
      if (edit?.label === field) {
        edit.label = label;
        changedHere += 1;
      }
      if (list?.label === field) {
        list.label = label;
        changedHere += 1;
      }
      if (edit && description && !edit.description) {
        edit.description = description;
        changedHere += 1;
      }
    }
    if (changedHere > 0)
      await service.updateConfiguration({ uid }, { ...configuration, metadatas });
    changed += changedHere;
  }
  return changed;
};
