import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CHANNELS, type Channel, isChannelTargeted, targetedAt } from '../channels/channel-targeting';
import { scopePopulate, type SchemaLookup } from './populate-scope';

type Middleware = Modules.Documents.Middleware.Middleware;

// Filtering through these would let a reader test the text of versions they cannot read
// (another locale's draft or off-channel translation; every document using a file).
const UNFILTERABLE = new Set(['localizations', 'related']);

/** The first filter key that reaches past the read scope, as a path, or null. */
export const unscopedFilterPath = (filters: unknown, path: string[] = []): string[] | null => {
  if (typeof filters !== 'object' || filters === null) return null;
  for (const [key, value] of Object.entries(filters)) {
    if (UNFILTERABLE.has(key)) return [...path, key];
    const found = unscopedFilterPath(value, [...path, key]);
    if (found) return found;
  }
  return null;
};

const READ_ACTIONS: ReadonlySet<string> = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type RequestState = { route?: { info?: { type?: string } }; channel?: unknown };

/**
 * The channel a request reads for, or null when it is not a Content API request
 * (admin panel, scheduler, seed). REST and GraphQL both mark their routes `content-api`;
 * a channel's own route (screen feed, WeChat) sets `ctx.state.channel` before reading.
 */
export const requestChannel = (state: RequestState | undefined): Channel | null => {
  if (state?.route?.info?.type !== 'content-api') return null;
  const chosen = state.channel;
  return CHANNELS.includes(chosen as Channel) ? (chosen as Channel) : 'website';
};

/**
 * Every read that comes through the Content API — REST, GraphQL, with or without an API
 * token — sees only published versions, and only items targeted at the request's channel, at
 * the top and at every level it populates (relations, `localizations`, components; media never
 * lead back to the documents using them). Enforced on the Document Service so no query
 * parameter (status, filters, populate, GraphQL args) can widen it.
 */
export const contentApiScope =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const channel = requestChannel(strapi.requestContext.get()?.state as RequestState | undefined);
    if (channel === null) return next();

    const params = context.params as { status?: string; filters?: object; populate?: unknown };
    const unscoped = unscopedFilterPath(params.filters);
    if (unscoped) throw new errors.ValidationError(`filters[${unscoped.join('][')}] is not allowed: it reaches content this reader cannot see`, { param: 'filters', path: unscoped });
    const schemas = { contentType: (uid: string) => strapi.contentTypes[uid as never], component: (uid: string) => strapi.components[uid as never] } as unknown as SchemaLookup;
    params.populate = scopePopulate(schemas, context.contentType as never, params.populate, channel);
    if (context.contentType.options?.draftAndPublish === true) {
      params.status = 'published';
    }
    if (isChannelTargeted(context.uid)) {
      params.filters = params.filters === undefined ? targetedAt(channel) : { $and: [params.filters, targetedAt(channel)] };
    }
    return next();
  };
