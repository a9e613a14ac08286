import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, AccessRule, STAFF_ROLES, StaffRole } from '@app/core';
import { CookieJar, createStaff, loginAs, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  handler: string;
}

type Caller = 'anonymous' | StaffRole;
const CALLERS: Caller[] = ['anonymous', ...STAFF_ROLES];

function joinPath(...parts: string[]): string {
  const joined = `/${parts.filter(Boolean).join('/')}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Every route of every controller, read from Nest's metadata (what the router registers). */
function listRoutes(app: NestFastifyApplication): Route[] {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown>;
      const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler,
          controller,
        ]);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const path of asList(paths)) {
            const full = joinPath(base, path);
            routes.set(`${method} ${full}`, {
              method,
              path: full,
              rule,
              handler: `${controller.name}.${name}`,
            });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** A concrete URL: ids become a UUID nobody has, tokens a token nobody was sent. */
function concrete(path: string): string {
  return path
    .replace(/:token\b/g, 'A'.repeat(43))
    .replace(/:(\w*id)\b/gi, '00000000-0000-4000-8000-000000000000')
    .replace(/:\w+/g, 'dummy')
    .replace(/\*/g, 'dummy');
}

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
      expect.arrayContaining(['GET /health/live', 'POST /staff/login', 'GET /api/v1/audit']),
    );
  });

  it('declares who may call every route (@PublicAccess, @StaffAccess or @TokenAccess)', () => {
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
