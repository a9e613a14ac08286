import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { databaseOptions } from './typeorm-options';

/** The PostgreSQL connection of an app; entities come from each lib's forFeature. */
@Module({})
export class DatabaseModule {
  static forApp(applicationName: string) {
    return TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config, applicationName),
        logging: false,
        autoLoadEntities: true,
        // Fail fast at start-up instead of retrying for minutes: the process manager restarts us.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    });
  }
}
