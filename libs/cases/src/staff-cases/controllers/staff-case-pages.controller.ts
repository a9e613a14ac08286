import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Download,
  FormBody,
  Page,
  PageForm,
  ParseIdPipe,
  Redirect,
  Refused,
  StaffAccess,
  formValues,
  pathEnd,
  readForm,
  requestLocale,
  routeParam,
  seeOther,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { CaseListQueryDto, StaffPageQueryDto } from '../dto/case-list-query.dto';
import { AssignmentFormDto, TextFormDto, TransitionFormDto } from '../dto/case-page-forms.dto';
import { AnswerSharingFormDto } from '../../referrals/dto/answer-sharing.dto';
import { CaseHandlingService } from '../services/case-handling.service';
import { CaseListMode, CasePagesService } from '../services/case-pages.service';

const CASE = 'cases/staff-case.njk';
const LIST = 'cases/staff-case-list.njk';
/** Forms of the case page carry fields of the other forms of the page; only its own count. */
const IGNORE = { ignoreUnknown: true };

interface CaseForm {
  /** The form's id on the page (kept open after a refusal). */
  id: (body: unknown) => string;
  /** The notice (and the part of the page) after it succeeded. */
  done: string;
  run: (
    cases: CaseHandlingService,
    staff: StaffPrincipal,
    id: string,
    body: unknown,
  ) => Promise<unknown>;
}

/** Each form of the case page by the last segment of its path: its form class, its command. */
const CASE_FORMS: Record<string, CaseForm> = {
  transitions: {
    id: (body) => TransitionFormDto.formOf(body),
    done: 'transition',
    run: (cases, staff, id, body) =>
      cases.transition(staff, id, readForm(TransitionFormDto, body, IGNORE).toCommand()),
  },
  assignment: {
    id: () => 'assign',
    done: 'assignment',
    run: (cases, staff, id, body) =>
      cases.assign(staff, id, readForm(AssignmentFormDto, body, IGNORE).toCommand()),
  },
  notes: {
    id: () => 'note',
    done: 'note#notes',
    run: (cases, staff, id, body) =>
      cases.addNote(staff, id, readForm(TextFormDto, body, IGNORE).text),
  },
  messages: {
    id: () => 'message',
    done: 'message#messages',
    run: (cases, staff, id, body) =>
      cases.postMessage(staff, id, readForm(TextFormDto, body, IGNORE).text),
  },
};

function caseForm(request: FastifyRequest): CaseForm {
  return CASE_FORMS[pathEnd(request)];
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
  ) {}

  /** All cases, or the triage queue (new ones, oldest first). */
  @Get(['', 'triage'])
  @Page(LIST, { csrf: true })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
    @Req() request: FastifyRequest,
  ) {
    return this.listOf(staff, pathEnd(request) === 'triage' ? 'triage' : 'all', query, request);
  }

  /** The cases assigned to the signed-in legal expert (the route rule says so, as the matrix checks). */
  @Get('mine')
  @StaffAccess('legal_expert')
  @Page(LIST, { csrf: true })
  mine(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
    @Req() request: FastifyRequest,
  ) {
    return this.listOf(staff, 'mine', query, request);
  }

  @Get(':id')
  @Page(CASE, { csrf: true })
  async show(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Query() query: StaffPageQueryDto,
    @Req() request: FastifyRequest,
  ) {
    return {
      page: await this.pages.casePage(staff, id, requestLocale(request), { notice: query.done }),
    };
  }

  /** The forms of the case page: a step, the assignment, a note, a message to the reporter. */
  @Post([':id/transitions', ':id/assignment', ':id/notes', ':id/messages'])
  @PageForm(CASE, { again: 'caseAgain', form: (request) => caseForm(request).id(request.body) })
  async act(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const form = caseForm(request);
    await form.run(this.handling, staff, id, request.body);
    return seeOther(`/staff/cases/${id}?done=${form.done}`);
  }

  /** Shows the reporter's identity on the case page (audited); a POST, never a link. */
  @Post(':id/identity')
  @PageForm(CASE)
  async identity(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ) {
    const identity = await this.handling.revealIdentity(staff, id, request.ip ?? null);
    return { page: await this.pages.casePage(staff, id, requestLocale(request), { identity }) };
  }

  /** A new response link for a referral, shown once on the case page. */
  @Post(':id/referrals/:referralId/link')
  @PageForm(CASE)
  async renewLink(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('referralId', new ParseIdPipe('referral_not_found')) referralId: string,
    @Req() request: FastifyRequest,
  ) {
    const renewedLink = await this.handling.renewReferralLink(staff, id, referralId);
    return { page: await this.pages.casePage(staff, id, requestLocale(request), { renewedLink }) };
  }

  /** Shares an institution's answer with the reporter, or stops sharing it. */
  @Post(':id/referrals/:referralId/sharing')
  @PageForm(CASE, { again: 'caseAgain', form: () => 'sharing' })
  async shareAnswer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('referralId', new ParseIdPipe('referral_not_found')) referralId: string,
    @FormBody(AnswerSharingFormDto, IGNORE) form: AnswerSharingFormDto,
  ): Promise<Redirect> {
    await this.handling.shareReferralAnswer(staff, id, referralId, form.isShared);
    return seeOther(`/staff/cases/${id}?done=sharing#referrals-title`);
  }

  /** Evidence, and the documents of an institution's answer: always downloads. */
  @Get([':id/evidence/:fileId', ':id/referrals/:referralId/documents/:fileId'])
  @Download()
  file(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('fileId', new ParseIdPipe('evidence_not_found')) fileId: string,
    @Param('referralId') referralId: string | undefined,
  ) {
    return referralId === undefined
      ? this.handling.openEvidence(staff, id, fileId)
      : this.handling.openReferralDocument(staff, id, fileId);
  }

  /** The case page again with the refusal: errors beside the fields, the form kept open. */
  async caseAgain(request: FastifyRequest, { problem, error, form }: Refused) {
    // An unknown case (or one the user may not know) has no page to show the error on.
    if (problem.status === 404) throw error;
    const locale = requestLocale(request);
    const refusal = {
      form,
      problem: this.pages.problemOf(error, locale, form),
      values: formValues(request.body),
    };
    const id = routeParam(request, 'id');
    return { page: await this.pages.casePage(request.staff!, id, locale, { refusal }) };
  }

  private async listOf(
    staff: StaffPrincipal,
    mode: CaseListMode,
    query: CaseListQueryDto,
    request: FastifyRequest,
  ) {
    const page = await this.pages.listPage(staff, mode, query, requestLocale(request));
    return { page };
  }
}
