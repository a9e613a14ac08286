import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfGuard, StaffAccess, requestLocale } from '@app/core';
import {
  CurrentStaff,
  FormProblem,
  StaffPages,
  StaffPrincipal,
  formProblem,
  readForm,
} from '@app/identity';
import { AddAgendaItemFormDto } from '../dto/agenda-item.dto';
import { AttendanceFormDto, RecusalDto } from '../dto/attendance.dto';
import { CreateMeetingDto } from '../dto/create-meeting.dto';
import { DecisionFormDto } from '../dto/decision.dto';
import {
  AgendaItemParams,
  MeetingIdParams,
  MeetingListPageQueryDto,
  MeetingListQueryDto,
} from '../dto/meeting-query.dto';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { CommentDto, MinutesDto } from '../dto/minutes.dto';
import { MeetingDocuments } from '../services/meeting-documents.service';
import { MeetingPagesService } from '../services/meeting-pages.service';
import { MeetingAgenda } from '../services/meeting-agenda.service';
import { MeetingAttendanceService } from '../services/meeting-attendance.service';
import { MeetingComments } from '../services/meeting-comments.service';
import { MeetingDecisions } from '../services/meeting-decisions.service';
import { MeetingMinutes } from '../services/meeting-minutes.service';
import { MeetingsService } from '../services/meetings.service';

/** Notices a page shows after a form succeeded (`?done=`). */
const NOTICES = [
  'planned',
  'published',
  'item_added',
  'item_removed',
  'attendance',
  'recusal',
  'held',
  'decision',
  'minutes',
  'approved',
  'cancelled',
  'comment',
] as const;
type Notice = (typeof NOTICES)[number];

function noticeOf(done: string | undefined): Notice | undefined {
  return (NOTICES as readonly string[]).includes(done ?? '') ? (done as Notice) : undefined;
}

/**
 * The meeting pages: the list, a meeting (agenda, attendance, decisions, minutes), the members'
 * agenda with comments, and the printable minutes. Forms post here and come back to the page
 * (303), or show it again with the reason of a refusal.
 */
@ApiExcludeController()
@Controller('staff/meetings')
export class MeetingPagesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly meetingAgenda: MeetingAgenda,
    private readonly meetingAttendance: MeetingAttendanceService,
    private readonly meetingDecisions: MeetingDecisions,
    private readonly meetingMinutes: MeetingMinutes,
    private readonly meetingComments: MeetingComments,
    private readonly content: MeetingPagesService,
    private readonly documents: MeetingDocuments,
    private readonly pages: StaffPages,
  ) {}

  @Get()
  @StaffAccess()
  async list(
    @CurrentStaff() actor: StaffPrincipal,
    @Query() query: MeetingListPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.showList(
      actor,
      { status: query.status, page: query.page, pageSize: query.pageSize },
      request,
      reply,
      {},
    );
  }

  @Post()
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  async plan(
    @CurrentStaff() actor: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    try {
      const { id } = await this.meetings.plan(actor, readForm(CreateMeetingDto, body));
      return reply.redirect(`/staff/meetings/${id}?done=planned`, 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      return this.showList(actor, {}, request, reply, { ...problem, values: body ?? {} }, problem);
    }
  }

  @Get(':id')
  @StaffAccess()
  async meeting(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Query('done') done: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.showMeeting(actor, params.id, request, reply, { notice: noticeOf(done) });
  }

  /** The members' view of the agenda before the meeting, with their comments. */
  @Get(':id/agenda')
  @StaffAccess()
  async agenda(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Query('done') done: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const page = await this.content.meeting(actor, params.id, requestLocale(request));
    return this.pages.render(request, reply, 'meetings/agenda.njk', {
      ...page,
      notice: noticeOf(done),
    });
  }

  /** The minutes, ready to print. */
  @Get(':id/minutes')
  @StaffAccess()
  async minutes(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const meeting = await this.documents.minutes(actor, params.id, requestLocale(request));
    return this.pages.render(request, reply, 'meetings/minutes.njk', { meeting });
  }

  @Post(':id/publish')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  publish(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'status', 'published', {}, () =>
      this.meetings.publishAgenda(actor, params.id),
    );
  }

  @Post(':id/items')
  @StaffAccess('administrator', 'legal_expert')
  @UseGuards(CsrfGuard)
  addItem(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'add-item', 'item_added', body, () => {
      const form = readForm(AddAgendaItemFormDto, body);
      return this.meetingAgenda.addItem(actor, params.id, {
        case: { reference: form.reference },
        summary: form.summary,
        proposedDecision: form.proposedDecision,
        proposedInstitutionCodes: form.proposedInstitutionCode
          ? [form.proposedInstitutionCode]
          : [],
        respondentInstitutionCode: form.respondentInstitutionCode ?? null,
      });
    });
  }

  @Post(':id/items/:itemId/remove')
  @StaffAccess('administrator', 'legal_expert')
  @UseGuards(CsrfGuard)
  removeItem(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'agenda', 'item_removed', {}, () =>
      this.meetingAgenda.removeItem(actor, params.id, params.itemId),
    );
  }

  @Post(':id/attendance')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  attendance(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'attendance', 'attendance', body, () =>
      this.meetingAttendance.recordAttendance(
        actor,
        params.id,
        readForm(AttendanceFormDto, body).present ?? [],
      ),
    );
  }

  @Post(':id/items/:itemId/recusals')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  recusal(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.act(
      actor,
      params.id,
      request,
      reply,
      `item-${params.itemId}`,
      'recusal',
      body,
      () =>
        this.meetingAttendance.declareRecusal(
          actor,
          params.id,
          params.itemId,
          readForm(RecusalDto, body).memberId,
        ),
    );
  }

  @Post(':id/held')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  held(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'status', 'held', {}, () =>
      this.meetings.markHeld(actor, params.id),
    );
  }

  @Post(':id/decisions')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  decide(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    const caseId = String((body as Record<string, unknown> | undefined)?.caseId ?? '');
    return this.act(actor, params.id, request, reply, `decide-${caseId}`, 'decision', body, () => {
      const form = readForm(DecisionFormDto, body);
      const referral = form.kind === 'refer' && form.institutionCode;
      return this.meetingDecisions.recordDecision(actor, params.id, {
        caseId: form.caseId,
        kind: form.kind,
        text: form.text,
        referrals: referral
          ? [
              {
                institutionCode: form.institutionCode!,
                municipalityCode: form.municipalityCode ?? null,
                recommendation: form.recommendation ?? '',
                summary: form.summary ?? '',
                responseDueDate: form.responseDueDate ?? '',
                contactEmail: form.contactEmail ?? null,
              },
            ]
          : [],
      });
    });
  }

  @Post(':id/minutes')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  saveMinutes(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'minutes', 'minutes', body, () =>
      this.meetingMinutes.saveMinutes(actor, params.id, readForm(MinutesDto, body).text),
    );
  }

  @Post(':id/minutes/approve')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  approve(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'minutes', 'approved', {}, () =>
      this.meetingMinutes.approveMinutes(actor, params.id),
    );
  }

  @Post(':id/cancel')
  @StaffAccess('administrator')
  @UseGuards(CsrfGuard)
  cancel(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(actor, params.id, request, reply, 'status', 'cancelled', {}, () =>
      this.meetings.cancel(actor, params.id),
    );
  }

  /** Comments are written on the members' agenda page, and it is shown again. */
  @Post(':id/items/:itemId/comments')
  @StaffAccess()
  @UseGuards(CsrfGuard)
  async comment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    const form = `comment-${params.itemId}`;
    try {
      await this.meetingComments.comment(
        actor,
        params.id,
        params.itemId,
        readForm(CommentDto, body).body,
      );
      return reply.redirect(
        `/staff/meetings/${params.id}/agenda?done=comment#item-${params.itemId}`,
        303,
      );
    } catch (error) {
      const problem = formProblem(error, reply);
      const page = await this.content.meeting(actor, params.id, requestLocale(request));
      return this.pages.render(
        request,
        reply,
        'meetings/agenda.njk',
        { ...page, ...problem, failedForm: form, values: body ?? {} },
        problem.status,
      );
    }
  }

  /** Runs a form's command; back to the meeting page, or the page again with the refusal. */
  private async act(
    actor: StaffPrincipal,
    meetingId: string,
    request: FastifyRequest,
    reply: FastifyReply,
    form: string,
    done: Notice,
    body: unknown,
    run: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    try {
      await run();
      return reply.redirect(`/staff/meetings/${meetingId}?done=${done}#${form}`, 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      return this.showMeeting(
        actor,
        meetingId,
        request,
        reply,
        { ...problem, failedForm: form, values: body ?? {} },
        problem,
      );
    }
  }

  private async showMeeting(
    actor: StaffPrincipal,
    meetingId: string,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown>,
    problem?: FormProblem,
  ): Promise<FastifyReply> {
    const page = await this.content.meeting(actor, meetingId, requestLocale(request));
    return this.pages.render(
      request,
      reply,
      'meetings/meeting.njk',
      { ...page, values: {}, ...extra },
      problem?.status ?? 200,
    );
  }

  private async showList(
    actor: StaffPrincipal,
    query: MeetingListQueryDto,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown>,
    problem?: FormProblem,
  ): Promise<FastifyReply> {
    const list = await this.content.list(actor, query);
    const page = query.page ?? 1;
    return this.pages.render(
      request,
      reply,
      'meetings/list.njk',
      {
        list,
        canPlan: MeetingPermissions.may(actor.role, 'plan'),
        previousPage: page > 1 ? page - 1 : null,
        nextPage: page * list.pageSize < list.total ? page + 1 : null,
        status: query.status ?? null,
        values: {},
        ...extra,
      },
      problem?.status ?? 200,
    );
  }
}
