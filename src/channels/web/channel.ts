import type { PublishingChannel } from '../channel';
import { storeLiveRenderings } from './rendered';

/**
 * The website (and partner sites reading the Content API): the default target. A release stores
 * the HTML of what went live inside its transaction, so a reader never gets a live version
 * without its rendering.
 */
export const websiteChannel: PublishingChannel = {
  name: 'website',
  flag: 'targetsWebsite',
  label: { zh: '网站', en: 'Website' },
  targetedByDefault: true,
  previewView: 'website',
  inRelease: (strapi, { uid, documentId, locales }) =>
    storeLiveRenderings(strapi, uid, documentId, [...locales]),
};
