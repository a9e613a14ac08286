import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig, loadCountryProfile, useInstallationProfile } from '@app/core';

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

/**
 * The country profile the e2e tests run on: `PMD_TEST_COUNTRY` (scripts/test.sh --country), else
 * the default (Kosovo). A test that needs one country names it with `COUNTRY` in its overrides.
 */
// The test code's own dates, references and codes follow the same profile as the servers.
if (process.env.PMD_TEST_COUNTRY) {
  useInstallationProfile(loadCountryProfile(process.env.PMD_TEST_COUNTRY));
}

export function testCountryEnv(): Record<string, string> {
  const country = process.env.PMD_TEST_COUNTRY;
  return country ? { COUNTRY: country } : {};
}

/** Test configuration: the real services, a private database and a private Redis prefix. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...testCountryEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: uniqueName('t').replace(/_/g, '-'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    UPLOAD_DIR: `/tmp/pmd-test-uploads/${uniqueName('u')}`,
    ...overrides,
  });
}
