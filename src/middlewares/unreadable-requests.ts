import { errors } from '@strapi/utils';
import { errorBody } from '../http/error-body';

type ParserError = {
  status?: unknown;
  statusCode?: unknown;
  httpCode?: unknown;
  expose?: unknown;
  message?: unknown;
};

/** The 4xx a body or header parser gave its error (co-body, raw-body, formidable, Koa's ctx.throw), or null. */
export const clientStatusOf = (error: unknown): number | null => {
  if (
    error === null ||
    typeof error !== 'object' ||
    error instanceof errors.ApplicationError ||
    error instanceof errors.HttpError
  )
    return null;
  const { status, statusCode, httpCode, expose } = error as ParserError;
  const given = [status, statusCode, httpCode].find((code) => typeof code === 'number');
  return typeof given === 'number' && given >= 400 && given < 500 && expose !== false
    ? given
    : null;
};

type ZodIssue = { path: Array<string | number>; message: string };

/** The issues of a zod schema's refusal (Strapi's own routes parse some bodies with zod, and let the error through as a 500), or null. */
export const zodIssuesOf = (error: unknown): ZodIssue[] | null => {
  if (
    error === null ||
    typeof error !== 'object' ||
    (error as { name?: unknown }).name !== 'ZodError'
  )
    return null;
  const { issues } = error as { issues?: unknown };
  return Array.isArray(issues) ? (issues as ZodIssue[]) : null;
};

type RequestContext = { status: number; body: unknown; request: { body?: unknown } };

/**
 * Requests the server cannot read. A body that is not the JSON or multipart it claims to be, or
 * a multipart without its boundary, makes its parser throw an error that carries a 4xx but not
 * Strapi's error class, and a body a route's zod schema refuses throws a ZodError, so Strapi
 * answered 500: a 4xx that says what is wrong instead (bodies
 * that parse but have the wrong shape are body-shape.ts's). Just inside `strapi::errors`:
 * nothing after it has run when the body cannot be read, so nothing was written.
 */
export default () => async (ctx: RequestContext, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const issues = zodIssuesOf(error);
    if (issues) {
      const [first] = issues;
      throw new errors.ValidationError(
        `Invalid ${['body', ...(first?.path ?? [])].join('.')}: ${first?.message ?? 'not what this route takes'}`,
        { errors: issues.map(({ path, message }) => ({ path, message })) },
      );
    }
    const status = clientStatusOf(error);
    if (status === null) throw error;
    const reason = String((error as ParserError).message ?? 'malformed request');
    ctx.status = status;
    ctx.body = errorBody(
      status,
      status === 413 ? 'PayloadTooLargeError' : 'BadRequestError',
      `The request could not be read: ${reason}`,
    );
  }
};
