import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { DocumentRef } from '../../documents/document-rows';
import { inFlightWork } from '../../lifecycle/in-flight';
import { liveTargets } from '../channel-targeting';
import { localScreenEvents, redisScreenEvents, type ScreenEventBus } from './screen-events';

const buses = new WeakMap<Core.Strapi, ScreenEventBus>();

// Notices on their way out: a shutdown waits for them, so a last publish still reaches screens.
const notices = inFlightWork('screen event not sent');

export const screenEventsOf = (strapi: Core.Strapi): ScreenEventBus => {
  const bus = buses.get(strapi);
  if (!bus) throw new Error('Screen events are not started');
  return bus;
};

/**
 * Brand profiles go to every screen; other items only when their live version targets screens.
 * Every unpublish is announced: the version that left may have been on screens, and a screen
 * re-reading an unchanged feed costs one 304.
 */
const concernsScreens = async (
  strapi: Core.Strapi,
  type: 'publish' | 'unpublish',
  notice: DocumentRef,
): Promise<boolean> =>
  notice.uid === UID.brand ||
  type === 'unpublish' ||
  (await liveTargets(strapi, notice))?.screen === true;

/** Screen events of this server, through Redis when REDIS_URL is set (to the screens of every instance). */
export const startScreenEvents = (strapi: Core.Strapi): void => {
  const redisUrl = strapi.config.get<string>('screens.redisUrl');
  const bus = redisUrl
    ? redisScreenEvents(redisUrl, strapi.config.get<string>('screens.redisPrefix'))
    : localScreenEvents();
  buses.set(strapi, bus);
};

/** Each locale of a committed release or takedown that concerns screens becomes a screen event. */
export const announceToScreens = (
  strapi: Core.Strapi,
  type: 'publish' | 'unpublish',
  { uid, documentId }: Omit<DocumentRef, 'locale'>,
  locales: readonly string[],
): void => {
  const bus = screenEventsOf(strapi);
  for (const locale of locales)
    notices.start(strapi, async () => {
      if (await concernsScreens(strapi, type, { uid, documentId, locale }))
        await bus.publish({ type, uid, documentId, locale, at: new Date().toISOString() });
    });
};

export const stopScreenEvents = async (strapi: Core.Strapi): Promise<void> => {
  await notices.drain(strapi);
  await buses.get(strapi)?.close();
  buses.delete(strapi);
};
