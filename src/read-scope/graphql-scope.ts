import type { Core, Schema, Struct } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isChannelTargeted } from '../content/registry';
import { requestChannel, type RequestState } from './content-api-scope';
import { contentTypeSchema, isContentTypeUid } from './content-model';
import { MEDIA_UID } from './populate-scope';
import { beyondScopePath } from './query-oracles';

type ResolverContext = { state?: RequestState };
type Resolver = (
  parent: unknown,
  args: Record<string, unknown>,
  context: ResolverContext,
  info: unknown,
) => unknown;

const relationTarget = (attribute: Schema.Attribute.AnyAttribute): string | undefined =>
  attribute.type === 'relation' && 'target' in attribute ? attribute.target : undefined;

/**
 * GraphQL resolves relation fields itself (straight from the database, not through the
 * Document Service), so the read scope is added to their arguments here: published versions
 * only, and for channel-targeted types only items targeted at the reader's channel. Generated
 * from the content model: a new relation is covered without a line here.
 */
const scopedRelation =
  (target: Struct.ContentTypeSchema) =>
  (
    resolve: Resolver,
    parent: unknown,
    args: Record<string, unknown>,
    context: ResolverContext,
    info: unknown,
  ) => {
    const beyond = beyondScopePath({ filters: args.filters, sort: args.sort });
    if (beyond)
      throw new errors.ValidationError(
        `${beyond.join('.')} is not allowed: it reaches content this reader cannot see`,
      );
    const channel = requestChannel(context.state) ?? 'website';
    const scope: object[] = [];
    if (target.options?.draftAndPublish === true) scope.push({ publishedAt: { notNull: true } });
    if (isChannelTargeted(target.uid)) scope.push({ channels: { [channel]: { eq: true } } });
    const filters = args.filters === undefined ? scope : [args.filters, ...scope];
    return resolve(
      parent,
      { ...args, filters: filters.length === 1 ? filters[0] : { and: filters } },
      context,
      info,
    );
  };

type RootContext = { rootQueryArgsByPath?: Map<unknown, Record<string, unknown>> };

/**
 * "Has unpublished changes" is editorial knowledge. Root arguments that select on it are
 * dropped, also from the copy Strapi records for the relation fields below the root.
 */
const withoutPublicationFilters = (
  resolve: Resolver,
  parent: unknown,
  args: Record<string, unknown>,
  context: RootContext & ResolverContext,
  info: { path?: { key?: unknown } },
) => {
  const { publicationFilter: _filter, hasPublishedVersion: _published, ...rest } = args;
  const recorded = context.rootQueryArgsByPath?.get(info.path?.key);
  if (recorded) {
    delete recorded.publicationFilter;
    delete recorded.hasPublishedVersion;
  }
  return resolve(parent, rest, context, info);
};

export const registerGraphqlReadScope = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  const { naming } = graphql.service('utils');

  // Files are reached through the content that uses them (the media library has no query of
  // its own: access/public-model.ts) and never lead back to it: `related` reaches drafts and
  // other channels.
  extension.shadowCRUD(MEDIA_UID).field('related').disable();
  extension.shadowCRUD('plugin::upload.folder').disable();

  const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
  const contentTypes: Struct.ContentTypeSchema[] = Object.values(strapi.contentTypes);
  const components: Struct.ComponentSchema[] = Object.values(strapi.components);
  const holders = [
    ...contentTypes
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .map((model) => ({ model, typeName: naming.getTypeName(model) as string })),
    ...components.map((model) => ({ model, typeName: naming.getComponentName(model) as string })),
  ];
  for (const { model: contentType, typeName } of holders) {
    for (const [name, attribute] of Object.entries(contentType.attributes)) {
      const targetUid = relationTarget(attribute);
      const target = targetUid ? contentTypeSchema(strapi, targetUid) : undefined;
      if (!target || (target.options?.draftAndPublish !== true && !isChannelTargeted(target.uid)))
        continue;
      // Filtering on another locale would let a reader probe an off-channel translation.
      if (name === 'localizations')
        extension.shadowCRUD(contentType.uid).field(name).disableFilters();
      for (const field of [name, `${name}_connection`])
        resolversConfig[`${typeName}.${field}`] = { middlewares: [scopedRelation(target)] };
    }
  }
  for (const { model } of holders.filter(
    ({ model: candidate }) =>
      candidate.options?.draftAndPublish === true && isContentTypeUid(strapi, candidate.uid),
  )) {
    for (const field of [
      naming.getFindQueryName(model),
      naming.getFindOneQueryName(model),
      naming.getFindConnectionQueryName(model),
    ] as string[]) {
      resolversConfig[`Query.${field}`] = { middlewares: [withoutPublicationFilters] };
    }
  }
  extension.use({ resolversConfig });
};
