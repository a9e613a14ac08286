import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, loadConfig } from './config/app-config';
import { Clock, SystemClock } from './clock/clock';
import { CountryProfileApplication } from './country/country-application.service';
import { CountryProfile } from './country/country-profile.service';
import { useInstallationProfile } from './country/installation';
import { FieldCipher } from './crypto/field-cipher';
import { CsrfGuard, CsrfService } from './http/csrf';
import { DatabaseModule } from './database/database.module';
import { PreparedStatements } from './database/prepared-statements';
import { PdfRenderer } from './pdf/pdf-renderer';
import { RateLimiter } from './redis/rate-limiter';
import { REDIS, createRedis } from './redis/redis';
import { ViewRenderer, viewSearchPaths } from './views/view-renderer';

export interface CoreModuleOptions {
  /** Which process this is; shows in PostgreSQL's application_name. */
  applicationName: string;
  /** Configuration already loaded (tests); otherwise read from the environment. */
  config?: AppConfig;
  /** Overrides the clock (tests). */
  clock?: Clock;
}

/**
 * Shared infrastructure of both apps: validated configuration, PostgreSQL, Redis, clock,
 * field encryption and the HTML renderer. Global, so every lib can inject them.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(options: CoreModuleOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    // Pure helpers and validators (dates, references, languages) follow the profile too.
    useInstallationProfile(config.country.profile);
    return {
      module: CoreModule,
      imports: [DatabaseModule.forApp(options.applicationName)],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: CountryProfile, useFactory: () => new CountryProfile(config.country.profile) },
        {
          provide: FieldCipher,
          useFactory: () =>
            new FieldCipher(config.security.encryptionKeys, config.security.activeEncryptionKeyId),
        },
        { provide: REDIS, useFactory: () => createRedis(config, 'server') },
        {
          provide: ViewRenderer,
          useFactory: () =>
            new ViewRenderer(viewSearchPaths(), {
              globals: { quickExitUrl: config.app.quickExitUrl },
            }),
        },
        CountryProfileApplication,
        CsrfService,
        CsrfGuard,
        PdfRenderer,
        PreparedStatements,
        RateLimiter,
      ],
      exports: [
        APP_CONFIG,
        Clock,
        CountryProfile,
        CountryProfileApplication,
        CsrfGuard,
        CsrfService,
        FieldCipher,
        PdfRenderer,
        PreparedStatements,
        RateLimiter,
        REDIS,
        ViewRenderer,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
