import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { errorBody } from '../http/error-body';
import {
  DEFAULT_BODY_MAX_DEPTH,
  formJsonProblem,
  jsonProblem,
  jsonProblemMessage,
} from '../http/request-input';

type BodyContext = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  get: (header: string) => string;
  is: (type: string) => string | false | null;
  request: { body?: unknown; length?: number };
};

/**
 * Every route that takes a body takes an object (JSON or form fields), GraphQL's aside (Apollo
 * answers a batch itself). A text body (`text/plain`, which the body parser keeps as a string) or
 * a JSON list reached controllers that set fields on it, and a GraphQL POST without a body reached Apollo: 500s, now 400s that say what to send.
 * A body nested deeper than `maxDepth` (BODY_MAX_DEPTH) overflowed the stack of the code that
 * validates or echoes it, and a key that is a built-in property name reads as a field: 400s
 * naming where. Just after `strapi::body` (which leaves GraphQL's body to the plugin's own
 * parser: config/plugins.ts checks its variables the same way).
 */
export default (config: { maxDepth?: number } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const maxDepth = config?.maxDepth ?? DEFAULT_BODY_MAX_DEPTH;
  const graphqlPath = strapi.plugin('graphql')
    ? strapi.plugin('graphql').config<string>('endpoint')
    : null;
  return async (ctx: BodyContext, next: () => Promise<void>) => {
    const { body } = ctx.request;
    if (
      body === undefined &&
      ctx.path !== graphqlPath &&
      ['POST', 'PUT', 'PATCH'].includes(ctx.method)
    ) {
      // A body of a type the parser does not read (XML, a multipart without its boundary) is
      // left unset, and controllers read fields of it. Refused if there was one; else an empty object.
      if (ctx.request.length) {
        ctx.status = 415;
        ctx.body = errorBody(
          415,
          'UnsupportedMediaTypeError',
          `Cannot read a body of type "${ctx.get('content-type')}": send JSON (application/json), form fields or multipart/form-data`,
        );
        return;
      }
      ctx.request.body = {};
    }
    if (typeof body === 'string' && body.length > 0) {
      throw new errors.ValidationError(
        'The request body must be a JSON object (Content-Type: application/json) or form fields, not text',
      );
    }
    if (Array.isArray(body) && ctx.path !== graphqlPath) {
      throw new errors.ValidationError('The request body must be a JSON object, not a list');
    }
    const problem =
      jsonProblem(body, maxDepth) ??
      (ctx.is('multipart') && body !== null && typeof body === 'object'
        ? formJsonProblem(body as Record<string, unknown>, maxDepth)
        : null);
    if (problem)
      throw new errors.ValidationError(jsonProblemMessage(problem, maxDepth), {
        parameter: problem.path,
      });
    if (
      ctx.method === 'POST' &&
      ctx.path === graphqlPath &&
      !ctx.request.length &&
      !ctx.get('transfer-encoding')
    ) {
      throw new errors.ValidationError('A GraphQL request needs a JSON body: {"query": "…"}');
    }
    await next();
  };
};
