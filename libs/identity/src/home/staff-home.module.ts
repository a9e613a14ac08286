import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { StaffHomeController } from './staff-home.controller';
import { STAFF_HOME_SECTIONS, StaffHomeSection } from './staff-home-section';

export interface StaffHomeOptions {
  /** Modules that export the sections. */
  imports?: ModuleMetadata['imports'];
  /** The sections of the home page, in the order they are shown. */
  sections: Type<StaffHomeSection>[];
}

/** Where an app says what the staff home page shows besides the links of the role. */
@Module({})
export class StaffHomeModule {
  static forRoot(options: StaffHomeOptions): DynamicModule {
    return {
      module: StaffHomeModule,
      imports: options.imports ?? [],
      controllers: [StaffHomeController],
      providers: [
        {
          provide: STAFF_HOME_SECTIONS,
          useFactory: (...sections: StaffHomeSection[]) => sections,
          inject: options.sections,
        },
      ],
    };
  }
}
