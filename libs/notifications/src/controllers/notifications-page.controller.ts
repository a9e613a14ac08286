import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page, Redirect, RedirectForm, StaffAccess, seeOther, type StaffRole } from '@app/core';
import { NotificationPermissions } from '../domain/notification-permissions';
import { NotificationIdParams, NotificationsPageQueryDto } from '../dto/dead-notification.dto';
import { CurrentStaffRole } from '../http/current-staff-role';
import { NotificationAdminService } from '../services/notification-admin.service';

/** The administrators' page of the mail pipeline: counts, dead letters, a retry button each. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/notifications')
export class NotificationsPageController {
  constructor(private readonly admin: NotificationAdminService) {}

  @Get()
  @Page('notifications/admin.njk', { csrf: true })
  async page(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Query() query: NotificationsPageQueryDto,
  ) {
    const page = query.page ?? 1;
    const [summary, dead] = await Promise.all([
      this.admin.summary(),
      this.admin.deadLetters(actor, page, query.pageSize ?? 50),
    ]);
    return {
      summary,
      dead,
      retried: query.retried === '1',
      mayRetry: NotificationPermissions.may(actor.role, 'retry'),
      previousPage: page > 1 ? page - 1 : null,
      nextPage: page * dead.pageSize < dead.total ? page + 1 : null,
    };
  }

  @Post(':id/retry')
  @RedirectForm()
  async retry(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Param() params: NotificationIdParams,
  ): Promise<Redirect> {
    await this.admin.retry(actor, params.id);
    return seeOther('/staff/notifications?retried=1');
  }
}
