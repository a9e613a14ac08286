import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  Download,
  bufferDownload,
  DownloadFile,
  FormBody,
  Page,
  PageForm,
  PublicAccess,
  Redirect,
  Refused,
  StaffAccess,
  fileAnswer,
  requestLocale,
  seeOther,
  translate,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { PublishForm } from '../dto/publish.form';
import {
  PublicPageQueryDto,
  RegionalReportQueryDto,
  StaffPageQueryDto,
} from '../dto/statistics-query.dto';
import {
  REGIONAL_MAX_FILES,
  REGIONAL_MAX_FILE_BYTES,
  RegionalComparisons,
} from '../services/regional-comparison.service';
import { RegionalReports } from '../services/regional-report.service';
import { StatisticsImport } from '../services/statistics-import.service';
import { StatisticsPages } from '../services/statistics-pages.service';
import { StatisticsPublishing } from '../services/statistics-publishing.service';

const STAFF = 'statistics/staff.njk';
const IMPORT = 'statistics/import.njk';
const REGIONAL = 'statistics/regional.njk';
const REGIONAL_LIMITS = { maxFiles: REGIONAL_MAX_FILES, maxKb: REGIONAL_MAX_FILE_BYTES / 1024 };

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    private readonly pages: StatisticsPages,
    private readonly publishing: StatisticsPublishing,
    private readonly importer: StatisticsImport,
    private readonly regionalReports: RegionalReports,
    private readonly comparisons: RegionalComparisons,
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

  /** The yearly regional report of this installation (docs/regional-report/v1). */
  @Get('staff/statistics/regional-report')
  @StaffAccess('administrator')
  @Download()
  async regionalReport(
    @Query() query: RegionalReportQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<DownloadFile> {
    const file = await this.regionalReports.download(query.year, staff, request.ip ?? null);
    return bufferDownload(file.name, file.body);
  }

  @Get('staff/statistics/regional')
  @StaffAccess('administrator')
  @Page(REGIONAL, { csrf: true })
  regionalPage() {
    return { limits: REGIONAL_LIMITS };
  }

  /** Multipart: the CSRF token comes in the query string. */
  @Post('staff/statistics/regional')
  @StaffAccess('administrator')
  @CsrfTokenInQuery()
  @PageForm(REGIONAL, { again: 'regionalAgain' })
  async regionalCompare(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest) {
    const answer = await this.comparisons.compareUpload(request, staff, requestLocale(request));
    if ('file' in answer) return fileAnswer(answer.file.name, answer.file.body);
    return { limits: REGIONAL_LIMITS, comparison: answer.view };
  }

  /** The staff page again, with the refusal of a publication. */
  staffAgain(request: FastifyRequest) {
    return this.pages.staffPage({}, request.staff!, requestLocale(request));
  }

  importAgain() {
    return {};
  }

  /** The comparison form again; the summary's heading says which file was refused and why. */
  regionalAgain(request: FastifyRequest, refused: Refused) {
    const { error } = refused;
    return {
      limits: REGIONAL_LIMITS,
      headline: translate(requestLocale(request), `error.${error.code}`, error.params),
    };
  }
}
