import type { Core, Struct } from '@strapi/strapi';
import type { ContentTypeDescriptor } from './descriptor';
import { contentTypes } from './registry';

/** As much of a Strapi model as the check reads. */
export type ModelShape = {
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, { type?: string; enum?: string[] }>;
};

export const REVIEW_CHAIN_UID = 'api::workflow.review-chain';
const CHAIN_ENUM_FILE = 'src/api/workflow/content-types/review-chain/schema.json';

/**
 * Where the registry and the models disagree, each said in one line: a descriptor whose schema
 * is missing or says otherwise, and a type the review chain's `contentType` enum names that no
 * publishable descriptor declares (its stored chain would belong to nothing).
 */
export const registryMismatches = (
  modelOf: (uid: string) => ModelShape | undefined,
  types: readonly ContentTypeDescriptor[] = contentTypes(),
): string[] => {
  const problems: string[] = [];
  for (const type of types) {
    const model = modelOf(type.uid);
    if (!model) {
      problems.push(`${type.uid} is registered (src/content/types.ts) but has no schema`);
      continue;
    }
    const says = (what: string, declared: boolean, found: boolean) => {
      if (declared !== found)
        problems.push(`${type.uid}: its descriptor says ${what} ${declared}, its schema ${found}`);
    };
    says(
      'publishable (draftAndPublish)',
      type.publishable,
      model.options?.draftAndPublish === true,
    );
    says('localized (i18n)', type.localized, model.pluginOptions?.i18n?.localized === true);
    says(
      'channelTargeted (a `channels` attribute)',
      type.channelTargeted,
      'channels' in model.attributes,
    );
  }
  const publishable = new Set<string>(
    types.filter((type) => type.publishable).map(({ uid }) => uid),
  );
  const unknown = (modelOf(REVIEW_CHAIN_UID)?.attributes.contentType?.enum ?? []).filter(
    (uid) => !publishable.has(uid),
  );
  if (unknown.length > 0)
    problems.push(
      `the review chain's contentType enum (${CHAIN_ENUM_FILE}) lists ${unknown.join(', ')}, which no publishable descriptor declares`,
    );
  return problems;
};

/** The publishable types the review chain's enum lacks: a type registered after the schema was written. */
export const missingFromChainEnum = (
  chainEnum: readonly string[],
  types: readonly ContentTypeDescriptor[] = contentTypes(),
): string[] =>
  types.filter((type) => type.publishable && !chainEnum.includes(type.uid)).map(({ uid }) => uid);

/** `pluginOptions.i18n.localized`, which Strapi types as unknown. */
const localizedIn = (pluginOptions: unknown): boolean => {
  if (typeof pluginOptions !== 'object' || pluginOptions === null || !('i18n' in pluginOptions))
    return false;
  const { i18n } = pluginOptions;
  return (
    typeof i18n === 'object' && i18n !== null && 'localized' in i18n && i18n.localized === true
  );
};

const modelShapeOf = (model: Struct.ContentTypeSchema): ModelShape => ({
  options: { draftAndPublish: model.options?.draftAndPublish },
  pluginOptions: { i18n: { localized: localizedIn(model.pluginOptions) } },
  attributes: Object.fromEntries(
    Object.entries(model.attributes).map(([name, attribute]) => [
      name,
      {
        type: attribute.type,
        enum: attribute.type === 'enumeration' ? attribute.enum : undefined,
      },
    ]),
  ),
});

/**
 * At register, before Strapi builds its models: refuses to start while the registry and the
 * schemas disagree (naming every disagreement), and adds to the review chain's enum the
 * publishable types it lacks, so a new type needs no edit of the workflow's schema.
 */
export const registerContentTypes = (strapi: Core.Strapi): void => {
  const models = new Map<string, Struct.ContentTypeSchema>(Object.entries(strapi.contentTypes));
  const problems = registryMismatches((uid) => {
    const model = models.get(uid);
    return model ? modelShapeOf(model) : undefined;
  });
  if (problems.length > 0)
    throw new Error(
      `The registered content types (src/content/types.ts) and their schemas disagree:\n- ${problems.join('\n- ')}`,
    );
  const contentType = models.get(REVIEW_CHAIN_UID)?.attributes.contentType;
  if (contentType?.type !== 'enumeration')
    throw new Error(`${REVIEW_CHAIN_UID} has no contentType enumeration`);
  const missing = missingFromChainEnum(contentType.enum);
  if (missing.length > 0) contentType.enum = [...contentType.enum, ...missing];
};
