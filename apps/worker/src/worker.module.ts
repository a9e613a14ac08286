import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@app/core';

/**
 * The background process: no controllers, only the modules that hold queue processors,
 * the outbox relay and scheduled jobs.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ applicationName: 'pmd-worker', config })],
    };
  }
}
