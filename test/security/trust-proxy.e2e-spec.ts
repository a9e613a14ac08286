import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { projectRoot } from '@app/core';
import { CookieJar, FORM, form, visitorCsrf } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** Starts the real server entry point and waits for it to stop; what it wrote to stderr. */
function startRefused(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/server/src/main.ts',
      ],
      {
        cwd: projectRoot(),
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'k1',
  // Nothing may be reached if the refusal did not happen: a port nobody listens on.
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
};

describe('TRUST_PROXY', () => {
  it.each(['true', '0.0.0.0/0'])(
    'stops a production start with TRUST_PROXY=%s, in one line naming the variable',
    async (value) => {
      const { code, stderr } = await startRefused({ ...PRODUCTION, TRUST_PROXY: value });
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^Invalid configuration: TRUST_PROXY must be /);
    },
    60_000,
  );

  describe('with one proxy hop trusted', () => {
    let server: TestServer;
    let db: DataSource;
    const jar = new CookieJar();
    let csrf: string;

    beforeAll(async () => {
      server = await startTestServer({ TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3' });
      db = server.app.get(DataSource);
      csrf = await visitorCsrf(server, jar);
    });
    afterAll(() => server.close());

    function signIn(forwardedFor: string, email: string) {
      return server.app.inject({
        method: 'POST',
        url: '/staff/login',
        // The proxy appended the address it saw; what comes before it is the client's own word.
        headers: { cookie: jar.header(), 'content-type': FORM, 'x-forwarded-for': forwardedFor },
        payload: form({ email, password: 'not the password', _csrf: csrf }),
      });
    }

    it('records the address the proxy saw, not a leftmost address the client wrote', async () => {
      const response = await signIn('203.0.113.66, 198.51.100.7', 'nobody.one@test.pmd');
      expect(response.statusCode).toBe(401);
      const rows = (await db.query(
        `SELECT ip FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1`,
      )) as { ip: string }[];
      expect(rows[0].ip).toBe('198.51.100.7');
    });

    it('keeps counting one client whatever leftmost addresses it forges', async () => {
      const real = '198.51.100.20';
      for (let i = 1; i <= 3; i++) {
        const answer = await signIn(`203.0.113.${i}, ${real}`, `nobody.${i}@test.pmd`);
        expect(answer.statusCode).toBe(401);
      }
      const forged = await signIn(`203.0.113.99, ${real}`, 'nobody.99@test.pmd');
      expect(forged.statusCode).toBe(429);
      // Another client behind the same proxy is not held back by it.
      const other = await signIn('198.51.100.21', 'nobody.other@test.pmd');
      expect(other.statusCode).toBe(401);
    });
  });
});
