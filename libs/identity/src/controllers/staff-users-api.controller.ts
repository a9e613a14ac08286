import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ParseIdPipe, StaffAccess, requestLocale } from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { InviteStaffDto } from '../dto/invite-staff.dto';
import { SendLinkDto } from '../dto/send-link.dto';
import { CreatedStaffDto, SentLinkDto, StaffAccountDto } from '../dto/staff-account.dto';
import { CurrentStaff } from '../http/current-staff.decorator';
import { requestMeta } from '../http/staff-request';
import { StaffAccounts } from '../services/staff-accounts.service';

/** Staff accounts for API clients (administrators; changes need the `x-csrf-token` header). */
@ApiTags('staff users')
@StaffAccess('administrator')
@Controller('api/v1/staff-users')
export class StaffUsersApiController {
  constructor(private readonly accounts: StaffAccounts) {}

  @Get()
  @ApiOkResponse({ type: [StaffAccountDto] })
  async list(@Req() request: FastifyRequest): Promise<StaffAccountDto[]> {
    const users = await this.accounts.list(requestLocale(request));
    return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
  }

  /** Creates the account and emails the invitation link. */
  @Post()
  @ApiCreatedResponse({ type: CreatedStaffDto })
  @ApiConflictResponse({ description: 'email_taken' })
  async invite(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() body: InviteStaffDto,
    @Req() request: FastifyRequest,
  ): Promise<CreatedStaffDto> {
    return { id: await this.accounts.invite(actor, body, requestMeta(request)) };
  }

  /** Ends the account's sessions and links; idempotent. */
  @Post(':id/deactivate')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'cannot_deactivate_self, last_administrator' })
  async deactivate(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.accounts.deactivate(actor, id, requestMeta(request));
  }

  @Post(':id/reactivate')
  @HttpCode(204)
  @ApiNoContentResponse()
  async reactivate(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.accounts.reactivate(actor, id, requestMeta(request));
  }

  /** Emails a new invitation (never accepted) or a password reset link. */
  @Post(':id/link')
  @HttpCode(202)
  @ApiOkResponse({ type: SentLinkDto })
  async sendLink(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Body() body: SendLinkDto,
    @Req() request: FastifyRequest,
  ): Promise<SentLinkDto> {
    const sent = await this.accounts.sendLink(
      actor,
      id,
      { resetTotp: body.scope === 'password_and_totp' },
      requestMeta(request),
    );
    return { sent };
  }
}
