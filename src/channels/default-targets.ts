import type { Modules } from '@strapi/strapi';
import { defaultChannelTargets, isChannelTargeted } from './channel-targeting';

type Middleware = Modules.Documents.Middleware.Middleware;

/**
 * A new article, video or achievement created without a channel choice targets the website,
 * so that an editor who never opens the channels panel still gets a publishable item.
 */
export const defaultTargetsOnCreate: Middleware = async (context, next) => {
  if (context.action === 'create' && isChannelTargeted(context.uid)) {
    const params = context.params as { data?: { channels?: unknown } };
    if (params.data && (params.data.channels === undefined || params.data.channels === null)) {
      params.data.channels = defaultChannelTargets();
    }
  }
  return next();
};
