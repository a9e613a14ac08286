import { Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CsrfGuard,
  CsrfService,
  StaffAccess,
  ViewRenderer,
  pageContext,
  sendPage,
  type StaffRole,
} from '@app/core';
import { NotificationPermissions } from '../domain/notification-permissions';
import { NotificationIdParams, NotificationsPageQueryDto } from '../dto/dead-notification.dto';
import { CurrentStaffRole } from '../http/current-staff-role';
import { NotificationAdminService } from '../services/notification-admin.service';

/** The administrators' page of the mail pipeline: counts, dead letters, a retry button each. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/notifications')
export class NotificationsPageController {
  constructor(
    private readonly admin: NotificationAdminService,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
  ) {}

  @Get()
  async page(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Query() query: NotificationsPageQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const page = query.page ?? 1;
    const [summary, dead] = await Promise.all([
      this.admin.summary(),
      this.admin.deadLetters(actor, page, query.pageSize ?? 50),
    ]);
    return sendPage(
      reply,
      this.views,
      'notifications/admin.njk',
      pageContext(request, {
        // The signed-in administrator, for the staff navigation of "staff-layout.njk" (set on
        // the request by the identity lib's guard, which this lib does not depend on).
        staff: (request as FastifyRequest & { staff?: unknown }).staff ?? null,
        summary,
        dead,
        retried: query.retried === '1',
        mayRetry: NotificationPermissions.may(actor.role, 'retry'),
        csrf: this.csrf.token(request, reply),
        previousPage: page > 1 ? page - 1 : null,
        nextPage: page * dead.pageSize < dead.total ? page + 1 : null,
      }),
    );
  }

  @Post(':id/retry')
  @UseGuards(CsrfGuard)
  async retry(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Param() params: NotificationIdParams,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    await this.admin.retry(actor, params.id);
    return reply.redirect('/staff/notifications?retried=1', 303);
  }
}
