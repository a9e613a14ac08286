import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicAccess, PublicReferenceData, StaffAccess, requestLocale } from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import {
  ExportQueryDto,
  StaffStatisticsQueryDto,
  YearlyQueryDto,
} from '../dto/statistics-query.dto';
import { EncodedAnswers } from './encoded-answers';
import { StatisticsExport } from '../services/statistics-export.service';
import { ImportResult, StatisticsImport } from '../services/statistics-import.service';
import { PublishedYear, StatisticsPublishing } from '../services/statistics-publishing.service';
import { StatisticsService, YearlyStatistics } from '../services/statistics.service';

@ApiTags('statistics')
@Controller('api/v1/statistics')
export class StatisticsApiController {
  private readonly encoded = new EncodedAnswers();

  constructor(
    private readonly statistics: StatisticsService,
    private readonly exports: StatisticsExport,
    private readonly publishing: StatisticsPublishing,
    private readonly importer: StatisticsImport,
  ) {}

  @Get('yearly')
  @PublicAccess()
  @PublicReferenceData()
  @ApiOperation({
    summary:
      'Yearly figures and all years together; published years as published; small counts hidden as "x", with companions so that none can be worked out (no filters); each year\'s timeliness per stage (median, 90th percentile, share within target) where enough cases stand behind it',
  })
  async yearly(
    @Query() query: YearlyQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    // The same figures are the same answer object (StatisticsService memoises it): serialized
    // and compressed once, not on every request.
    const answer: YearlyStatistics = await this.statistics.publicYearly(query);
    const { body, encoding } = this.encoded.body(answer, request.headers['accept-encoding']);
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(body);
  }

  @Get('staff/yearly')
  @StaffAccess()
  @ApiOperation({
    summary: 'Exact live figures for staff, with filters (community, area, municipality)',
  })
  staffYearly(@Query() query: StaffStatisticsQueryDto): Promise<YearlyStatistics> {
    return this.statistics.staffYearly(query, query);
  }

  @Get('export')
  @StaffAccess()
  @ApiOperation({
    summary: 'The staff figures with the same filters as CSV, XLSX or JSON (audited)',
  })
  async export(
    @Query() query: ExportQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.exports.export(
      query.format,
      query,
      query,
      staff,
      requestLocale(request),
      request.ip ?? null,
    );
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  }

  @Post('years/:year/publish')
  @StaffAccess('administrator')
  @HttpCode(201)
  @ApiOperation({ summary: 'Freeze a finished year’s figures as published' })
  publish(
    @Param('year', ParseIntPipe) year: number,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<PublishedYear> {
    return this.publishing.publish(year, staff, request.ip ?? null);
  }

  @Post('import')
  @StaffAccess('administrator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import cases (and meetings held per year) of the earlier platform: JSON body, or multipart files `cases` (CSV or JSON) and `meetings` (CSV); all or nothing',
  })
  import(
    @Req() request: FastifyRequest,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ImportResult> {
    return this.importer.importRequest(request, staff);
  }
}
