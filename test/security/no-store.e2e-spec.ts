import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_REFERENCE_DATA, STAFF_ROLES, StaffRole } from '@app/core';
import { Route, concretePath, listRoutes } from '../support/routes';
import { CookieJar, createStaff, loginAs, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

type Caller = 'anonymous' | StaffRole;

/** The routes whose handler carries the public reference data mark, read from Nest's metadata. */
function markedPublic(server: TestServer): Set<string> {
  const marked = new Set<string>();
  for (const module of server.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as { prototype: Record<string, unknown> }).prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
          Record<string, unknown> | undefined;
        if (config?.[PUBLIC_REFERENCE_DATA] === true) {
          marked.add(`${wrapper.metatype?.name}.${name}`);
        }
      }
    }
  }
  return marked;
}

describe('Cache-Control of API answers and staff pages', () => {
  let server: TestServer;
  let routes: Route[];
  let publicRoutes: Route[];
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    server = await startTestServer();
    const marked = markedPublic(server);
    routes = listRoutes(server.app).filter((r) => /^\/(api\/v1|staff)(\/|$)/.test(r.path));
    publicRoutes = routes.filter((r) => marked.has(r.handler));
    const jar = new CookieJar();
    headers.set('anonymous', {
      cookie: jar.header(),
      'x-csrf-token': await visitorCsrf(server, jar),
    });
    for (const role of STAFF_ROLES) {
      headers.set(role, (await loginAs(server, await createStaff(server, { role }))).headers);
    }
  });
  afterAll(() => server.close());

  it('marks only the taxonomy and the public statistics as public reference data', () => {
    expect(publicRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/v1/statistics/yearly',
      'GET /api/v1/taxonomy',
    ]);
  });

  it('answers the session with its CSRF token no-store', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: headers.get('administrator'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveProperty('csrfToken');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers every other /api/v1 route and every staff page with no-store, for every caller and status', async () => {
    const cached: string[] = [];
    const statuses = new Set<number>();
    // Signing out ends the caller's session: those routes go last.
    const ordered = routes
      .filter((r) => !publicRoutes.includes(r))
      .sort((a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')));
    for (const [caller, callerHeaders] of headers) {
      for (const route of ordered) {
        const url = concretePath(route.path);
        const write = route.method !== 'GET';
        const response = await server.app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...callerHeaders,
            'accept-language': 'en',
            ...(write ? { 'content-type': 'application/json' } : {}),
          },
          ...(write ? { payload: '{}' } : {}),
        });
        statuses.add(response.statusCode);
        if (response.headers['cache-control'] !== 'no-store') {
          cached.push(
            `${caller} ${route.method} ${url}: ${response.statusCode} ${String(response.headers['cache-control'])}`,
          );
        }
      }
    }
    expect(cached).toEqual([]);
    // Answers of every kind were seen: data, redirects, refusals.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 303, 401, 403]));
  });

  it('leaves the public reference data as it was (no no-store)', async () => {
    for (const route of publicRoutes) {
      const response = await server.app.inject({ method: 'GET', url: route.path });
      expect([route.path, response.statusCode]).toEqual([route.path, 200]);
      expect(response.headers['cache-control']).toBeUndefined();
    }
  });
});
