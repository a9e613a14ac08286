import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@app/core';

/** The PostgreSQL server the tests use (each run and file gets its own database on it). */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Test configuration: the real services, a private database and a private Redis prefix. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: uniqueName('t').replace(/_/g, '-'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    UPLOAD_DIR: `/tmp/pmd-test-uploads/${uniqueName('u')}`,
    ...overrides,
  });
}
