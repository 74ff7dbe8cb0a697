import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { errorBody } from '../http/error-body';

type BodyContext = { method: string; path: string; status: number; body: unknown; get: (header: string) => string; request: { body?: unknown; length?: number } };

/** Routes whose bodies are one object: the Content API, the admin panel's content, review, WeChat and media routes. */
const OBJECT_BODIES = /^\/(api|content-manager|workflow|wechat|upload)(\/|$)/;

/**
 * Every route that takes a body takes an object (JSON or form fields). A text body (`text/plain`,
 * which the body parser keeps as a string) or a JSON list reached controllers that set fields on
 * it, and a GraphQL POST without a body reached Apollo: 500s, now 400s that say what to send.
 * Just after `strapi::body` (which leaves GraphQL's body to the plugin's own parser).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const graphqlPath = strapi.plugin('graphql') ? (strapi.plugin('graphql').config('endpoint') as string) : null;
  return async (ctx: BodyContext, next: () => Promise<void>) => {
    const { body } = ctx.request;
    if (body === undefined && ctx.path !== graphqlPath && ['POST', 'PUT', 'PATCH'].includes(ctx.method)) {
      // A body of a type the parser does not read (XML, a multipart without its boundary) is
      // left unset, and controllers read fields of it. Refused if there was one; else an empty object.
      if (ctx.request.length) {
        ctx.status = 415;
        ctx.body = errorBody(415, 'UnsupportedMediaTypeError', `Cannot read a body of type "${ctx.get('content-type')}": send JSON (application/json), form fields or multipart/form-data`);
        return;
      }
      ctx.request.body = {};
    }
    if (typeof body === 'string' && body.length > 0) {
      throw new errors.ValidationError('The request body must be a JSON object (Content-Type: application/json) or form fields, not text');
    }
    if (Array.isArray(body) && OBJECT_BODIES.test(ctx.path)) {
      throw new errors.ValidationError('The request body must be a JSON object, not a list');
    }
    if (ctx.method === 'POST' && ctx.path === graphqlPath && !ctx.request.length && !ctx.get('transfer-encoding')) {
      throw new errors.ValidationError('A GraphQL request needs a JSON body: {"query": "…"}');
    }
    await next();
  };
};
