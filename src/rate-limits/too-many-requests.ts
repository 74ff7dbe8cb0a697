import { errorBody } from '../http/error-body';

/** What was counted when a request was refused: the allowance it spent, per address, token, account or person. */
export type RefusedFor =
  | 'reads'
  | 'tokenReads'
  | 'actions'
  | 'adminReads'
  | 'downloads'
  | 'staffWrites'
  | 'receipts'
  | 'credentials'
  | 'logins'
  | 'streams';

/** An allowance: `points` per window of `seconds` (the streams' cap: at once). */
export type Allowance = { points: number; seconds: number };

const COUNTED: Record<RefusedFor, readonly [zh: string, en: string]> = {
  reads: ['此地址的读取请求', 'reads from this address'],
  tokenReads: ['此令牌的读取请求', 'reads with this token'],
  actions: ['此地址的写入操作', 'writes from this address'],
  adminReads: ['此管理员账号的读取请求', 'reads by this admin account'],
  downloads: ['此地址的文件下载', 'file downloads from this address'],
  staffWrites: ['您的提交', 'your submissions'],
  receipts: ['此地址的查询码查询', 'receipt look-ups from this address'],
  credentials: [
    '此地址出示无效、过期或格式错误的令牌的请求',
    'requests from this address with an unknown, expired or malformed token',
  ],
  logins: ['登录尝试', 'sign-in attempts'],
  streams: ['同时连接的大屏数据流', 'open screen streams'],
};

/** A wait in words, rounded up: seconds under a minute, minutes from there. */
const waitInWords = (seconds: number): [string, string] => {
  if (seconds < 60) return [` ${seconds} 秒`, `${seconds} s`];
  const minutes = Math.ceil(seconds / 60);
  return [` ${minutes} 分钟`, `${minutes} min`];
};

const windowInWords = ({ points, seconds }: Allowance): [string, string] => {
  if (seconds <= 0) return [`同时 ${points} 个`, `${points} at once`];
  if (seconds === 60) return [`每分钟 ${points} 次`, `${points} per minute`];
  if (seconds % 60 === 0)
    return [`每 ${seconds / 60} 分钟 ${points} 次`, `${points} per ${seconds / 60} minutes`];
  return [`每 ${seconds} 秒 ${points} 次`, `${points} per ${seconds} s`];
};

/** Seconds until a refused client may try again, from the limiter's milliseconds (at least 1). */
export const retryAfterSeconds = (msBeforeNext: number): number =>
  Math.max(1, Math.ceil(msBeforeNext / 1000));

/**
 * A 429 in Strapi's error shape, in Chinese and English: what was counted, its allowance and the
 * wait, so a client (the admin panel's login form included, which shows `error.message`) can
 * tell the reader what happened and when to come back.
 */
export const tooManyRequestsBody = (
  refused: RefusedFor,
  retryAfter: number,
  allowance: Allowance,
) => {
  const [countedZh, countedEn] = COUNTED[refused];
  const [windowZh, windowEn] = windowInWords(allowance);
  const [waitZh, waitEn] = waitInWords(retryAfter);
  return errorBody(
    429,
    'RateLimitError',
    `请求过于频繁：${countedZh}已达上限（${windowZh}），请${waitZh}后重试。Too many requests: ${countedEn} reached the limit of ${windowEn}; try again in ${waitEn}.`,
    {
      retryAfterSeconds: retryAfter,
      counted: refused,
      limit: allowance.points,
      windowSeconds: allowance.seconds,
    },
  );
};
