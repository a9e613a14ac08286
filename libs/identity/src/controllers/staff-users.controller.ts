import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, CsrfGuard, ParseIdPipe, STAFF_ROLES, StaffAccess } from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { InviteStaffDto } from '../dto/invite-staff.dto';
import { SendLinkDto } from '../dto/send-link.dto';
import { CurrentStaff } from '../http/current-staff.decorator';
import { FormProblem, formProblem } from '../http/form-problem';
import { readForm } from '../http/read-form';
import { StaffPages } from '../http/staff-pages';
import { requestMeta } from '../http/staff-request';
import { StaffAccounts } from '../services/staff-accounts.service';

const NOTICES = ['invited', 'deactivated', 'reactivated', 'invitation', 'password_reset'] as const;

/** Administrators manage staff accounts: invite, deactivate, reactivate, send a new link. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/users')
export class StaffUsersController {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly pages: StaffPages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('done') done?: string,
  ): Promise<FastifyReply> {
    const notice = (NOTICES as readonly string[]).includes(done ?? '') ? done : undefined;
    return this.show(request, reply, { notice });
  }

  @Post()
  @UseGuards(CsrfGuard)
  async invite(
    @CurrentStaff() actor: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    try {
      const form = readForm(InviteStaffDto, body);
      await this.accounts.invite(actor, form, requestMeta(request));
      return reply.redirect('/staff/users?done=invited', 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      const values = (body ?? {}) as Record<string, unknown>;
      return this.show(request, reply, { values, ...problem }, problem);
    }
  }

  @Post(':id/deactivate')
  @UseGuards(CsrfGuard)
  async deactivate(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await this.accounts.deactivate(actor, id, requestMeta(request));
      return reply.redirect('/staff/users?done=deactivated', 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      return this.show(request, reply, { ...problem }, problem);
    }
  }

  @Post(':id/reactivate')
  @UseGuards(CsrfGuard)
  async reactivate(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await this.accounts.reactivate(actor, id, requestMeta(request));
      return reply.redirect('/staff/users?done=reactivated', 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      return this.show(request, reply, { ...problem }, problem);
    }
  }

  /** A new invitation (never accepted) or a password reset link, by email. */
  @Post(':id/link')
  @UseGuards(CsrfGuard)
  async sendLink(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', new ParseIdPipe('staff_user_not_found')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    try {
      const form = readForm(SendLinkDto, body);
      const sent = await this.accounts.sendLink(
        actor,
        id,
        { resetTotp: form.scope === 'password_and_totp' },
        requestMeta(request),
      );
      return reply.redirect(`/staff/users?done=${sent}`, 303);
    } catch (error) {
      const problem = formProblem(error, reply);
      return this.show(request, reply, { ...problem }, problem);
    }
  }

  private async show(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown>,
    problem?: FormProblem,
  ): Promise<FastifyReply> {
    const users = await this.accounts.list();
    return this.pages.render(
      request,
      reply,
      'identity/users.njk',
      {
        users,
        roles: STAFF_ROLES,
        invitationHours: this.config.identity.invitationTtlHours,
        values: {},
        ...extra,
      },
      problem?.status ?? 200,
    );
  }
}
