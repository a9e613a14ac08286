import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfGuard, ParseIdPipe, StaffAccess, requestLocale } from '@app/core';
import { CurrentStaff, StaffPages, StaffPrincipal } from '@app/identity';
import { CaseListQueryDto, StaffPageQueryDto } from '../dto/case-list-query.dto';
import { CaseHandlingService } from '../services/case-handling.service';
import { CaseListMode, CasePagesService, PageProblem } from '../services/case-pages.service';
import { firstValues } from '../services/form-fields';
import { sendDownload } from './downloads';

function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
}

/**
 * The back-office case pages: triage queue, case list, "my cases" and the case page with the
 * forms of the actions the user may take now. Forms post back here and answer with a redirect
 * (or the page again with its errors), so everything works without JavaScript.
 */
@ApiExcludeController()
@StaffAccess('administrator', 'legal_expert')
@Controller('staff/cases')
export class StaffCasePagesController {
  constructor(
    private readonly pages: CasePagesService,
    private readonly handling: CaseHandlingService,
    private readonly staffPages: StaffPages,
  ) {}

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.showList(staff, 'all', query, request, reply);
  }

  /** New cases, oldest first, with their age. */
  @Get('triage')
  triage(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.showList(staff, 'triage', query, request, reply);
  }

  /** The cases assigned to the signed-in legal expert. */
  @Get('mine')
  @StaffAccess('legal_expert')
  mine(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.showList(staff, 'mine', query, request, reply);
  }

  @Get(':id')
  async show(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Query() query: StaffPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const view = await this.pages.casePage(staff, id, requestLocale(request), {
      notice: query.done,
    });
    return this.staffPages.render(request, reply, 'cases/staff-case.njk', { page: view });
  }

  @Post(':id/transitions')
  @UseGuards(CsrfGuard)
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const form = this.pages.transitionFrom(body ?? {});
    try {
      await this.handling.transition(staff, id, form);
      return seeOther(reply, `/staff/cases/${id}?done=transition`);
    } catch (error) {
      return this.showProblem(
        staff,
        id,
        error,
        `t-${String(form.to ?? 'x')}`,
        body,
        request,
        reply,
      );
    }
  }

  @Post(':id/assignment')
  @UseGuards(CsrfGuard)
  async assign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const values = firstValues(body);
    const version = Number(values.expectedVersion);
    try {
      await this.handling.assign(staff, id, {
        assigneeId: values.assigneeId ?? '',
        expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined,
      });
      return seeOther(reply, `/staff/cases/${id}?done=assignment`);
    } catch (error) {
      return this.showProblem(staff, id, error, 'assign', body, request, reply);
    }
  }

  @Post(':id/notes')
  @UseGuards(CsrfGuard)
  async addNote(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await this.handling.addNote(staff, id, firstValues(body).body ?? '');
      return seeOther(reply, `/staff/cases/${id}?done=note#notes`);
    } catch (error) {
      return this.showProblem(staff, id, error, 'note', body, request, reply);
    }
  }

  @Post(':id/messages')
  @UseGuards(CsrfGuard)
  async postMessage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await this.handling.postMessage(staff, id, firstValues(body).body ?? '');
      return seeOther(reply, `/staff/cases/${id}?done=message#messages`);
    } catch (error) {
      return this.showProblem(staff, id, error, 'message', body, request, reply);
    }
  }

  /** Shows the reporter's identity on the case page (audited); a POST, never a link. */
  @Post(':id/identity')
  @UseGuards(CsrfGuard)
  async identity(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const identity = await this.handling.revealIdentity(staff, id, request.ip ?? null);
    const view = await this.pages.casePage(staff, id, requestLocale(request), { identity });
    return this.staffPages.render(request, reply, 'cases/staff-case.njk', { page: view });
  }

  /** A new response link for a referral, shown once on the case page. */
  @Post(':id/referrals/:referralId/link')
  @UseGuards(CsrfGuard)
  async renewLink(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('referralId', new ParseIdPipe('referral_not_found')) referralId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const renewedLink = await this.handling.renewReferralLink(staff, id, referralId);
    const view = await this.pages.casePage(staff, id, requestLocale(request), { renewedLink });
    return this.staffPages.render(request, reply, 'cases/staff-case.njk', { page: view });
  }

  @Get(':id/evidence/:evidenceId')
  async evidence(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('evidenceId', new ParseIdPipe('evidence_not_found')) evidenceId: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendDownload(reply, await this.handling.openEvidence(staff, id, evidenceId));
  }

  @Get(':id/referrals/:referralId/documents/:documentId')
  async referralDocument(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('documentId', new ParseIdPipe('evidence_not_found')) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendDownload(reply, await this.handling.openReferralDocument(staff, id, documentId));
  }

  private async showList(
    staff: StaffPrincipal,
    mode: CaseListMode,
    query: CaseListQueryDto,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const view = await this.pages.listPage(staff, mode, query, requestLocale(request));
    return this.staffPages.render(request, reply, 'cases/staff-case-list.njk', { page: view });
  }

  /** The case page again with the refusal: errors beside the fields, the form kept open. */
  private async showProblem(
    staff: StaffPrincipal,
    id: string,
    error: unknown,
    form: string,
    body: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const locale = requestLocale(request);
    const problem: PageProblem = this.pages.problemOf(error, locale, form, body);
    // An unknown case (or one the user may not know) has no page to show the error on.
    if (problem.status === 404) throw error;
    const view = await this.pages.casePage(staff, id, locale, { problem });
    return this.staffPages.render(
      request,
      reply,
      'cases/staff-case.njk',
      { page: view },
      problem.status,
    );
  }
}
