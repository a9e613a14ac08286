import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfGuard, TokenAccess } from '@app/core';
import { SetPasswordForm } from '../dto/set-password.form';
import { StaffTokenPurpose } from '../entities/staff-token.entity';
import { LinkInvalidError } from '../exceptions/identity.errors';
import { formProblem } from '../http/form-problem';
import { readForm } from '../http/read-form';
import { SessionCookie } from '../http/session-cookie';
import { StaffPages } from '../http/staff-pages';
import { requestMeta } from '../http/staff-request';
import { StaffLinks } from '../services/staff-links.service';

/**
 * The pages of emailed links: set a password (invitation or reset), then go on to the second
 * factor. Opening a link spends nothing (mail scanners open links); setting the password does.
 */
@ApiExcludeController()
@TokenAccess()
@Controller('staff')
export class StaffLinksController {
  constructor(
    private readonly links: StaffLinks,
    private readonly cookie: SessionCookie,
    private readonly pages: StaffPages,
  ) {}

  @Get('invitation/:token')
  invitationPage(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.page('invitation', token, request, reply);
  }

  @Post('invitation/:token')
  @UseGuards(CsrfGuard)
  acceptInvitation(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.accept('invitation', token, request, reply, body);
  }

  @Get('reset/:token')
  resetPage(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.page('password_reset', token, request, reply);
  }

  @Post('reset/:token')
  @UseGuards(CsrfGuard)
  acceptReset(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<FastifyReply> {
    return this.accept('password_reset', token, request, reply, body);
  }

  private async page(
    purpose: StaffTokenPurpose,
    token: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      const name = await this.links.holderName(purpose, token);
      return this.pages.render(request, reply, 'identity/set-password.njk', { purpose, name });
    } catch (error) {
      if (error instanceof LinkInvalidError) return this.invalid(request, reply);
      throw error;
    }
  }

  private async accept(
    purpose: StaffTokenPurpose,
    token: string,
    request: FastifyRequest,
    reply: FastifyReply,
    body: unknown,
  ): Promise<FastifyReply> {
    try {
      const form = readForm(SetPasswordForm, body);
      const accepted = await this.links.accept(purpose, token, form, requestMeta(request));
      this.cookie.set(reply, accepted.token);
      return reply.redirect(`/staff/login/${accepted.next}`, 303);
    } catch (error) {
      if (error instanceof LinkInvalidError) return this.invalid(request, reply);
      const problem = formProblem(error, reply);
      return this.pages.render(
        request,
        reply,
        'identity/set-password.njk',
        { purpose, ...problem },
        problem.status,
      );
    }
  }

  private invalid(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.pages.render(request, reply, 'identity/link-invalid.njk', {}, 404);
  }
}
