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
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: '1', DATABASE_POOL_SIZE: '4' });
    expect(config.app.port).toBe(8080);
    expect(config.app.trustProxy).toBe(1);
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

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(loadConfig({}).app.trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).app.trustProxy).toBe(false);
    });

    it('takes a hop count or a list of proxy addresses and CIDRs', () => {
      expect(loadConfig({ TRUST_PROXY: '2' }).app.trustProxy).toBe(2);
      expect(
        loadConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8' }).app.trustProxy,
      ).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8']);
    });

    it.each(['true', 'TRUE', 'yes', '0.0.0.0/0', '10.0.0.1,::/0'])(
      'refuses %s, which trusts any X-Forwarded-For, in production and in development',
      (value) => {
        for (const mode of [productionSecrets, {}]) {
          const message = refusal({ ...mode, TRUST_PROXY: value });
          expect(message).toMatch(/^Invalid configuration: TRUST_PROXY must be /);
          expect(message).not.toContain('\n');
        }
      },
    );

    it.each(['11', 'proxy.local', '10.0.0.1/33', '-1'])('refuses the malformed %s', (value) => {
      expect(refusal({ TRUST_PROXY: value })).toContain('TRUST_PROXY must be');
    });
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
