import fc from 'fast-check';
import type supertest from 'supertest';
import { DEFAULT_BODY_MAX_DEPTH } from '../src/http/request-input';
import {
  body as malformedBody,
  BUILT_IN_NAMES,
  changedTables,
  deepJson,
  query as malformedQuery,
  rawQuery,
  rowCounts,
  word,
  type Body,
} from './harness/malformed';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

/**
 * Every route the server registers (`strapi.server.listRoutes()`: the Content API, the admin
 * panel's API, the workflow, participation, media, preview and GraphQL) gets malformed path
 * parameters, built-in property names and malformed query strings, and every route that takes a
 * body gets deep bodies, built-in keys and malformed ones; a new route is covered without a line
 * written here. No answer may be a 5xx but the documented 503 of an unconfigured WeChat, no 429
 * (rate limits are off), and no refused request may leave a row behind. A random seed (printed,
 * FUZZ_SEED replays it) and a few fixed ones.
 */
const SCREEN_TOKEN = 'route-fuzz-screen';
const STAFF_PASSWORD = 'Demo-Staff-Pass1';
const app = bootTestAppForFile({
  SCREEN_TOKENS: SCREEN_TOKEN,
  SEED_DEMO_PARTICIPATION: 'true',
  DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
});
const SEEDS = process.env.FUZZ_SEED
  ? [Number(process.env.FUZZ_SEED)]
  : [Date.now() % 1_000_000, 748778, 544103];
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 3);

/** The server's files, not an API: the admin panel's pages, uploads, the public folder and the health check. */
const STATIC = /^\/(admin\/:path\*|uploads\/\(|_health$|\(\(|$)/;
/** A documented 503: WeChat or e-mail not configured (docs/security.md). */
const documented503 = (response: supertest.Response) =>
  response.status === 503 && /(WeChat|E-mail) is not configured/.test(response.text);

type Route = { method: string; path: string; params: string[] };
type Role = 'public' | 'full-access' | 'staff' | 'screen' | 'super admin';

/** Who asks a route: an admin session on the admin API; on the Content API each kind of reader (so the handlers, not only the refusals, are reached). */
const rolesOf = ({ path }: Route): Role[] => {
  if (path === '/graphql') return ['public', 'full-access'];
  if (path.startsWith('/api/screen/feed')) return ['screen'];
  if (path.startsWith('/api/participation')) return ['staff', 'public'];
  if (path.startsWith('/api/') || path.startsWith('/preview')) return ['public', 'full-access'];
  return ['super admin'];
};

const pathParameter = fc.oneof(
  word,
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.constant('a'.repeat(300)),
  fc.constant('%E0%A4%A'),
);
const fill = (route: Route, values: string[]) =>
  route.params.reduce(
    (path, param, index) =>
      path.replace(
        new RegExp(`:${param}(\\([^)]*\\))?[?*+]?`),
        values[index].startsWith('%') ? values[index] : encodeURIComponent(values[index]),
      ),
    route.path,
  );

test(`every registered route, malformed: no 5xx, no 429, no row written by a refused request (seeds ${SEEDS.join(', ')})`, async () => {
  // Boundary: koa-router's layers, as listRoutes() gives them.
  const listed: Array<{ path: string; methods: string[]; paramNames: Array<{ name: string }> }> =
    app.strapi.server.listRoutes();
  const routes: Route[] = [
    ...new Map(
      listed
        .filter((layer) => !STATIC.test(layer.path))
        .flatMap((layer) => {
          // A route for every method (GraphQL, the health check) is asked as GET and POST.
          const methods =
            layer.methods.length > 20
              ? ['GET', 'POST']
              : layer.methods.filter((method) => method !== 'HEAD');
          return methods.map((method): [string, Route] => [
            `${method} ${layer.path}`,
            { method, path: layer.path, params: layer.paramNames.map((param) => param.name) },
          ]);
        }),
    ).values(),
  ];
  expect(routes.length).toBeGreaterThan(250);

  const staffLogin = await app
    .http()
    .post('/api/auth/local')
    .send({ identifier: 'JW1001', password: STAFF_PASSWORD });
  const credentials: Record<Role, () => Promise<string | null>> = {
    public: async () => null,
    'full-access': (() => {
      const token = app.apiToken('full-access');
      return async () => `Bearer ${await token}`;
    })(),
    staff: async () => `Bearer ${staffLogin.body.jwt}`,
    screen: async () => `Bearer ${SCREEN_TOKEN}`,
    'super admin': async () => `Bearer ${await app.adminToken(ACCOUNTS.superAdmin)}`,
  };

  const serverErrors: string[] = [];
  const refusedButWritten: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;

  const send = async (role: Role, method: string, url: string, given: Body | null) => {
    let request = app
      .http()
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch'](url);
    // The credential first (signing in writes a session row), then the rows the request finds.
    const credential = await credentials[role]();
    if (credential) request = request.set('Authorization', credential);
    const counts = method === 'GET' ? null : await rowCounts(app.strapi);
    if (given) request = request.set('Content-Type', given.type).send(given.raw);
    // An answer that never comes fails the run too (a stream is the one route that answers and goes on: it is not opened here).
    let response: supertest.Response;
    try {
      response = await request.ok(() => true).timeout({ response: 8_000, deadline: 10_000 });
    } catch (error) {
      serverErrors.push(
        `no answer: ${role} ${method} ${url.slice(0, 300)} (${(error as Error).message})`,
      );
      return;
    }
    sent += 1;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const shown = `${role} ${method} ${url.slice(0, 300)}${given ? ` [${given.type}] ${given.raw.slice(0, 100)}` : ''}`;
    if ((response.status >= 500 && !documented503(response)) || response.status === 429)
      serverErrors.push(
        `${response.status} ${shown} → ${String(response.text ?? '').slice(0, 200)}`,
      );
    if (counts !== null && response.status >= 400 && response.status < 500) {
      const changed = changedTables(counts, await rowCounts(app.strapi));
      if (changed.length > 0)
        refusedButWritten.push(`${response.status} ${shown}: ${changed.join(', ')}`);
    }
    // A session the fuzz ended (signing out) is opened again: the next route is asked as it should be.
    if (role === 'super admin' && response.status === 401) renewAdminSession();
  };
  const renewAdminSession = () => {
    const renewed = app
      .http()
      .post('/admin/login')
      .send(ACCOUNTS.superAdmin)
      .then((response) => `Bearer ${response.body.data.token}`);
    credentials['super admin'] = () => renewed;
  };

  for (const seed of SEEDS) {
    const attempt = fc.record({
      params: fc.array(pathParameter, { minLength: 4, maxLength: 4 }),
      query: fc.oneof(malformedQuery, rawQuery, fc.constant('')),
      body: malformedBody,
    });
    const samples = fc.sample(attempt, { seed, numRuns: routes.length * PER_ROUTE });
    for (const [index, route] of routes.entries()) {
      for (const role of rolesOf(route)) {
        for (const { params, query, body } of samples.slice(
          index * PER_ROUTE,
          (index + 1) * PER_ROUTE,
        )) {
          const url = `${fill(route, params)}${query ? `?${query}` : ''}`;
          await send(
            role,
            route.method,
            url,
            route.method === 'GET' || route.method === 'DELETE' ? null : body,
          );
        }
      }
    }
  }
  // The fixed cases, on every route: built-in names in the query; bodies too deep, with built-in keys, or not JSON.
  for (const route of routes) {
    const role = rolesOf(route)[0];
    const path = fill(
      route,
      route.params.map(() => 'constructor'),
    );
    await send(
      role,
      route.method,
      `${path}?filters[constructor]=1&sort=toString&fields[0]=valueOf`,
      null,
    );
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      for (const raw of [
        deepJson(DEFAULT_BODY_MAX_DEPTH + 1),
        deepJson(5000),
        '{"__proto__":{"x":1},"constructor":{"prototype":1}}',
        '{"data":',
      ]) {
        await send(role, route.method, path, { type: 'application/json', raw });
      }
    }
  }

  // A run that never reached the handlers would pass for nothing: many answers must be refusals of the input, some served.
  expect(sent).toBeGreaterThan(routes.length * SEEDS.length * PER_ROUTE);
  const count = (match: (status: number) => boolean) =>
    [...statuses.entries()]
      .filter(([status]) => match(status))
      .reduce((sum, [, times]) => sum + times, 0);
  expect(count((status) => status === 400)).toBeGreaterThan(sent / 10);
  expect(count((status) => status < 300)).toBeGreaterThan(sent / 50);
  expect(serverErrors.slice(0, Number(process.env.FUZZ_SHOWN ?? 40))).toEqual([]);
  expect(refusedButWritten.slice(0, 40)).toEqual([]);
}, 1_200_000);
