import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseClock } from './entities/case-clock.entity';
import { CaseClockEvent } from './entities/case-clock-event.entity';
import { PublicHoliday } from './entities/public-holiday.entity';
import { CaseClockFacts } from './services/case-clock-facts';
import { CaseClockListener } from './services/case-clock-listener';
import { CaseClocks } from './services/case-clocks';
import { WorkingCalendarService } from './services/working-calendar.service';

/**
 * The listener that keeps each case's clock, for `CaseEventsModule.forRoot` (DESIGN §7a): it
 * runs in the transaction of every case change, so a clock never disagrees with its case.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CaseClock, CaseClockEvent, PublicHoliday])],
  providers: [CaseClockFacts, CaseClockListener, CaseClocks, WorkingCalendarService],
  exports: [CaseClockFacts, CaseClockListener, CaseClocks, WorkingCalendarService],
})
export class CaseClocksModule {}
