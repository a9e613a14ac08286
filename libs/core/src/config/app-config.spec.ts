import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allVariables, loadConfig } from './app-config';
import { ConfigError } from './config-error';

const KEY = Buffer.alloc(32, 7).toString('base64');
const productionSecrets = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEYS: `k2026:${KEY}`,
  FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'k2026',
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('loadConfig', () => {
  it('gives working defaults for a local run', () => {
    const config = loadConfig({});
    expect(config.app.port).toBe(3000);
    expect(config.app.nodeEnv).toBe('development');
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/pmd');
    expect(config.security.encryptionKeys.get('dev1')).toHaveLength(32);
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', DATABASE_POOL_SIZE: '4' });
    expect(config.app.port).toBe(8080);
    expect(config.app.trustProxy).toBe(true);
    expect(config.database.poolSize).toBe(4);
  });

  it('refuses a malformed variable in one line naming it and its value', () => {
    const message = refusal({ DATABASE_URL: 'mysql://db' });
    expect(message).toBe(
      'Invalid configuration: DATABASE_URL must be a URL starting with postgres: or postgresql:// (got "mysql://db")',
    );
    expect(message).not.toContain('\n');
  });

  it('names every bad variable at once', () => {
    const message = refusal({ PORT: '70000', LOG_LEVEL: 'loud', REDIS_URL: 'http://x' });
    expect(message).toContain('PORT must be <= 65535');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('REDIS_URL');
  });

  it('requires every secret in production and never prints a secret value', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toContain('SESSION_SECRET is required in production');
    expect(message).toContain('FIELD_ENCRYPTION_KEYS is required in production');
    const bad = refusal({ ...productionSecrets, FIELD_ENCRYPTION_KEYS: 'k2026:c2hvcnQ=' });
    expect(bad).toContain(
      'FIELD_ENCRYPTION_KEYS key "k2026" must decode from base64 to exactly 32 bytes',
    );
    expect(bad).not.toContain('c2hvcnQ=');
  });

  it('accepts production with real secrets and refuses an active key that is not listed', () => {
    expect(loadConfig(productionSecrets).security.activeEncryptionKeyId).toBe('k2026');
    expect(refusal({ ...productionSecrets, FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'k2027' })).toContain(
      'FIELD_ENCRYPTION_ACTIVE_KEY_ID must name a key listed in FIELD_ENCRYPTION_KEYS',
    );
  });

  it('is documented variable by variable in config/.env.example, with the same defaults', () => {
    const example = readFileSync(join(__dirname, '../../../../config/.env.example'), 'utf8');
    const documented = new Map(
      example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map(
          (line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const,
        ),
    );
    const variables = allVariables();
    expect([...documented.keys()].sort()).toEqual(variables.map((v) => v.name).sort());
    for (const variable of variables) {
      expect([variable.name, documented.get(variable.name)]).toEqual([
        variable.name,
        variable.secret ? '' : variable.defaultValue,
      ]);
    }
  });
});
