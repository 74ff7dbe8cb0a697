import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { errorBody } from '../http/error-body';

/** How long a client is asked to wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const CONNECTION_MESSAGES =
  /Timeout acquiring a connection|Connection terminated|connection error and is not queryable|terminating connection|the database system is (starting up|shutting down)|Client was closed and is not queryable/i;

/** Whether an error says the database cannot be reached (as opposed to a query it refused). */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (
    let cause = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined,
      depth = 0;
    cause && depth < 5;
    cause = cause.cause as typeof cause, depth += 1
  ) {
    if (typeof cause.code === 'string' && CONNECTION_CODES.has(cause.code)) return true;
    if (typeof cause.message === 'string' && CONNECTION_MESSAGES.test(cause.message)) return true;
  }
  return false;
};

type OutageContext = { status: number; body: unknown; set: (name: string, value: string) => void };

const MAY_HIDE_AN_OUTAGE = new Set([400, 401, 403, 501]);

/** A refusal Strapi may have made because it could not read something (its status in MAY_HIDE_AN_OUTAGE). */
const mayHideAnOutage = (error: unknown): boolean => {
  if (!(error instanceof errors.ApplicationError) && !(error instanceof errors.HttpError))
    return false;
  const { status } = error as { status?: number };
  return status === undefined || MAY_HIDE_AN_OUTAGE.has(status);
};

/** Whether the database answers now: asked only when an answer may hide an outage. */
const databaseAnswers = async (strapi: Core.Strapi): Promise<boolean> => {
  try {
    await strapi.db.connection.raw('select 1');
    return true;
  } catch (error) {
    return !isDatabaseUnavailable(error);
  }
};

const unavailable = (ctx: OutageContext) => {
  ctx.status = 503;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  ctx.body = errorBody(
    503,
    'ServiceUnavailableError',
    `数据库暂时无法连接，请 ${RETRY_AFTER_SECONDS} 秒后重试。The database cannot be reached: try again in ${RETRY_AFTER_SECONDS} s.`,
  );
};

/**
 * While the database is away (a PostgreSQL restart, a network cut), requests that need it get a
 * 503 with Retry-After instead of a 500, and nothing else changes: the connection pool makes new
 * connections once it is back, so the server recovers without a restart. Just inside
 * `strapi::errors`. How long a request waits for a connection: DATABASE_CONNECTION_TIMEOUT.
 * Some of Strapi's own checks answer 4xx when they cannot read the database (the admin session
 * check a 401, the locale check a 400 "This locale doesn't exist", sign-in a 501): such answers
 * are checked against the database, so an outage neither signs every editor out of the admin
 * panel nor tells them their content or password is wrong.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: OutageContext, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (
        !isDatabaseUnavailable(error) &&
        !(mayHideAnOutage(error) && !(await databaseAnswers(strapi)))
      )
        throw error;
      strapi.log.warn(`database unavailable: ${(error as Error).message}`);
      return unavailable(ctx);
    }
    if (MAY_HIDE_AN_OUTAGE.has(ctx.status) && !(await databaseAnswers(strapi))) unavailable(ctx);
  };
