import type { Core, Modules } from '@strapi/strapi';
import { defaultChannelTargets, isChannelTargeted } from './channel-targeting';

type Middleware = Modules.Documents.Middleware.Middleware;
type Params = { documentId?: string; locale?: unknown; data?: { channels?: unknown } };

/**
 * A new article, video or achievement created without a channel choice targets the website,
 * so that an editor who never opens the channels panel still gets a publishable item. Channel
 * targeting is per locale: a new translation (an `update` in a locale the document does not
 * have yet) starts the same way, never from another locale's choice.
 */
export const defaultTargetsOnCreate =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if ((context.action !== 'create' && context.action !== 'update') || !isChannelTargeted(context.uid)) return next();
    const params = context.params as Params;
    if (!params.data || (params.data.channels !== undefined && params.data.channels !== null)) return next();
    const isNewLocale =
      context.action === 'create' ||
      (typeof params.locale === 'string' &&
        params.documentId !== undefined &&
        (await strapi.db.query(context.uid as never).count({ where: { documentId: params.documentId, locale: params.locale } })) === 0);
    if (isNewLocale) params.data.channels = defaultChannelTargets();
    return next();
  };
