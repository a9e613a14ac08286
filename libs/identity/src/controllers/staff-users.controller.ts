import { Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  FormBody,
  Page,
  PageForm,
  ParseIdPipe,
  Redirect,
  STAFF_ROLES,
  StaffAccess,
  pathEnd,
  requestLocale,
  seeOther,
} from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { InviteStaffDto } from '../dto/invite-staff.dto';
import { SendLinkDto } from '../dto/send-link.dto';
import { CurrentStaff } from '../http/current-staff.decorator';
import { requestMeta } from '../http/staff-request';
import { StaffAccounts } from '../services/staff-accounts.service';

const NOTICES = ['invited', 'deactivated', 'reactivated', 'invitation', 'password_reset'] as const;
const USERS = 'identity/users.njk';

/** Administrators manage staff accounts: invite, deactivate, reactivate, send a new link. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/users')
export class StaffUsersController {
  constructor(
    private readonly accounts: StaffAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Page(USERS, { csrf: true })
  async list(@Req() request: FastifyRequest, @Query('done') done?: string) {
    const notice = (NOTICES as readonly string[]).includes(done ?? '') ? done : undefined;
    return { ...(await this.usersPage(request)), notice };
  }

  @Post()
  @PageForm(USERS, { again: 'usersPage' })
  async invite(
    @CurrentStaff() actor: StaffPrincipal,
    @FormBody(InviteStaffDto) form: InviteStaffDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    await this.accounts.invite(actor, form, requestMeta(request));
    return seeOther('/staff/users?done=invited');
  }

  @Post([':id/deactivate', ':id/reactivate'])
  @PageForm(USERS, { again: 'usersPage' })
  async setActive(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const step = pathEnd(request) === 'deactivate' ? 'deactivate' : 'reactivate';
    await this.accounts[step](actor, id, requestMeta(request));
    return seeOther(`/staff/users?done=${step}d`);
  }

  /** A new invitation (never accepted) or a password reset link, by email. */
  @Post(':id/link')
  @PageForm(USERS, { again: 'usersPage' })
  async sendLink(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @FormBody(SendLinkDto) form: SendLinkDto,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const sent = await this.accounts.sendLink(actor, id, form.toOptions(), requestMeta(request));
    return seeOther(`/staff/users?done=${sent}`);
  }

  /** The accounts and the invitation form (again after a refusal, with what was typed). */
  async usersPage(request: FastifyRequest) {
    const locale = requestLocale(request);
    return {
      users: await this.accounts.list(locale),
      institutions: await this.accounts.institutions(locale),
      roles: STAFF_ROLES,
      invitationHours: this.config.identity.invitationTtlHours,
    };
  }
}
