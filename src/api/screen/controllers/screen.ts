import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { screenEventsOf } from '../../../channels/screen';
import { liveContentCache } from '../../../kernel/live-content-version';
import { notModified, strongEtag } from '../../../response-cache/etag';
import { buildScreenFeed, startOfMonth } from '../../../channels/screen/screen-feed';
import { openScreenStream } from '../../../channels/screen/screen-stream';
import { presentedScreenToken } from '../../../channels/screen/screen-access';
import { rateLimitsOf } from '../../../rate-limits';
import { retryAfterSeconds, tooManyRequestsBody } from '../../../rate-limits/too-many-requests';
import { requestedLocale } from '../../../i18n/locales';
import { periodOf } from '../../../participation/periods';
import { screenRankings } from '../../../participation/screen-rankings';

type Context = Parameters<typeof openScreenStream>[0] & {
  query: Record<string, string | undefined>;
  request: { origin: string; ip: string; header: Record<string, string | undefined> };
  state: Record<string, unknown>;
  type: string;
};

/** When a screen refused a stream may try again: streams free up as screens go or fall idle. */
const RETRY_STREAM_MS = 30_000;

const hashOf = (token: string) =>
  crypto.createHash('sha256').update(token).digest('base64url').slice(0, 22);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cachedFeed = liveContentCache<{ body: string; etag: string }>();

  return {
    async feed(ctx: Context) {
      const locale = await requestedLocale(strapi, ctx.query.locale);

      ctx.state.channel = 'screen'; // the Content API scope narrows reads to screen-targeted items
      const now = new Date();
      const timeZone = strapi.config.get<string>('screens.timeZone');
      const mediaBase = strapi.config.get<string>('server.url') || ctx.request.origin;
      // The month is part of the key: "published this month" changes when it does, and so does
      // the rankings' period (Asia/Shanghai, whatever the screens' clock).
      const key = `${locale}|${mediaBase}|${startOfMonth(now, timeZone).toISOString()}|${periodOf(now).month}`;
      const { body, etag } = await cachedFeed(strapi, key, async () => {
        const [feed, rankings] = await Promise.all([
          buildScreenFeed(strapi, { locale, now, timeZone, mediaBase }),
          screenRankings(strapi, now),
        ]);
        const built = JSON.stringify({ data: { ...feed, rankings } });
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
      // Streams are capped per screen token (per address without one) and in all: each holds a
      // connection for hours. Closed from here, a stream's screen reconnects when it needs to.
      // A token counts only where it is checked: with SCREEN_FEED_PUBLIC any made-up one would do.
      const token =
        strapi.config.get('screens.public') === true
          ? ''
          : presentedScreenToken(ctx.request.header.authorization, ctx.query.token);
      let opened: { end: () => void } | null = null;
      const acquired = rateLimitsOf(strapi)?.streams.acquire(
        token ? `token:${hashOf(token)}` : `address:${ctx.request.ip}`,
        () => opened?.end(),
      );
      if (acquired && 'reachedCap' in acquired) {
        const retryAfter = retryAfterSeconds(RETRY_STREAM_MS);
        ctx.set({ 'Retry-After': String(retryAfter) });
        ctx.status = 429;
        ctx.body = tooManyRequestsBody('streams', retryAfter, {
          points: acquired.reachedCap,
          seconds: 0,
        });
        return;
      }
      const slot = acquired;
      const lastEventId = Number(ctx.request.header['last-event-id'] ?? ctx.query.lastEventId ?? 0);
      try {
        opened = await openScreenStream(ctx, screenEventsOf(strapi), {
          lastEventId: Number.isFinite(lastEventId) && lastEventId > 0 ? lastEventId : 0,
          heartbeatMs: strapi.config.get<number>('screens.heartbeatSeconds') * 1000,
          onEvent: () => slot?.touch(),
          onClose: () => slot?.release(),
        });
      } catch (error) {
        slot?.release();
        throw error;
      }
    },
  };
};
