import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FormBody,
  Page,
  PageForm,
  PageResult,
  Redirect,
  Refused,
  TokenAccess,
  seeOther,
  view,
} from '@app/core';
import { SetPasswordForm } from '../dto/set-password.form';
import { StaffTokenPurpose } from '../entities/staff-token.entity';
import { LinkInvalidError } from '../exceptions/identity.errors';
import { SessionCookie } from '../http/session-cookie';
import { requestMeta } from '../http/staff-request';
import { StaffLinks } from '../services/staff-links.service';

const SET_PASSWORD = 'identity/set-password.njk';

/** What the link of the request is for: `/staff/invitation/…` or `/staff/reset/…`. */
function purposeOf(request: FastifyRequest): StaffTokenPurpose {
  return request.url.startsWith('/staff/invitation/') ? 'invitation' : 'password_reset';
}

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
  ) {}

  @Get(['invitation/:token', 'reset/:token'])
  @Page(SET_PASSWORD, { csrf: true })
  async linkPage(@Param('token') token: string, @Req() request: FastifyRequest) {
    const purpose = purposeOf(request);
    try {
      return { purpose, name: await this.links.holderName(purpose, token) };
    } catch (error) {
      if (error instanceof LinkInvalidError) return this.invalid();
      throw error;
    }
  }

  @Post(['invitation/:token', 'reset/:token'])
  @PageForm(SET_PASSWORD, { again: 'passwordAgain' })
  async setPassword(
    @Param('token') token: string,
    @FormBody(SetPasswordForm) form: SetPasswordForm,
    @Req() request: FastifyRequest,
  ): Promise<Redirect> {
    const purpose = purposeOf(request);
    const accepted = await this.links.accept(purpose, token, form, requestMeta(request));
    return seeOther(`/staff/login/${accepted.next}`).with((reply) =>
      this.cookie.set(reply, accepted.token),
    );
  }

  passwordAgain(request: FastifyRequest, { error }: Refused): PageResult {
    return error instanceof LinkInvalidError ? this.invalid() : { purpose: purposeOf(request) };
  }

  private invalid(): PageResult {
    return view('identity/link-invalid.njk', {}, 404);
  }
}
