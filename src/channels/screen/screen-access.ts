import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

const sameToken = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/** The credential a screen presents: a Bearer header or, for EventSource (no headers), `?token=`. */
export const presentedScreenToken = (
  authorization: string | undefined,
  queryToken: unknown,
): string => {
  const header = authorization ?? '';
  return header.startsWith('Bearer ')
    ? header.slice(7).trim()
    : typeof queryToken === 'string'
      ? queryToken
      : '';
};

/** Whether `given` is one of SCREEN_TOKENS. */
export const isScreenToken = (strapi: Core.Strapi, given: string): boolean => {
  const tokens = strapi.config.get<string[]>('screens.tokens').filter((token) => token.length > 0);
  return given.length > 0 && tokens.some((token) => sameToken(given, token));
};

/** Whether a screen presenting `given` may read the feed and stream (SCREEN_FEED_PUBLIC opens them). */
export const screenMayRead = (strapi: Core.Strapi, given: string): boolean =>
  strapi.config.get('screens.public') === true || isScreenToken(strapi, given);
