import { BUILT_IN_FLAGS } from '../../kernel/channel-flags';
import type { PublishingChannel } from '../channel';
import { websitePreview } from './preview-view';
import { storeLiveRenderings } from './rendered';

/**
 * The website (and partner sites reading the Content API): the default target. A release stores
 * the HTML of what went live inside its transaction, so a reader never gets a live version
 * without its rendering.
 */
export const websiteChannel: PublishingChannel = {
  name: 'website',
  flag: BUILT_IN_FLAGS.website,
  label: { zh: '网站', en: 'Website' },
  targetedByDefault: true,
  preview: websitePreview,
  inRelease: (strapi, { uid, documentId, locales }) =>
    storeLiveRenderings(strapi, uid, documentId, [...locales]),
};
