import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  FormBody,
  Page,
  PageForm,
  PublicAccess,
  Redirect,
  StaffAccess,
  requestLocale,
  seeOther,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { PublishForm } from '../dto/publish.form';
import { PublicPageQueryDto, StaffPageQueryDto } from '../dto/statistics-query.dto';
import { StatisticsImport } from '../services/statistics-import.service';
import { StatisticsPages } from '../services/statistics-pages.service';
import { StatisticsPublishing } from '../services/statistics-publishing.service';

const STAFF = 'statistics/staff.njk';
const IMPORT = 'statistics/import.njk';

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    private readonly pages: StatisticsPages,
    private readonly publishing: StatisticsPublishing,
    private readonly importer: StatisticsImport,
  ) {}

  @Get('statistics')
  @PublicAccess()
  @Page('statistics/public.njk')
  publicPage(@Query() query: PublicPageQueryDto, @Req() request: FastifyRequest) {
    return this.pages.publicPage(query, requestLocale(request));
  }

  @Get('staff/statistics')
  @StaffAccess()
  @Page(STAFF, { csrf: true })
  async staffPage(
    @Query() query: StaffPageQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ) {
    const model = await this.pages.staffPage(query, staff, requestLocale(request));
    return { ...model, publishedNotice: query.published ?? null };
  }

  @Post('staff/statistics/publish')
  @StaffAccess('administrator')
  @PageForm(STAFF, { again: 'staffAgain' })
  async publish(
    @FormBody(PublishForm, { ignoreUnknown: true }) form: PublishForm,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const year = form.toYear();
    await this.publishing.publish(year, staff, request.ip ?? null);
    return seeOther(`/staff/statistics?published=${year}`);
  }

  @Get('staff/statistics/import')
  @StaffAccess('administrator')
  @Page(IMPORT, { csrf: true })
  importPage() {
    return {};
  }

  /** Multipart: the CSRF token comes in the query string. */
  @Post('staff/statistics/import')
  @StaffAccess('administrator')
  @CsrfTokenInQuery()
  @PageForm(IMPORT, { again: 'importAgain' })
  async importForm(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest) {
    return { result: await this.importer.importRequest(request, staff) };
  }

  /** The staff page again, with the refusal of a publication. */
  staffAgain(request: FastifyRequest) {
    return this.pages.staffPage({}, request.staff!, requestLocale(request));
  }

  importAgain() {
    return {};
  }
}
