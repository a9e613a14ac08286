import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { until } from './wait';

/**
 * A port free now, below the kernel's ephemeral range (32768–60999 on Linux). Tests restart
 * servers on the port they were given (Redis, PostgreSQL): a port of the ephemeral range can be
 * taken in between by any outgoing connection of a busy machine, and the server then cannot
 * come back. Ports outside it are only ever taken by a listener asking for them.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
  }
  throw new Error('No free port between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * A private Redis for tests that stop it: its own process on a free port, without persistence,
 * so stopping it disturbs nothing else (and loses its data, like a crash without AOF).
 */
export class TestRedis {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {}

  static async start(extraArgs: string[] = []): Promise<TestRedis> {
    const redis = new TestRedis(await freePort(), extraArgs);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== undefined;
  }

  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
        ...this.extraArgs,
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = undefined;
    });
    await until(
      async () => {
        if (await ping(this.port)) return true;
        if (!this.process) throw new Error('redis-server exited at start');
        return false;
      },
      `redis-server to answer on port ${this.port}`,
      { timeoutMs: 10_000 },
    );
  }

  /** Stops the server at once (SIGKILL: like a crash; nothing is saved anyway). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    this.process = undefined;
  }
}
