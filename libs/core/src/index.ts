/** Shared infrastructure: configuration, database, Redis, errors, i18n, logging, clock, views. */
export * from './config';
export * from './clock';
export * from './crypto';
export * from './database';
export * from './errors';
export * from './i18n';
export * from './logging';
export * from './redis';
export * from './views';
export * from './text';
export * from './http/request-locale';
export * from './core.module';
export * from './http/access';
export * from './http/cache-policy';
export * from './http/cookie-names';
export * from './http/csrf';
export * from './state-machine/state-machine';
