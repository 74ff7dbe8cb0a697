import { errors } from '@strapi/utils';
import { builtInPathSegment, builtInQueryName } from '../http/request-input';

/**
 * A built-in property name where a request names something is a 400 naming where, on every
 * route, before anything reads the request: in the path (`/content-manager/relations/constructor/x`
 * read `constructor` as a model), in a query parameter's name (`filters[constructor]`, which
 * Strapi's parser drops silently, answering as if the condition were not there) or in the field
 * names of `fields` and `sort` (which the admin panel's sanitiser drops the same way).
 */
export default () =>
  async (ctx: { path: string; querystring: string }, next: () => Promise<void>) => {
    const segment = builtInPathSegment(ctx.path);
    if (segment !== null)
      throw new errors.ValidationError(
        `Invalid path: "${segment}" is a built-in property name, not a name of anything here`,
        { parameter: 'path' },
      );
    const found = builtInQueryName(ctx.querystring);
    if (found)
      throw new errors.ValidationError(
        `Invalid ${found.parameter}: "${found.name}" is a built-in property name, not a field`,
        { parameter: found.parameter },
      );
    await next();
  };
