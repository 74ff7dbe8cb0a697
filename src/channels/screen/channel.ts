import { BUILT_IN_FLAGS } from '../../kernel/channel-flags';
import type { PublishingChannel } from '../channel';
import { screenPreview } from './preview-view';
import { announceToScreens, startScreenEvents, stopScreenEvents } from './index';
import { presentedScreenToken, screenMayRead } from './screen-access';

/** The display screens: each release and takedown becomes a screen event (SSE). */
export const screenChannel: PublishingChannel = {
  name: 'screen',
  flag: BUILT_IN_FLAGS.screen,
  label: { zh: '大屏', en: 'Display screens' },
  preview: screenPreview,
  cachedFeed: {
    path: '/screen/feed',
    mayRead: (strapi, authorization, queryToken) =>
      screenMayRead(strapi, presentedScreenToken(authorization, queryToken)),
  },
  pointEvents: ['screen'],
  start: startScreenEvents,
  stop: stopScreenEvents,
  afterRelease: async (strapi, { uid, documentId, locales }) =>
    announceToScreens(strapi, 'publish', { uid, documentId }, locales),
  afterTakedown: async (strapi, { uid, documentId, locales }) =>
    announceToScreens(strapi, 'unpublish', { uid, documentId }, locales),
};
