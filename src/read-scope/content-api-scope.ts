import type { Core, Struct } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { type Channel, isChannel, targetedAt } from '../kernel/channel-flags';
import { isChannelTargeted } from '../content/registry';
import { allOf } from '../documents/all-of';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { componentSchema, contentTypeSchema } from './content-model';
import { scopePopulate, type SchemaLookup } from './populate-scope';
import { beyondScopePath } from './query-oracles';

const READ_ACTIONS: ReadonlySet<string> = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export type RequestState = { route?: { info?: { type?: string } }; channel?: unknown };

/**
 * The channel a request reads for, or null when it is not a Content API request
 * (admin panel, scheduler, seed). REST and GraphQL both mark their routes `content-api`;
 * a channel's own route (screen feed, WeChat) sets `ctx.state.channel` before reading.
 */
export const requestChannel = (state: RequestState | undefined): Channel | null => {
  if (state?.route?.info?.type !== 'content-api') return null;
  return isChannel(state.channel) ? state.channel : 'website';
};

/**
 * Every read that comes through the Content API — REST, GraphQL, with or without an API
 * token — sees only published versions, and only items targeted at the request's channel, at
 * the top and at every level it populates (relations, `localizations`, components; media never
 * lead back to the documents using them). Enforced on the Document Service so no query
 * parameter (status, filters, populate, GraphQL args) can widen it.
 */
export const contentApiScope = (strapi: Core.Strapi): DocumentMiddleware => {
  const schemas: SchemaLookup = {
    contentType: (uid) => contentTypeSchema(strapi, uid),
    component: (uid) => componentSchema(strapi, uid),
  };
  return async ({ uid, action, params }, next) => {
    if (!READ_ACTIONS.has(action)) return next();
    const channel = requestChannel(strapi.requestContext.get()?.state);
    if (channel === null) return next();

    const contentType: Struct.ContentTypeSchema = strapi.contentType(uid);
    const beyond = beyondScopePath(params);
    if (beyond) {
      const [param, ...rest] = beyond;
      throw new errors.ValidationError(
        `${param}[${rest.join('][')}] is not allowed: it reaches content this reader cannot see`,
        { param, path: beyond },
      );
    }
    // "Has unpublished changes" is editorial knowledge, not something a reader may select on.
    delete params.publicationFilter;
    delete params.hasPublishedVersion;
    params.populate = scopePopulate(schemas, contentType, params.populate, channel);
    if (contentType.options?.draftAndPublish === true) {
      params.status = 'published';
    }
    if (isChannelTargeted(uid)) {
      params.filters =
        params.filters === undefined
          ? targetedAt(channel)
          : allOf(params.filters, targetedAt(channel));
    }
    return next();
  };
};
