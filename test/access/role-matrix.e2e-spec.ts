import { ACCOUNT_ROLES, AccessRule, AccountRole, STAFF_ROLES } from '@app/core';
import { Route, concretePath as concrete, listRoutes } from '../support/routes';
import { CookieJar, createMediator, createStaff, loginAs, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** Every role signs in, the community mediator of a partner organisation included. */
type Caller = 'anonymous' | AccountRole;
const CALLERS: Caller[] = ['anonymous', ...ACCOUNT_ROLES];

function allows(rule: AccessRule, caller: Caller): boolean {
  if (rule.kind !== 'staff') return true;
  return caller !== 'anonymous' && rule.roles.includes(caller);
}

describe('Access rules of every route', () => {
  let server: TestServer;
  let routes: Route[];
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    server = await startTestServer();
    routes = listRoutes(server.app);
    const jar = new CookieJar();
    const csrf = await visitorCsrf(server, jar);
    headers.set('anonymous', { cookie: jar.header(), 'x-csrf-token': csrf });
    for (const role of STAFF_ROLES) {
      const login = await loginAs(server, await createStaff(server, { role }));
      headers.set(role, login.headers);
    }
    headers.set('mediator', (await loginAs(server, await createMediator(server))).headers);
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the routes the router serves', () => {
    const fastify = server.app.getHttpAdapter().getInstance();
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      expect([
        route.method,
        route.path,
        fastify.hasRoute({ method: route.method as 'GET', url: route.path }),
      ]).toEqual([route.method, route.path, true]);
    }
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /health/live',
        'POST /staff/login',
        'GET /api/v1/audit',
        // The help pages are public; their contact points are the administrators' to edit.
        'GET /help',
        'GET /privacy',
        'GET /accessibility',
        'GET /contact',
        'GET /staff/contacts',
        'POST /staff/contacts',
        'GET /staff/contacts/:id',
        'POST /staff/contacts/:id',
        'POST /staff/contacts/:id/deactivate',
        'POST /staff/contacts/:id/reactivate',
        // The institution directory and the reference data exports: administrators only.
        'GET /staff/directory',
        'POST /staff/directory',
        'GET /staff/directory/:id',
        'POST /staff/directory/:id',
        'POST /staff/directory/:id/end',
        'GET /staff/directory/export.csv',
        'GET /staff/directory/reference-data.csv',
        'GET /staff/directory/import',
        'POST /staff/directory/import',
        'GET /api/v1/directory/contact-points',
        'POST /api/v1/directory/contact-points',
        'PUT /api/v1/directory/contact-points/:id',
        'POST /api/v1/directory/contact-points/:id/end',
        'GET /api/v1/directory/export.csv',
        'GET /api/v1/directory/reference-data.csv',
        'POST /api/v1/directory/import',
      ]),
    );
    const rules = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.rule]));
    for (const path of ['/help', '/privacy', '/accessibility', '/contact']) {
      expect([path, rules.get(`GET ${path}`)]).toEqual([path, { kind: 'public' }]);
    }
    // A mediator's own routes are theirs alone; every case, meeting and statistics route of
    // staff names staff roles only, so a mediator is refused there (checked below by calling).
    const mediatorRoutes = routes.filter(
      (r) => r.path.startsWith('/staff/partner') || r.path.startsWith('/api/v1/partner'),
    );
    expect(mediatorRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /staff/partner',
        'GET /staff/partner/report',
        'POST /staff/partner/report',
        'GET /staff/partner/reports/:reference',
        'POST /staff/partner/reports/:reference/messages',
        'GET /api/v1/partner/reports',
        'POST /api/v1/partner/reports',
        'GET /api/v1/partner/reports/:reference',
        'POST /api/v1/partner/reports/:reference/messages',
      ]),
    );
    for (const route of mediatorRoutes) {
      expect([route.path, route.rule]).toEqual([
        route.path,
        { kind: 'staff', roles: ['mediator'] },
      ]);
    }
    const mediatorAllowed = routes
      .filter((r) => r.rule?.kind === 'staff' && r.rule.roles.includes('mediator'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.includes('/partner'));
    // Besides their own pages: the home (which sends them to theirs) and the session.
    expect(mediatorAllowed.sort()).toEqual(['GET /api/v1/session', 'GET /staff']);
    for (const path of [
      '/staff/cases',
      '/api/v1/cases/:id',
      '/staff/meetings',
      '/staff/statistics',
    ]) {
      const rule = rules.get(`GET ${path}`);
      expect([path, rule?.kind === 'staff' && rule.roles.includes('mediator')]).toEqual([
        path,
        false,
      ]);
    }
    for (const route of routes.filter((r) => r.path.startsWith('/staff/organisations'))) {
      expect([route.path, route.rule]).toEqual([
        route.path,
        { kind: 'staff', roles: ['administrator'] },
      ]);
    }
    const adminOnly = ['/staff/contacts', '/staff/directory', '/api/v1/directory'];
    for (const route of routes.filter((r) => adminOnly.some((p) => r.path.startsWith(p)))) {
      expect([route.path, route.rule]).toEqual([
        route.path,
        { kind: 'staff', roles: ['administrator'] },
      ]);
    }
  });

  it('declares who may call every route (@PublicAccess, @StaffAccess, @MediatorAccess or @TokenAccess)', () => {
    const missing = routes
      .filter((r) => !r.rule)
      .map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(missing).toEqual([]);
  });

  it('answers 401/403 exactly to the callers the rule refuses, and never 5xx', async () => {
    const mismatches: string[] = [];
    // Signing out ends the caller's session: those routes go last.
    const ordered = [...routes].sort(
      (a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')),
    );
    for (const caller of CALLERS) {
      for (const route of ordered) {
        if (!route.rule) continue;
        const url = concrete(route.path);
        const response = await server.app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...headers.get(caller),
            'accept-language': 'en',
            ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          ...(route.method === 'GET' ? {} : { payload: '{}' }),
        });
        const status = response.statusCode;
        const location = String(response.headers.location ?? '');
        // A page that needs a signed-in user answers its 401 with a redirect to sign in.
        const signInRedirect = status === 303 && location.startsWith('/staff/login?next=');
        const refused = status === 401 || status === 403 || signInRedirect;
        const expected = allows(route.rule, caller) ? 'allowed' : 'refused';
        const ok =
          status < 500 &&
          (expected === 'allowed'
            ? !refused
            : caller === 'anonymous'
              ? status === 401 || signInRedirect
              : status === 403);
        if (!ok) {
          mismatches.push(
            `${caller} ${route.method} ${url}: ${status} ${location} (expected ${expected})`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
