import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { runMigrationsLocked } from '@app/core';
import { createDataSource } from '../../config/database';
import { freePort } from './redis-server';
import { testConfig } from './test-env';

const exec = promisify(execFile);

/** Where Debian/Ubuntu put the server binaries (initdb, pg_ctl are not on PATH there). */
async function binDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[]))
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`No PostgreSQL server binaries under ${root}`);
  return join(root, versions[0], 'bin');
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await exec('id', ['-u', 'postgres']);
  const { stdout: group } = await exec('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
}

/**
 * A throwaway PostgreSQL cluster for fault tests: `initdb` in a temporary folder, its own port
 * on 127.0.0.1, trust authentication, no durability settings (it dies with the test). Tests stop
 * and restart it freely; nothing else uses it. PostgreSQL refuses to run as root, so as root the
 * binaries run as the `postgres` user.
 */
export class PgCluster {
  private constructor(
    private readonly bin: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  static async start(): Promise<PgCluster> {
    const bin = await binDir();
    const asPostgres = process.getuid?.() === 0;
    const dataDir = await mkdtemp(join(tmpdir(), 'pmd-pg-'));
    if (asPostgres) {
      const { uid, gid } = await postgresIds();
      await chown(dataDir, uid, gid);
    }
    const cluster = new PgCluster(bin, dataDir, await freePort(), asPostgres);
    try {
      await cluster.run('initdb', [
        '-D',
        join(dataDir, 'data'),
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]);
      await cluster.startServer();
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
    return cluster;
  }

  /** A connection URL to one of this cluster's databases. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates a database and applies every migration to it; returns its URL. */
  async createMigratedDatabase(name: string): Promise<string> {
    await this.admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const dataSource = createDataSource(
      testConfig({ DATABASE_URL: this.url(name) }),
      'pmd-fault-setup',
    );
    await dataSource.initialize();
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }
    return this.url(name);
  }

  async admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** `pg_ctl restart -m fast`: every connection is cut, in-flight transactions roll back. */
  async restart(): Promise<void> {
    await this.ctl(['restart', '-m', 'fast', '-w', '-o', this.serverOptions()]);
  }

  async stop(): Promise<void> {
    await this.ctl(['stop', '-m', 'fast', '-w']);
  }

  async startServer(): Promise<void> {
    await this.ctl(['start', '-w', '-t', '60', '-o', this.serverOptions()]);
  }

  /** Stops the server (if it runs) and deletes the cluster. */
  async destroy(): Promise<void> {
    await this.ctl(['stop', '-m', 'immediate', '-w']).catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private serverOptions(): string {
    return [
      `-p ${this.port}`,
      `-h 127.0.0.1`,
      `-k ${this.dataDir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
  }

  private ctl(args: string[]): Promise<unknown> {
    return this.run('pg_ctl', [
      '-D',
      join(this.dataDir, 'data'),
      '-l',
      join(this.dataDir, 'server.log'),
      ...args,
    ]);
  }

  private async run(binary: string, args: string[]): Promise<void> {
    const path = join(this.bin, binary);
    const [command, commandArgs] = this.asPostgres
      ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
      : [path, args];
    try {
      await exec(command, commandArgs, { timeout: 120_000 });
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(
        `${binary} ${args.join(' ')} failed: ${failure.stderr || failure.stdout || failure.message}`,
      );
    }
  }
}
