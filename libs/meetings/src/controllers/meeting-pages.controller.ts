import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FormBody,
  Page,
  PageForm,
  Redirect,
  StaffAccess,
  firstValues,
  pathEnd,
  readForm,
  requestLocale,
  routeParam,
  seeOther,
  view,
} from '@app/core';
import { CurrentStaff, StaffPrincipal } from '@app/identity';
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

const LIST = 'meetings/list.njk';
const MEETING = 'meetings/meeting.njk';
const AGENDA = 'meetings/agenda.njk';
/** A form of the meeting page: the page again after a refusal, that form kept open. */
const MeetingForm = (form: string | ((request: FastifyRequest) => string)) =>
  PageForm(MEETING, { again: 'meetingAgain', form });
const itemForm = (prefix: string) => (request: FastifyRequest) =>
  `${prefix}-${routeParam(request, 'itemId')}`;

/** The status steps of the meeting page, by the last segment of their path. */
const STATUS_STEPS: Record<
  string,
  { done: Notice; run: (m: MeetingsService, actor: StaffPrincipal, id: string) => Promise<unknown> }
> = {
  publish: { done: 'published', run: (m, actor, id) => m.publishAgenda(actor, id) },
  held: { done: 'held', run: (m, actor, id) => m.markHeld(actor, id) },
  cancel: { done: 'cancelled', run: (m, actor, id) => m.cancel(actor, id) },
};

/** Back to the meeting page, at the form that was used, with its notice. */
function backTo(meetingId: string, done: Notice, form: string): Redirect {
  return seeOther(`/staff/meetings/${meetingId}?done=${done}#${form}`);
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
  ) {}

  @Get()
  @StaffAccess()
  @Page(LIST, { csrf: true })
  list(@CurrentStaff() actor: StaffPrincipal, @Query() query: MeetingListPageQueryDto) {
    return this.listPage(actor, {
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Post()
  @StaffAccess('administrator')
  @PageForm(LIST, { again: 'listAgain' })
  async plan(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(CreateMeetingDto) form: CreateMeetingDto,
  ): Promise<Redirect> {
    const { id } = await this.meetings.plan(actor, form);
    return seeOther(`/staff/meetings/${id}?done=planned`);
  }

  /** The meeting, or (`/agenda`) the members' view of its agenda with their comments. */
  @Get([':id', ':id/agenda'])
  @StaffAccess()
  @Page(MEETING, { csrf: true })
  async meeting(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Query('done') done: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    const page = await this.content.meeting(actor, params.id, requestLocale(request));
    const model = { ...page, notice: noticeOf(done) };
    return pathEnd(request) === 'agenda' ? view(AGENDA, model) : model;
  }

  /** The minutes, ready to print. */
  @Get(':id/minutes')
  @StaffAccess()
  @Page('meetings/minutes.njk', { csrf: true })
  async minutes(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
  ) {
    return { meeting: await this.documents.minutes(actor, params.id, requestLocale(request)) };
  }

  /** The meeting's status: publish its agenda, mark it held, or cancel it. */
  @Post([':id/publish', ':id/held', ':id/cancel'])
  @StaffAccess('administrator')
  @MeetingForm('status')
  async status(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
  ) {
    const step = STATUS_STEPS[pathEnd(request)];
    await step.run(this.meetings, actor, params.id);
    return backTo(params.id, step.done, 'status');
  }

  @Post(':id/items')
  @StaffAccess('administrator', 'legal_expert')
  @MeetingForm('add-item')
  async addItem(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @FormBody(AddAgendaItemFormDto) form: AddAgendaItemFormDto,
  ) {
    await this.meetingAgenda.addItem(actor, params.id, form.toCommand());
    return backTo(params.id, 'item_added', 'add-item');
  }

  @Post(':id/items/:itemId/remove')
  @StaffAccess('administrator', 'legal_expert')
  @MeetingForm('agenda')
  async removeItem(@CurrentStaff() actor: StaffPrincipal, @Param() params: AgendaItemParams) {
    await this.meetingAgenda.removeItem(actor, params.id, params.itemId);
    return backTo(params.id, 'item_removed', 'agenda');
  }

  /** Who attended, or the text of the minutes: the two records of a held meeting. */
  @Post([':id/attendance', ':id/minutes'])
  @StaffAccess('administrator')
  @MeetingForm((request) => pathEnd(request))
  async record(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @Req() request: FastifyRequest,
  ) {
    const part = pathEnd(request) === 'attendance' ? 'attendance' : 'minutes';
    if (part === 'attendance') {
      const present = readForm(AttendanceFormDto, request.body).present ?? [];
      await this.meetingAttendance.recordAttendance(actor, params.id, present);
    } else {
      await this.meetingMinutes.saveMinutes(
        actor,
        params.id,
        readForm(MinutesDto, request.body).text,
      );
    }
    return backTo(params.id, part, part);
  }

  @Post(':id/items/:itemId/recusals')
  @StaffAccess('administrator')
  @MeetingForm(itemForm('item'))
  async recusal(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @FormBody(RecusalDto) form: RecusalDto,
  ) {
    await this.meetingAttendance.declareRecusal(actor, params.id, params.itemId, form.memberId);
    return backTo(params.id, 'recusal', `item-${params.itemId}`);
  }

  @Post(':id/decisions')
  @StaffAccess('administrator')
  @MeetingForm((request) => `decide-${firstValues(request.body).caseId ?? ''}`)
  async decide(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: MeetingIdParams,
    @FormBody(DecisionFormDto) form: DecisionFormDto,
  ) {
    await this.meetingDecisions.recordDecision(actor, params.id, form.toCommand());
    return backTo(params.id, 'decision', `decide-${form.caseId}`);
  }

  @Post(':id/minutes/approve')
  @StaffAccess('administrator')
  @MeetingForm('minutes')
  async approve(@CurrentStaff() actor: StaffPrincipal, @Param() params: MeetingIdParams) {
    await this.meetingMinutes.approveMinutes(actor, params.id);
    return backTo(params.id, 'approved', 'minutes');
  }

  /** Comments are written on the members' agenda page, and it is shown again. */
  @Post(':id/items/:itemId/comments')
  @StaffAccess()
  @PageForm(AGENDA, { again: 'meetingAgain', form: itemForm('comment') })
  async comment(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() params: AgendaItemParams,
    @FormBody(CommentDto) form: CommentDto,
  ): Promise<Redirect> {
    await this.meetingComments.comment(actor, params.id, params.itemId, form.body);
    return seeOther(`/staff/meetings/${params.id}/agenda?done=comment#item-${params.itemId}`);
  }

  /** The meeting (or its members' agenda) again after a refused form. */
  meetingAgain(request: FastifyRequest) {
    return this.content.meeting(request.staff!, routeParam(request, 'id'), requestLocale(request));
  }

  listAgain(request: FastifyRequest) {
    return this.listPage(request.staff!, {});
  }

  private async listPage(actor: StaffPrincipal, query: MeetingListQueryDto) {
    const list = await this.content.list(actor, query);
    const page = query.page ?? 1;
    return {
      list,
      canPlan: MeetingPermissions.may(actor.role, 'plan'),
      previousPage: page > 1 ? page - 1 : null,
      nextPage: page * list.pageSize < list.total ? page + 1 : null,
      status: query.status ?? null,
    };
  }
}
