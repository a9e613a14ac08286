import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Download, ParseIdPipe, StaffAccess, requestLocale } from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { CaseListQueryDto } from '../dto/case-list-query.dto';
import {
  CaseDetailDto,
  CaseListDto,
  HistoryEntryDto,
  NoteDto,
  PostedIdDto,
  RenewedLinkDto,
  ReporterIdentityDto,
  StaffMessageDto,
} from '../dto/staff-case.dto';
import {
  AssignmentRequestDto,
  NoteRequestDto,
  TransitionRequestDto,
  TransitionResultDto,
} from '../../workflow/dto/transition-request.dto';
import { AnswerSharingDto } from '../../referrals/dto/answer-sharing.dto';
import { CaseHandlingService, FileDownload } from '../services/case-handling.service';
import { CaseQueryService } from '../services/case-query.service';

/**
 * Case management for staff (DESIGN §6). Technical Group members are refused here (403): they
 * read agenda cases, pseudonymized, through the meetings. Which case a legal expert may
 * handle is the services' decision.
 */
@ApiTags('case management')
@StaffAccess('administrator', 'legal_expert')
@Controller('api/v1/cases')
export class StaffCasesController {
  constructor(
    private readonly cases: CaseQueryService,
    private readonly handling: CaseHandlingService,
  ) {}

  /** Filtered, paginated list, newest first (`order=oldest` for a queue). */
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: CaseListDto })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: CaseListQueryDto,
  ): Promise<CaseListDto> {
    return this.cases.list(staff, query);
  }

  /** A case without the reporter's identity; `allowedTransitions` says what the caller may do now. */
  @Get(':id')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ description: 'Unknown case' })
  detail(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.detail(staff, id, requestLocale(request));
  }

  /**
   * One step of the workflow. 409 `transition_not_allowed` lists `allowedTransitions`; 409
   * `case_version_conflict` when `expectedVersion` is stale; 400 names missing requirements.
   */
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultDto })
  @ApiBadRequestResponse({ description: 'What the target status needs is missing or wrong' })
  @ApiConflictResponse({ description: 'Refused transition, or stale version' })
  @ApiForbiddenResponse({ description: 'The case is not assigned to this legal expert' })
  transition(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() request: TransitionRequestDto,
  ): Promise<TransitionResultDto> {
    return this.handling.transition(staff, id, request);
  }

  /** Assigns (in review) or reassigns (being handled) the case to a legal expert. */
  @Post(':id/assignment')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultDto })
  assign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() request: AssignmentRequestDto,
  ): Promise<TransitionResultDto> {
    return this.handling.assign(staff, id, request);
  }

  /** The whole history, staff-only entries included. */
  @Get(':id/history')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<HistoryEntryDto[]> {
    return this.cases.history(staff, id);
  }

  @Get(':id/notes')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: [NoteDto] })
  notes(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<NoteDto[]> {
    return this.cases.notes(staff, id);
  }

  /** An internal note (never shown to the reporter); notes cannot be edited. */
  @Post(':id/notes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PostedIdDto })
  addNote(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() request: NoteRequestDto,
  ): Promise<PostedIdDto> {
    return this.handling.addNote(staff, id, request.body);
  }

  @Get(':id/messages')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: [StaffMessageDto] })
  messages(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<StaffMessageDto[]> {
    return this.cases.messages(staff, id);
  }

  /** A message to the reporter. */
  @Post(':id/messages')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PostedIdDto })
  postMessage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() request: NoteRequestDto,
  ): Promise<PostedIdDto> {
    return this.handling.postMessage(staff, id, request.body);
  }

  /** The reporter's contact details: an audited action (`identity_viewed`). */
  @Post(':id/identity')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: ReporterIdentityDto })
  @ApiForbiddenResponse({ description: 'Not an administrator nor the legal expert of the case' })
  identity(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ReporterIdentityDto> {
    return this.handling.revealIdentity(staff, id, request.ip ?? null);
  }

  /** An evidence file, always as a download. */
  @Get(':id/evidence/:evidenceId')
  @Download()
  evidence(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('evidenceId', new ParseIdPipe('evidence_not_found')) evidenceId: string,
  ): Promise<FileDownload> {
    return this.handling.openEvidence(staff, id, evidenceId);
  }

  /** A document of an institution's answer, always as a download. */
  @Get(':id/referrals/:referralId/documents/:documentId')
  @Download()
  referralDocument(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('documentId', new ParseIdPipe('evidence_not_found')) documentId: string,
  ): Promise<FileDownload> {
    return this.handling.openReferralDocument(staff, id, documentId);
  }

  /** A new response link for a referral still waiting; the old one stops working. */
  @Post(':id/referrals/:referralId/link')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: RenewedLinkDto })
  renewLink(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('referralId', new ParseIdPipe('referral_not_found')) referralId: string,
  ): Promise<RenewedLinkDto> {
    return this.handling.renewReferralLink(staff, id, referralId);
  }

  /**
   * Shares an institution's answer with the reporter (their follow-up page shows it), or stops
   * sharing it. Never shared until the legal expert says so; 409 `referral_not_answered`.
   */
  @Put(':id/referrals/:referralId/answer-sharing')
  @HttpCode(200)
  @ApiOkResponse({ type: AnswerSharingDto })
  @ApiConflictResponse({ description: '`referral_not_answered`' })
  @ApiForbiddenResponse({ description: 'Not an administrator nor the legal expert of the case' })
  shareAnswer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', new ParseIdPipe('case_not_found')) id: string,
    @Param('referralId', new ParseIdPipe('referral_not_found')) referralId: string,
    @Body() body: AnswerSharingDto,
  ): Promise<AnswerSharingDto> {
    return this.handling.shareReferralAnswer(staff, id, referralId, body.shared);
  }
}
