import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { DocumentRef } from '../../documents/document-rows';
import { inFlightWork } from '../../lifecycle/in-flight';
import { WORKFLOW_EVENTS } from '../../workflow/webhook-events';
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

/**
 * Every publish and unpublish the workflow announces becomes a screen event, fanned out to the
 * screens connected to any instance (through Redis when REDIS_URL is set).
 */
export const startScreenEvents = (strapi: Core.Strapi): void => {
  const redisUrl = strapi.config.get('screens.redisUrl') as string;
  const bus = redisUrl
    ? redisScreenEvents(redisUrl, strapi.config.get('screens.redisPrefix') as string)
    : localScreenEvents();
  buses.set(strapi, bus);
  for (const [event, type] of [
    [WORKFLOW_EVENTS.publish, 'publish'],
    [WORKFLOW_EVENTS.unpublish, 'unpublish'],
  ] as const) {
    strapi.eventHub.on(event, async (notice: DocumentRef) =>
      notices.start(strapi, async () => {
        if (await concernsScreens(strapi, type, notice)) {
          await bus.publish({
            type,
            uid: notice.uid,
            documentId: notice.documentId,
            locale: notice.locale,
            at: new Date().toISOString(),
          });
        }
      }),
    );
  }
};

export const stopScreenEvents = async (strapi: Core.Strapi): Promise<void> => {
  await notices.drain(strapi);
  await buses.get(strapi)?.close();
  buses.delete(strapi);
};
