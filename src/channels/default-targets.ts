import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { hasLocale } from '../documents/document-rows';
import { isChannelTargeted } from '../content/registry';
import { defaultChannelTargets } from './channel-targeting';

/**
 * A new article, video or achievement created without a channel choice targets the website,
 * so that an editor who never opens the channels panel still gets a publishable item. Channel
 * targeting is per locale: a new translation (an `update` in a locale the document does not
 * have yet) starts the same way, never from another locale's choice.
 */
export const defaultTargetsOnCreate =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async ({ uid, action, params }, next) => {
    if ((action !== 'create' && action !== 'update') || !isChannelTargeted(uid)) return next();
    if (!params.data || (params.data.channels !== undefined && params.data.channels !== null))
      return next();
    const isNewLocale =
      action === 'create' ||
      (typeof params.locale === 'string' &&
        params.documentId !== undefined &&
        !(await hasLocale(strapi, { uid, documentId: params.documentId, locale: params.locale })));
    if (isNewLocale) params.data.channels = defaultChannelTargets();
    return next();
  };

/** A new translation's form starts on the website only, whatever the locale it is filled from targets. */
export const defaultTargetsOfATranslation = (
  uid: string,
  prefill: Record<string, unknown>,
): Record<string, unknown> =>
  isChannelTargeted(uid) ? { ...prefill, channels: defaultChannelTargets() } : prefill;
