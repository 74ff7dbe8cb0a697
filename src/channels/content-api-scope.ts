import type { Core, Modules } from '@strapi/strapi';
import { CHANNELS, type Channel, isChannelTargeted, targetedAt } from './channel-targeting';

type Middleware = Modules.Documents.Middleware.Middleware;

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
 * token — sees only published versions, and only items targeted at the request's channel.
 * Enforced on the Document Service so no query parameter (status, filters, GraphQL args)
 * can widen it.
 */
export const contentApiScope =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const channel = requestChannel(strapi.requestContext.get()?.state as RequestState | undefined);
    if (channel === null) return next();

    const params = context.params as { status?: string; filters?: object };
    if (context.contentType.options?.draftAndPublish === true) {
      params.status = 'published';
    }
    if (isChannelTargeted(context.uid)) {
      params.filters = params.filters === undefined ? targetedAt(channel) : { $and: [params.filters, targetedAt(channel)] };
    }
    return next();
  };
