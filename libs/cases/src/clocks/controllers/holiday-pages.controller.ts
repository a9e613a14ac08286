import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FormBody, Page, PageForm, Redirect, RedirectForm, StaffAccess, seeOther } from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { HolidayFormDto, HolidaysPageQueryDto } from '../dto/holiday-form.dto';
import { PublicHolidaysService } from '../services/public-holidays.service';

const HOLIDAYS = 'cases/holidays.njk';

/** The administrators' page of the working-day calendar: a year's public holidays. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/holidays')
export class HolidayPagesController {
  constructor(private readonly holidays: PublicHolidaysService) {}

  @Get()
  @Page(HOLIDAYS, { csrf: true })
  async page(@Query() query: HolidaysPageQueryDto) {
    return { ...(await this.yearPage(query.year)), notice: query.done };
  }

  @Post()
  @PageForm(HOLIDAYS, { again: 'againPage' })
  async add(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(HolidayFormDto) form: HolidayFormDto,
  ): Promise<Redirect> {
    await this.holidays.add(actor, form.day, form.name);
    return seeOther(`/staff/holidays?year=${form.day.slice(0, 4)}&done=added`);
  }

  @Post(':day/remove')
  @RedirectForm()
  async remove(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('day') day: string,
  ): Promise<Redirect> {
    await this.holidays.remove(actor, day);
    return seeOther(`/staff/holidays?year=${day.slice(0, 4)}&done=removed`);
  }

  /** The current year's page again after a refused form (with what was typed). */
  againPage() {
    return this.yearPage(undefined);
  }

  private async yearPage(requested: number | undefined) {
    const year = requested ?? this.holidays.currentYear();
    return {
      year,
      previousYear: year - 1,
      nextYear: year + 1,
      holidays: await this.holidays.list(year),
    };
  }
}
