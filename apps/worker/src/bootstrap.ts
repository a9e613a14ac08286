import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AppConfig, PinoLoggerService, createLogger } from '@app/core';
import { WorkerModule } from './worker.module';

export interface WorkerOptions {
  config: AppConfig;
  logDestination?: DestinationStream;
}

/** Builds the worker (an application context: no HTTP), as production and tests run it. */
export async function createWorker({
  config,
  logDestination,
}: WorkerOptions): Promise<INestApplicationContext> {
  const logger = createLogger(config.app.logLevel, logDestination);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoLoggerService(logger),
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
