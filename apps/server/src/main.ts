// eslint-disable-next-line no-restricted-imports -- first, alone: the @app/core index would load the modules this is to speed up
import '../../../libs/core/src/runtime/compile-cache';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { REDIS, checkEvictionPolicy, readConfigOrExit } from '@app/core';
import { exitAfterShutdownTimeout } from './connections';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // Loaded only once the configuration is valid, so a refusal is immediate and cheap.
  const { createServer } = await import('./bootstrap');
  const app = await createServer({ config });
  exitAfterShutdownTimeout(config, (message) => new Logger('Server').warn(message));
  await app.listen({ port: config.app.port, host: config.app.host });
  await checkEvictionPolicy(app.get(REDIS));
  new Logger('Server').log(`Listening on ${config.app.publicUrl} (port ${config.app.port})`);
}

void main();
