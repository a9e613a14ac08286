import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CsrfGuard, StaffAccess, StaffRole } from '@app/core';
import {
  DeadNotificationListDto,
  DeadNotificationQueryDto,
  NotificationIdParams,
  RetriedNotificationDto,
} from '../dto/dead-notification.dto';
import { NotificationSummaryDto } from '../dto/notification-summary.dto';
import { CurrentStaffRole } from '../http/current-staff-role';
import { NotificationAdminService } from '../services/notification-admin.service';

/** Administrators watch the mail pipeline and send dead-lettered emails again. */
@ApiTags('notifications')
@StaffAccess('administrator')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly admin: NotificationAdminService) {}

  /** Counts of the outbox and of the mail queue (queue null when Redis does not answer). */
  @Get('summary')
  @ApiOkResponse({ type: NotificationSummaryDto })
  summary(): Promise<NotificationSummaryDto> {
    return this.admin.summary();
  }

  /** Dead-lettered emails, newest first, with their last error; never their recipient. */
  @Get('dead')
  @ApiOkResponse({ type: DeadNotificationListDto })
  dead(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Query() query: DeadNotificationQueryDto,
  ): Promise<DeadNotificationListDto> {
    return this.admin.deadLetters(actor, query.page ?? 1, query.pageSize ?? 50);
  }

  /** Sends a dead-lettered email again (with a fresh set of attempts). */
  @Post(':id/retry')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @ApiOkResponse({ type: RetriedNotificationDto })
  @ApiNotFoundResponse({ description: 'No such notification' })
  @ApiConflictResponse({ description: 'The notification is not dead-lettered' })
  retry(
    @CurrentStaffRole() actor: { role: StaffRole },
    @Param() params: NotificationIdParams,
  ): Promise<RetriedNotificationDto> {
    return this.admin.retry(actor, params.id);
  }
}
