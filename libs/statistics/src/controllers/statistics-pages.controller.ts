import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CsrfGuard,
  CsrfTokenInQuery,
  DomainError,
  PublicAccess,
  StaffAccess,
  ViewRenderer,
  pageContext,
  requestLocale,
  sendPage,
} from '@app/core';
import { CurrentStaff, StaffPages, StaffPrincipal } from '@app/identity';
import { PublicPageQueryDto, StaffPageQueryDto } from '../dto/statistics-query.dto';
import { StatisticsImport } from '../services/statistics-import.service';
import { StatisticsPages } from '../services/statistics-pages.service';
import { StatisticsPublishing } from '../services/statistics-publishing.service';

/** What a page shows when an action was refused. */
function problemOf(error: unknown): {
  status: number;
  messages: { messageKey: string; params?: Record<string, string | number> }[];
  problems?: unknown;
} {
  if (!(error instanceof DomainError)) throw error;
  return {
    status: error.status,
    messages:
      error.fieldErrors.length > 0
        ? error.fieldErrors.map((e) => ({ messageKey: e.messageKey, params: e.params }))
        : [{ messageKey: `error.${error.code}`, params: error.params }],
    problems: error.extensions.problems,
  };
}

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    private readonly pages: StatisticsPages,
    private readonly views: ViewRenderer,
    private readonly staffPages: StaffPages,
    private readonly publishing: StatisticsPublishing,
    private readonly importer: StatisticsImport,
  ) {}

  @Get('statistics')
  @PublicAccess()
  async publicPage(
    @Query() query: PublicPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const model = await this.pages.publicPage(query, requestLocale(request));
    return sendPage(reply, this.views, 'statistics/public.njk', pageContext(request, model));
  }

  @Get('staff/statistics')
  @StaffAccess()
  async staffPage(
    @Query() query: StaffPageQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const model = await this.pages.staffPage(query, staff, requestLocale(request));
    return this.staffPages.render(request, reply, 'statistics/staff.njk', {
      ...model,
      publishedNotice: query.published ?? null,
    });
  }

  @Post('staff/statistics/publish')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  async publish(
    @Body() body: Record<string, unknown> | undefined,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const year = Number(body?.year);
    try {
      await this.publishing.publish(Number.isInteger(year) ? year : 0, staff, request.ip ?? null);
      return reply.redirect(`/staff/statistics?published=${year}`, 303);
    } catch (error) {
      const problem = problemOf(error);
      const model = await this.pages.staffPage({}, staff, requestLocale(request));
      return this.staffPages.render(
        request,
        reply,
        'statistics/staff.njk',
        { ...model, problem },
        problem.status,
      );
    }
  }

  @Get('staff/statistics/import')
  @StaffAccess('administrator')
  importPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.renderImport(request, reply, {});
  }

  @Post('staff/statistics/import')
  @StaffAccess('administrator')
  @CsrfTokenInQuery()
  @UseGuards(CsrfGuard)
  async importForm(
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      const result = await this.importer.importRequest(request, staff);
      return this.renderImport(request, reply, { result });
    } catch (error) {
      const problem = problemOf(error);
      return this.renderImport(request, reply, { problem }, problem.status);
    }
  }

  private renderImport(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown>,
    status = 200,
  ): FastifyReply {
    const context = this.staffPages.context(request, reply, extra);
    const action = `/staff/statistics/import?_csrf=${encodeURIComponent(String(context.csrf))}`;
    return sendPage(reply, this.views, 'statistics/import.njk', { ...context, action }, status);
  }
}
