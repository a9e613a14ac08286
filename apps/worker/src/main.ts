import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { REDIS, checkEvictionPolicy, readConfigOrExit } from '@app/core';
import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const app = await createWorker({ config });
  await checkEvictionPolicy(app.get(REDIS));
  new Logger('Worker').log('Worker started');
}

void main();
