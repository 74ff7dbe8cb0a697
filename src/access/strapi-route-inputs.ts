import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { errorBody } from '../http/error-body';

/**
 * Strapi's own admin routes that trust the shape of what they are sent, each answered a 500 for a
 * body they did not expect (found by tests/route-table-fuzz): each gets a check of that shape,
 * a 400 naming the field, before its controller runs. And its e-mail routes, which send through
 * the configured provider: with none configured (Strapi's default, sendmail, which needs a
 * network this CMS does not assume) they are a 503 that says so, as an unconfigured WeChat is.
 */

type Body = Record<string, unknown>;
/** A route's check: a 400 thrown for a body it cannot take, or the reason it cannot serve now (a 503). */
type InputRule = {
  module: string;
  method: string;
  path: string;
  check?: (body: Body, params: Record<string, unknown>) => void;
  unavailable?: (strapi: Core.Strapi) => string | null;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const field = (name: string, problem: string) =>
  new errors.ValidationError(`Invalid ${name}: ${problem}`, {
    errors: [{ path: [name], message: problem }],
  });
const isId = (value: unknown) =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^\d{1,15}$/.test(value));

const emailUnconfigured = (strapi: Core.Strapi): string | null => {
  const provider = strapi.config.get<string | undefined>('plugin::email.provider');
  return typeof provider === 'string' && provider !== '' && provider !== 'sendmail'
    ? null
    : '未配置邮件服务 / E-mail is not configured: this CMS sends no mail until an e-mail provider is set up';
};

/** A folder of the media library: its validation looks names and ids up in the database before it checks their types (the lookup refused, and the request never answered). */
const folder = (creating: boolean) => (body: Body, params: Record<string, unknown>) => {
  if (!creating && !isId(params.id)) throw field('id', 'expected the id of a folder');
  if (
    (creating || 'name' in body) &&
    (typeof body.name !== 'string' || body.name.length === 0 || body.name.length > 255)
  )
    throw field('name', 'expected a folder name (text, 1 to 255 characters)');
  if ('parent' in body && body.parent !== null && !isId(body.parent))
    throw field('parent', 'expected the id of a folder, or null');
};

export const STRAPI_ROUTE_INPUTS: readonly InputRule[] = [
  {
    module: 'admin',
    method: 'POST',
    path: '/permissions/check',
    check: (body) => {
      if (!Array.isArray(body.permissions))
        throw field('permissions', 'expected a list of { action, subject?, field? }');
    },
  },
  {
    module: 'users-permissions',
    method: 'PUT',
    path: '/email-templates',
    check: (body) => {
      const templates = body['email-templates'];
      if (!isRecord(templates)) throw field('email-templates', 'expected the templates by name');
      for (const [name, template] of Object.entries(templates)) {
        if (
          !isRecord(template) ||
          !isRecord(template.options) ||
          typeof template.options.message !== 'string'
        )
          throw field(`email-templates.${name}.options.message`, 'expected the template text');
      }
    },
  },
  { module: 'upload', method: 'POST', path: '/folders', check: folder(true) },
  { module: 'upload', method: 'PUT', path: '/folders/:id', check: folder(false) },
  ...['/', '/test', '/verify'].map((path): InputRule => ({
    module: 'email',
    method: 'POST',
    path,
    unavailable: emailUnconfigured,
  })),
];

type RouteContext = {
  params?: Record<string, unknown>;
  request: { body?: unknown };
  status: number;
  body: unknown;
};

/** The routers of Strapi's admin module or of a plugin, as they stand before the routes mount. */
const routersOf = (strapi: Core.Strapi, module: string): Array<{ routes: Core.Route[] }> => {
  const routes = module === 'admin' ? strapi.admin.routes : strapi.plugin(module).routes;
  return Array.isArray(routes) ? [{ routes }] : Object.values(routes);
};

/** Puts each rule's check in front of its route's controller, in register(); a rule whose route is gone stops the start. */
export const checkStrapiRouteInputs = (strapi: Core.Strapi): void => {
  for (const rule of STRAPI_ROUTE_INPUTS) {
    const route = routersOf(strapi, rule.module)
      .flatMap((router) => router.routes)
      .find((candidate) => candidate.method === rule.method && candidate.path === rule.path);
    if (!route)
      throw new Error(
        `No route ${rule.method} ${rule.path} of ${rule.module} to check the input of`,
      );
    const check = async (ctx: RouteContext, next: () => Promise<void>) => {
      const unavailable = rule.unavailable?.(strapi) ?? null;
      if (unavailable !== null) {
        ctx.status = 503;
        ctx.body = errorBody(503, 'ServiceUnavailableError', unavailable);
        return;
      }
      rule.check?.(isRecord(ctx.request.body) ? ctx.request.body : {}, ctx.params ?? {});
      await next();
    };
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), check] };
  }
};
