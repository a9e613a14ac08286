import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, AccessRule } from '@app/core';

/** One route of a controller, with the access rule it declares. */
export interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  handler: string;
  /** The controller class and method, to read the handler's own metadata (DTOs of its arguments). */
  controller: Type<unknown>;
  methodName: string;
}

function joinPath(...parts: string[]): string {
  const joined = `/${parts.filter(Boolean).join('/')}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Every route of every controller, read from Nest's metadata (what the router registers). */
export function listRoutes(app: NestFastifyApplication): Route[] {
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
              controller,
              methodName: name,
            });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A concrete URL: ids become `id` (a UUID nobody has, unless given), tokens a token nobody was
 * sent, other parameters `dummy`.
 */
export function concretePath(path: string, id = '00000000-0000-4000-8000-000000000000'): string {
  return path
    .replace(/:token\b/g, 'A'.repeat(43))
    .replace(/:(\w*id)\b/gi, id)
    .replace(/:\w+/g, 'dummy')
    .replace(/\*/g, 'dummy');
}
