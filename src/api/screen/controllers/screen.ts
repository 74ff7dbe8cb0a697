import type { Core } from '@strapi/strapi';
import { screenEventsOf } from '../../../channels/screen';
import { liveContentCache } from '../../../channels/live-content-cache';
import { notModified, strongEtag } from '../../../response-cache/etag';
import { buildScreenFeed, startOfMonth } from '../../../channels/screen/screen-feed';
import { openScreenStream } from '../../../channels/screen/screen-stream';
import { requestedLocale } from '../../../i18n/locales';

type Context = Parameters<typeof openScreenStream>[0] & {
  query: Record<string, string | undefined>;
  request: { origin: string; header: Record<string, string | undefined> };
  state: Record<string, unknown>;
  type: string;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cachedFeed = liveContentCache<{ body: string; etag: string }>();

  return {
    async feed(ctx: Context) {
      const locale = await requestedLocale(strapi, ctx.query.locale);

      ctx.state.channel = 'screen'; // the Content API scope narrows reads to screen-targeted items
      const now = new Date();
      const timeZone = strapi.config.get('screens.timeZone') as string;
      const mediaBase = (strapi.config.get('server.url') as string) || ctx.request.origin;
      // The month is part of the key: "published this month" changes when it does.
      const key = `${locale}|${mediaBase}|${startOfMonth(now, timeZone).toISOString()}`;
      const { body, etag } = await cachedFeed(strapi, key, async () => {
        const built = JSON.stringify({ data: await buildScreenFeed(strapi, { locale, now, timeZone, mediaBase }) });
        return { body: built, etag: strongEtag(built) };
      });
      ctx.set({ ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Authorization' });
      if (notModified(ctx.request.header['if-none-match'], etag)) {
        ctx.status = 304;
        return;
      }
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = body;
    },

    async stream(ctx: Context) {
      const lastEventId = Number(ctx.request.header['last-event-id'] ?? ctx.query.lastEventId ?? 0);
      await openScreenStream(ctx, screenEventsOf(strapi), {
        lastEventId: Number.isFinite(lastEventId) && lastEventId > 0 ? lastEventId : 0,
        heartbeatMs: (strapi.config.get('screens.heartbeatSeconds') as number) * 1000,
      });
    },
  };
};
