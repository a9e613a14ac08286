import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, PAGE_ERROR_RENDERER, registerMessages } from '@app/core';
import { HealthController } from './health/health.controller';
import { ErrorPageRenderer } from './pages/error-page.renderer';
import { SITE_MESSAGES } from './pages/site.messages';
import { HomeController } from './pages/home.controller';

registerMessages(SITE_MESSAGES);

/** The HTTP app: composes the libs' modules; holds no state of its own. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ applicationName: 'pmd-server', config })],
      controllers: [HealthController, HomeController],
      providers: [{ provide: PAGE_ERROR_RENDERER, useClass: ErrorPageRenderer }],
      exports: [PAGE_ERROR_RENDERER],
    };
  }
}
