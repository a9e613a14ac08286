// eslint-disable-next-line no-restricted-imports -- first, alone: the @app/core index would load the modules this is to speed up
import '../../../libs/core/src/runtime/compile-cache';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { REDIS, checkEvictionPolicy, readConfigOrExit } from '@app/core';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // Loaded only once the configuration is valid, so a refusal is immediate and cheap.
  const { createWorker } = await import('./bootstrap');
  const app = await createWorker({ config });
  await checkEvictionPolicy(app.get(REDIS));
  new Logger('Worker').log('Worker started');
}

void main();
