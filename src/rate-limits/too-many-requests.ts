import { errorBody } from '../http/error-body';

/** What was refused, for the message a reader sees. */
export type RefusedFor = 'requests' | 'credentials' | 'logins' | 'streams';

const MESSAGES: Record<RefusedFor, (zh: string, en: string) => string> = {
  requests: (zh, en) => `请求过于频繁，请${zh}后重试。Too many requests: try again in ${en}.`,
  credentials: (zh, en) => `凭证错误次数过多，请${zh}后重试。Too many requests with a wrong token: try again in ${en}.`,
  logins: (zh, en) => `登录尝试次数过多，请${zh}后重试。Too many sign-in attempts: try again in ${en}.`,
  streams: (zh, en) => `同时连接的大屏数据流已达上限，请${zh}后重试。Too many open screen streams: try again in ${en}.`,
};

/** A wait in words, rounded up: seconds under a minute, minutes from there. */
const waitInWords = (seconds: number): [string, string] => {
  if (seconds < 60) return [` ${seconds} 秒`, `${seconds} s`];
  const minutes = Math.ceil(seconds / 60);
  return [` ${minutes} 分钟`, `${minutes} min`];
};

/** Seconds until a refused client may try again, from the limiter's milliseconds (at least 1). */
export const retryAfterSeconds = (msBeforeNext: number): number => Math.max(1, Math.ceil(msBeforeNext / 1000));

/**
 * A 429 in Strapi's error shape, in Chinese and English with the wait, so a client (the admin
 * panel's login form included, which shows `error.message`) can tell the reader when to come back.
 */
export const tooManyRequestsBody = (refused: RefusedFor, retryAfter: number) =>
  errorBody(429, 'RateLimitError', MESSAGES[refused](...waitInWords(retryAfter)), { retryAfterSeconds: retryAfter });
