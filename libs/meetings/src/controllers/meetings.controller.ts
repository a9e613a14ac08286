import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfGuard, StaffAccess, requestLocale } from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
import { AddAgendaItemDto } from '../dto/agenda-item.dto';
import { AttendanceDto, RecusalDto } from '../dto/attendance.dto';
import { CreateMeetingDto } from '../dto/create-meeting.dto';
import { RecordDecisionDto } from '../dto/decision.dto';
import { AgendaItemParams, MeetingIdParams, MeetingListQueryDto } from '../dto/meeting-query.dto';
import { DecisionRecordedDto, MeetingDto, MeetingListDto } from '../dto/meeting-view.dto';
import { CommentDto, MinutesDto } from '../dto/minutes.dto';
import { MeetingDocuments, PdfFile } from '../services/meeting-documents.service';
import { MeetingViews } from '../services/meeting-views.service';
import { MeetingAgenda } from '../services/meeting-agenda.service';
import { MeetingAttendanceService } from '../services/meeting-attendance.service';
import { MeetingComments } from '../services/meeting-comments.service';
import { MeetingDecisions } from '../services/meeting-decisions.service';
import { MeetingMinutes } from '../services/meeting-minutes.service';
import { MeetingsService } from '../services/meetings.service';

function sendPdf(reply: FastifyReply, file: PdfFile): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/**
 * Technical Group meetings (DESIGN §6): administrators plan and run them, legal experts put
 * cases on the agenda, members read agendas and minutes and comment. Cases appear only as the
 * Group reads them, without the reporter's identity.
 */
@ApiTags('meetings')
@Controller('api/v1/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly meetingAgenda: MeetingAgenda,
    private readonly meetingAttendance: MeetingAttendanceService,
    private readonly meetingDecisions: MeetingDecisions,
    private readonly meetingMinutes: MeetingMinutes,
    private readonly meetingComments: MeetingComments,
    private readonly views: MeetingViews,
    private readonly documents: MeetingDocuments,
  ) {}

  /** Newest first; members see meetings once their agenda is published. */
  @Get()
  @StaffAccess()
  @ApiOkResponse({ type: MeetingListDto })
  list(
    @CurrentStaff() actor: StaffPrincipal,
    @Query() query: MeetingListQueryDto,
  ): Promise<MeetingListDto> {
    return this.views.list(actor, query);
  }

  /** Plans a meeting; cases postponed earlier and waiting join its agenda. */
  @Post()
  @HttpCode(201)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiCreatedResponse({ description: '`{ id, carried }`: carried = cases that joined the agenda' })
  plan(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() body: CreateMeetingDto,
  ): Promise<{ id: string; carried: number }> {
    return this.meetings.plan(actor, body);
  }

  @Get(':id')
  @StaffAccess()
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({
    description: 'No such meeting (or, for a member, its agenda is not published yet)',
  })
  detail(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
  ): Promise<MeetingDto> {
    return this.views.detail(actor, params.id, requestLocale(request));
  }

  /** Publishes the agenda and emails each active member a link to it. */
  @Post(':id/publish')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`meeting_step_not_allowed`, `agenda_empty`' })
  publish(@CurrentStaff() actor: StaffPrincipal, @Param() params: MeetingIdParams): Promise<void> {
    return this.meetings.publishAgenda(actor, params.id);
  }

  /** Puts a case on the agenda (until the meeting is held); an assigned case moves to `technical_group`. */
  @Post(':id/items')
  @HttpCode(201)
  @StaffAccess('administrator', 'legal_expert')
  @UseGuards(CsrfGuard)
  @ApiCreatedResponse({ description: '`{ itemId }`' })
  @ApiConflictResponse({
    description:
      '`agenda_closed`, `case_already_on_agenda`, `case_not_ready_for_agenda`, `minutes_approved`',
  })
  addItem(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Body() body: AddAgendaItemDto,
  ): Promise<{ itemId: string }> {
    const { caseId, ...item } = body;
    return this.meetingAgenda.addItem(actor, params.id, { case: { id: caseId }, ...item });
  }

  /** Takes a case off an open agenda; it goes back to its legal expert (`assigned`). */
  @Delete(':id/items/:itemId')
  @HttpCode(204)
  @StaffAccess('administrator', 'legal_expert')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  removeItem(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
  ): Promise<void> {
    return this.meetingAgenda.removeItem(actor, params.id, params.itemId);
  }

  /** The members present; every other active member is recorded absent. */
  @Put(':id/attendance')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`attendance_closed`, `minutes_approved`' })
  attendance(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Body() body: AttendanceDto,
  ): Promise<void> {
    return this.meetingAttendance.recordAttendance(actor, params.id, body.presentMemberIds);
  }

  /** A member's declared conflict of interest on one item (institution conflicts are automatic). */
  @Post(':id/items/:itemId/recusals')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  recusal(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @Body() body: RecusalDto,
  ): Promise<void> {
    return this.meetingAttendance.declareRecusal(actor, params.id, params.itemId, body.memberId);
  }

  /** The meeting took place (counted in the statistics of its year). */
  @Post(':id/held')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  @ApiConflictResponse({
    description: '`meeting_step_not_allowed`, `attendance_not_recorded`, `meeting_not_yet_due`',
  })
  held(@CurrentStaff() actor: StaffPrincipal, @Param() params: MeetingIdParams): Promise<void> {
    return this.meetings.markHeld(actor, params.id);
  }

  /** The Group's decision on a case of the agenda; the case moves in the same transaction. */
  @Post(':id/decisions')
  @HttpCode(201)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiCreatedResponse({ type: DecisionRecordedDto })
  @ApiConflictResponse({
    description:
      '`meeting_not_held`, `case_not_on_agenda`, `decision_already_recorded`, `no_quorum`, `minutes_approved`, `transition_not_allowed`',
  })
  decide(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Body() body: RecordDecisionDto,
  ): Promise<DecisionRecordedDto> {
    return this.meetingDecisions.recordDecision(actor, params.id, body);
  }

  @Put(':id/minutes')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`minutes_approved`, `meeting_not_held`' })
  minutes(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Body() body: MinutesDto,
  ): Promise<void> {
    return this.meetingMinutes.saveMinutes(actor, params.id, body.text);
  }

  @Post(':id/minutes/approve')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`minutes_approved`, `minutes_missing`, `items_undecided`' })
  approve(@CurrentStaff() actor: StaffPrincipal, @Param() params: MeetingIdParams): Promise<void> {
    return this.meetingMinutes.approveMinutes(actor, params.id);
  }

  /** Cancels a meeting not yet held; its cases are carried to the next planned meeting. */
  @Post(':id/cancel')
  @HttpCode(204)
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  @ApiNoContentResponse()
  cancel(@CurrentStaff() actor: StaffPrincipal, @Param() params: MeetingIdParams): Promise<void> {
    return this.meetings.cancel(actor, params.id);
  }

  @Post(':id/items/:itemId/comments')
  @HttpCode(201)
  @StaffAccess()
  @UseGuards(CsrfGuard)
  @ApiCreatedResponse({ description: '`{ id }`' })
  comment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @Body() body: CommentDto,
  ): Promise<{ id: string }> {
    return this.meetingComments.comment(actor, params.id, params.itemId, body.body);
  }

  @Get(':id/agenda.pdf')
  @StaffAccess()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The agenda as PDF' })
  async agendaPdf(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendPdf(reply, await this.documents.agendaPdf(actor, params.id, requestLocale(request)));
  }

  @Get(':id/minutes.pdf')
  @StaffAccess()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The minutes as PDF (a draft until approved; members read approved minutes)',
  })
  @ApiConflictResponse({ description: '`meeting_not_held`, `minutes_not_approved`' })
  async minutesPdf(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendPdf(
      reply,
      await this.documents.minutesPdf(actor, params.id, requestLocale(request)),
    );
  }
}
